/**
 * Recursive-descent parser for Logs Insights queries. It stops at the first syntax error and
 * reports it with a position and, for misspelt commands and functions, the likely intended name.
 */

import type { BinaryOp, Command, Expr, Projection, Query, SortKey } from './ast.ts';
import { commandSpellings, findCommand, functionAliases, functionCatalogue } from './catalogue.ts';
import { functionsByName } from './functions.ts';
import { type LexError, type Token, tokenize } from './lexer.ts';
import { compileRegex, countGroups, namedGroups } from './regex.ts';
import { closest } from './suggest.ts';

export interface Diagnostic {
  message: string;
  /** 1-based line of the problem. */
  line: number;
  /** 1-based column (UTF-16 code units) of the problem. */
  column: number;
  /** Offsets into the query, for editors that underline. */
  start: number;
  end: number;
}

export type ParseResult = { ok: true; query: Query; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[] };

/** The limit page: "You can specify a `limit` value of up to 100,000." */
export const MAX_LIMIT = 100_000;
const reserved = new Set(['and', 'or', 'not', 'like', 'in', 'by', 'as', 'asc', 'desc']);

/** Milliseconds per time unit; calendar units count months instead. */
const units: Record<string, { ms: number; months: number; cap?: number }> = {};
for (const [names, ms, months, cap] of [
  [['ms', 'msec', 'msecs', 'millisecond', 'milliseconds'], 1, 0, 1000],
  [['s', 'sec', 'secs', 'second', 'seconds'], 1000, 0, 60],
  [['m', 'min', 'mins', 'minute', 'minutes'], 60_000, 0, 60],
  [['h', 'hr', 'hrs', 'hour', 'hours'], 3_600_000, 0, 24],
  [['d', 'day', 'days'], 86_400_000, 0, undefined],
  [['w', 'week', 'weeks'], 604_800_000, 0, undefined],
  [['mo', 'mon', 'mons', 'month', 'months'], 0, 1, undefined],
  [['q', 'qtr', 'qtrs', 'quarter', 'quarters'], 0, 3, undefined],
  [['y', 'yr', 'yrs', 'year', 'years'], 0, 12, undefined],
] as const) {
  for (const name of names) units[name] = { ms, months, ...(cap === undefined ? {} : { cap }) };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

class SyntaxError_ extends Error {
  // Plain fields, not parameter properties: Node's type stripping (bench/, `node file.ts`) refuses those.
  readonly start: number;
  readonly end: number;
  constructor(message: string, start: number, end: number) {
    super(message);
    this.start = start;
    this.end = end;
  }
}

export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, text.length);
  for (let i = 0; i < stop; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: stop - lineStart + 1 };
}

const diagnostic = (text: string, e: { message: string; start: number; end: number }): Diagnostic => ({
  message: e.message,
  ...positionOf(text, e.start),
  start: e.start,
  end: e.end,
});

const quoteToken = (t: Token): string => (t.kind === 'eof' ? 'the end of the query' : `'${t.text}'`);

/** Parses a query. Never throws: every problem, even an internal one, becomes a diagnostic. */
export function parseQuery(text: string): ParseResult {
  try {
    const src = typeof text === 'string' ? text : String(text);
    const { tokens, errors } = tokenize(src);
    if (errors.length) return { ok: false, errors: errors.map((e: LexError) => diagnostic(src, e)) };
    const parser = new Parser(src, tokens);
    const query = parser.parseQuery();
    return { ok: true, query, warnings: parser.warnings.map((w) => diagnostic(src, w)) };
  } catch (error) {
    if (error instanceof SyntaxError_) return { ok: false, errors: [diagnostic(String(text), error)] };
    const message = `Internal parser error: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, errors: [{ message, line: 1, column: 1, start: 0, end: 0 }] };
  }
}

class Parser {
  private i = 0;
  private inStats = false;
  private inAggregate = false;
  private inStatsBy = false;
  private inSubquery = false;
  private depth = 0;
  readonly warnings: { message: string; start: number; end: number }[] = [];

  private readonly text: string;
  private readonly tokens: Token[];
  constructor(text: string, tokens: Token[]) {
    this.text = text;
    this.tokens = tokens;
  }

  private get peek(): Token {
    return this.tokens[this.i] as Token;
  }
  /** A method, not a getter, so that TypeScript does not narrow it across `next()` calls. */
  private kind(): Token['kind'] {
    return this.peek.kind;
  }
  private peekAt(k: number): Token {
    return (this.tokens[this.i + k] ?? this.tokens[this.tokens.length - 1]) as Token;
  }
  private next(): Token {
    const t = this.peek;
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  private fail(message: string, token: Token = this.peek): never {
    throw new SyntaxError_(message, token.start, Math.max(token.end, token.start + 1));
  }
  private isWord(word: string, t: Token = this.peek): boolean {
    return t.kind === 'word' && t.value.toLowerCase() === word;
  }
  private isOp(op: string, t: Token = this.peek): boolean {
    return t.kind === 'op' && t.value === op;
  }

  parseQuery(): Query {
    if (this.kind() === 'eof') this.fail('The query is empty: start with a command such as fields, filter or stats');
    const query = this.parsePipeline(false);
    if (this.kind() !== 'eof') this.fail(`Expected '|' or the end of the query, found ${quoteToken(this.peek)}`);
    return { commands: query.commands, text: this.text };
  }

  /** Commands separated by `|`, up to the end of the query or, in a subquery, the closing `)`. */
  private parsePipeline(nested: boolean): Query {
    const start = this.peek.start;
    const commands: Command[] = [];
    const statsAliases = new Set<string>();
    let statsCount = 0;
    for (;;) {
      if (this.kind() === 'pipe') this.fail(`Expected a command before '|'`);
      const previous = commands[commands.length - 1];
      const keyword = this.peek;
      const command = this.parseCommand();
      if (previous?.kind === 'dedup' && command.kind !== 'limit') {
        // The dedup page's wording.
        throw new SyntaxError_(
          'The only query command that you can use in a query after the dedup command is limit',
          command.start,
          keyword.end,
        );
      }
      if (command.kind === 'source' && commands.length > 0) {
        throw new SyntaxError_('SOURCE must be the first command of a query', command.start, keyword.end);
      }
      if (command.kind === 'stats') {
        statsCount++;
        if (statsCount > 2) {
          throw new SyntaxError_('A query can have at most two stats commands', command.start, command.start + 5);
        }
        this.checkStatsNames(command, statsAliases);
      }
      commands.push(command);
      const t = this.peek;
      if (t.kind === 'eof' || (nested && t.kind === 'rparen')) break;
      if (t.kind !== 'pipe') {
        this.fail(`Expected '|' or ${nested ? "')'" : 'the end of the query'}, found ${quoteToken(t)}`);
      }
      this.next();
      if (this.kind() === 'eof') this.fail(`Expected a command after '|'`);
    }
    const end = this.tokens[this.i - 1]?.end ?? start;
    return { commands, text: this.text.slice(start, end) };
  }

  /**
   * A stats command names each column once, and a second stats may not redefine a name the first
   * one made: CloudWatch rejects both, as it rejects a field that is both grouped on and aliased.
   */
  private checkStatsNames(command: Extract<Command, { kind: 'stats' }>, earlier: Set<string>): void {
    const seen = new Set<string>();
    for (const p of [...command.by, ...command.items]) {
      const name = p.alias ?? p.text;
      if (seen.has(name)) {
        throw new SyntaxError_(
          `'${name}' is defined twice in this stats command: give each column its own name`,
          p.start,
          p.end,
        );
      }
      seen.add(name);
      if (p.alias !== undefined && earlier.has(p.alias)) {
        throw new SyntaxError_(
          `'${p.alias}' is already defined by the first stats command: a second stats cannot redefine it`,
          p.start,
          p.end,
        );
      }
    }
    // `stats count(*) by x, x as y`: one field projected under two names.
    const all = [...command.by, ...command.items];
    all.forEach((p, i) => {
      const twin = all.slice(0, i).find((q) => q.expr.kind === 'field' && q.text === p.text);
      if (p.expr.kind === 'field' && twin && (p.alias !== undefined || twin.alias !== undefined)) {
        throw new SyntaxError_(
          `'${p.text}' is both projected and re-aliased as '${p.alias ?? twin.alias}' in this stats command`,
          p.start,
          p.end,
        );
      }
    });
    for (const name of seen) earlier.add(name);
  }

  private parseCommand(): Command {
    const t = this.peek;
    if (t.kind !== 'word') {
      this.fail(`Expected a command such as fields, filter or stats, found ${quoteToken(t)}`);
    }
    const info = findCommand(t.value);
    if (!info) {
      const guess = closest(t.value, commandSpellings);
      this.fail(`Unknown command '${t.value}'.${guess ? ` Did you mean '${guess}'?` : ''}`);
    }
    if (info.refusal) this.fail(`'${info.name}' cannot run on pasted logs: ${info.refusal}`);
    const name = t.value.toLowerCase();
    this.next();
    const start = t.start;
    const finish = (c: DistributiveOmit<Command, 'start' | 'end'>): Command =>
      ({ ...c, start, end: this.tokens[this.i - 1]?.end ?? start }) as Command;
    switch (name) {
      case 'fields':
      case 'display':
        return finish({ kind: name, items: this.parseProjections(name) });
      case 'filter':
      case 'where':
      case 'filterindex': {
        if (this.atCommandEnd()) this.fail(`Expected a condition after '${t.value}', e.g. ${t.value} @type = "REPORT"`);
        const expr = this.parseExpr();
        return finish(name === 'filterindex' ? { kind: 'filter', expr, index: true } : { kind: 'filter', expr });
      }
      case 'stats':
        return this.parseStats(start);
      case 'sort':
      case 'order':
        return finish({ kind: 'sort', keys: this.parseSortKeys(t.value) });
      case 'limit':
      case 'head': {
        const any = this.isWord('any') && this.peekAt(1).kind === 'number';
        if (any) this.next();
        return finish({ kind: 'limit', count: this.parseLimit(t.value), any });
      }
      case 'dedup': {
        if (this.atCommandEnd()) this.fail(`Expected a field after 'dedup', e.g. dedup @requestId`);
        const fields = [this.parseFieldRef('dedup')];
        while (this.kind() === 'comma') {
          this.next();
          fields.push(this.parseFieldRef('dedup'));
        }
        return finish({ kind: 'dedup', fields });
      }
      case 'source':
        return finish(this.parseSource());
      case 'unnest': {
        const field = this.parseFieldRef('unnest');
        if (!this.isWord('into'))
          this.fail(`Expected 'into' and a name after 'unnest ${this.text.slice(field.start, field.end)}'`);
        this.next();
        return finish({ kind: 'unnest', field, into: this.parseName('into') });
      }
      case 'pattern': {
        const source: Expr = this.atCommandEnd()
          ? { kind: 'field', name: '@message', start, end: start }
          : this.parseExpr();
        return finish({ kind: 'pattern', source });
      }
      case 'appendcols': {
        const options = this.parseOptions(['override', 'max']);
        const max = options.max === undefined ? 10_000 : Number(options.max);
        if (!Number.isInteger(max) || max < 1 || max > 100_000) this.fail(`'max' in appendcols takes 1 to 100000`);
        return finish({
          kind: 'appendcols',
          override: options.override === 'true',
          max,
          query: this.parseSubquery('appendcols'),
        });
      }
      case 'join':
        return finish(this.parseJoin());
      case 'accum': {
        const field = this.parseFieldRef('accum');
        const ref = this.text.slice(field.start, field.end);
        let alias = `${ref}_accum`;
        if (this.isWord('as')) {
          this.next();
          alias = this.parseName('as');
        }
        return finish({ kind: 'accum', field, alias });
      }
      case 'autoregress':
        return finish(this.parseAutoregress());
      case 'filldown': {
        const patterns: string[] = [];
        while (!this.atCommandEnd()) {
          if (this.kind() === 'comma') {
            this.next();
            continue;
          }
          const f = this.peek;
          if (f.kind !== 'word' && f.kind !== 'field')
            this.fail(`Expected a field name or pattern such as cpu* after 'filldown'`);
          this.next();
          let pattern = f.value;
          if (this.isOp('*') && this.peek.start === f.end) pattern += this.next().value;
          patterns.push(pattern);
        }
        return finish({ kind: 'filldown', patterns });
      }
      case 'fillmissing': {
        const fills: { value: string | number; field: string }[] = [];
        if (this.isWord('with')) {
          this.next();
          for (;;) {
            const v = this.parseUnary();
            if (v.kind !== 'number' && v.kind !== 'string')
              this.fail(`Expected a number or "string" after 'with'`, this.tokens[this.i - 1]);
            if (!this.isWord('for')) this.fail(`Expected 'for' and a field after the fill value`);
            this.next();
            fills.push({ value: v.value, field: this.parseName('for') });
            if (this.kind() !== 'comma') break;
            this.next();
          }
        }
        return finish({ kind: 'fillmissing', fills });
      }
      case 'json':
        return this.parseJsonField(start);
      case 'countfrequent':
      case 'count_frequent':
        return finish({ kind: 'countFrequent', fields: this.parseFieldList(t.value, true) });
      case 'expand':
        return finish({ kind: 'expand', field: this.parseFieldRef('expand') });
      case 'addtotals': {
        const options = this.parseOptions(['fieldname', 'row', 'col']);
        const fields = this.atCommandEnd()
          ? []
          : this.parseFieldList('addtotals', true).map((f) => this.text.slice(f.start, f.end));
        return finish({
          kind: 'addtotals',
          fieldname: options.fieldname ?? 'Total',
          row: (options.row ?? 'true').toLowerCase() !== 'false',
          col: (options.col ?? 'false').toLowerCase() === 'true',
          fields,
        });
      }
      case 'sessionize': {
        const fields = this.parseFieldList('sessionize', true);
        let maxspanMs = 30 * 60_000;
        if (this.isWord('maxspan')) {
          this.next();
          const p = this.peek;
          if (p.kind !== 'period') this.fail(`Expected a duration such as 1h after 'maxspan', found ${quoteToken(p)}`);
          this.next();
          const period = this.period(p);
          maxspanMs = period.kind === 'period' ? period.ms + period.months * 30 * 86_400_000 : maxspanMs;
        }
        let alias = 'session_id';
        if (this.isWord('as')) {
          this.next();
          alias = this.parseName('as');
        }
        return finish({ kind: 'sessionize', fields, maxspanMs, alias });
      }
      case 'outlier': {
        const options = this.parseOptions(['action', 'param', 'uselower', 'mark']);
        const action = (options.action ?? 'transform').toLowerCase();
        if (action !== 'remove' && action !== 'transform')
          this.fail(`outlier action must be remove or transform; found '${options.action}'`);
        const param = Number(options.param ?? 2.5);
        if (!Number.isFinite(param) || param <= 0)
          this.fail(`outlier param must be a positive number; found '${options.param}'`);
        return finish({
          kind: 'outlier',
          action,
          param,
          uselower: (options.uselower ?? 'false').toLowerCase() === 'true',
          mark: (options.mark ?? 'false').toLowerCase() === 'true',
          fields: this.parseFieldList('outlier', false),
        });
      }
      default:
        return this.parseParse(start);
    }
  }

  /** Field names separated by commas, or (`commasOnly` false, as outlier's `cpu memory`) spaces. */
  private parseFieldList(command: string, commasOnly: boolean): Expr[] {
    if (this.atCommandEnd()) this.fail(`Expected a field after '${command}'`);
    const fields = [this.parseFieldRef(command)];
    for (;;) {
      if (this.kind() === 'comma') {
        this.next();
        fields.push(this.parseFieldRef(command));
      } else if (
        !commasOnly &&
        (this.kind() === 'word' || this.kind() === 'field') &&
        !this.isWord('maxspan') &&
        !this.isWord('as')
      ) {
        fields.push(this.parseFieldRef(command));
      } else return fields;
    }
  }

  private parseName(after: string): string {
    const n = this.peek;
    if (n.kind !== 'field' && (n.kind !== 'word' || reserved.has(n.value.toLowerCase()))) {
      this.fail(`Expected a name after '${after}', found ${quoteToken(n)}`);
    }
    this.next();
    return n.value;
  }

  /** `key=value` options before a subquery, as appendcols and join take them. */
  private parseOptions(allowed: readonly string[]): Record<string, string> {
    const options: Record<string, string> = {};
    while (this.kind() === 'word' && this.isOp('=', this.peekAt(1))) {
      const key = this.next();
      const lower = key.value.toLowerCase();
      if (!allowed.includes(lower)) this.fail(`Unknown option '${key.value}': expected ${allowed.join(', ')}`, key);
      this.next();
      const value = this.next();
      if (value.kind !== 'word' && value.kind !== 'number' && value.kind !== 'string') {
        this.fail(`Expected a value after '${key.value}='`, value);
      }
      options[lower] = value.value;
    }
    return options;
  }

  private parseSubquery(command: string): Query {
    if (this.kind() !== 'lparen')
      this.fail(`Expected '(' and a query after '${command}', found ${quoteToken(this.peek)}`);
    const open = this.next();
    if (this.inSubquery) this.fail('Subqueries cannot be nested', open);
    const was = this.inSubquery;
    this.inSubquery = true;
    const query = this.parsePipeline(true);
    this.inSubquery = was;
    if (this.kind() !== 'rparen')
      this.fail(`Expected ')' to close the subquery opened at column ${positionOf(this.text, open.start).column}`);
    this.next();
    return query;
  }

  private parseSource(): DistributiveOmit<Command, 'start' | 'end'> {
    const source = {
      kind: 'source' as const,
      names: [] as string[],
      prefixes: [] as string[],
      accounts: [] as string[],
      classes: [] as string[],
    };
    const t = this.peek;
    if (t.kind === 'string' || t.kind === 'field' || (t.kind === 'word' && t.value !== 'logGroups')) {
      // `SOURCE '/aws/lambda/name'` (subqueries, join) or `SOURCE lg` (appendcols).
      this.next();
      source.names.push(t.value);
      return source;
    }
    if (!(t.kind === 'word' && this.peekAt(1).kind === 'lparen')) {
      this.fail(`Expected logGroups(…) or a log group name after SOURCE, found ${quoteToken(t)}`);
    }
    this.next();
    this.next();
    while (this.kind() !== 'rparen') {
      const key = this.peek;
      if (key.kind !== 'word' || this.peekAt(1).kind !== 'colon') {
        this.fail(`Expected namePrefix:, accountIdentifiers: or class: in logGroups(…), found ${quoteToken(key)}`);
      }
      this.next();
      this.next();
      if (this.kind() !== 'lbracket') this.fail(`Expected a list such as ['name'] after '${key.value}:'`);
      this.next();
      const values: string[] = [];
      while (this.kind() !== 'rbracket') {
        const v = this.next();
        if (v.kind !== 'string' && v.kind !== 'word' && v.kind !== 'number')
          this.fail(`Expected a 'string' in the list`, v);
        values.push(v.value);
        if (this.kind() === 'comma') this.next();
        else if (this.kind() !== 'rbracket')
          this.fail(`Expected ',' or ']' in the list, found ${quoteToken(this.peek)}`);
      }
      this.next();
      const k = key.value.toLowerCase();
      if (k === 'nameprefix') {
        if (values.length > 5) this.fail('namePrefix takes at most five prefixes', key);
        source.prefixes.push(...values);
      } else if (k === 'accountidentifiers' || k === 'accountidentifier') {
        if (values.length > 20) this.fail('accountIdentifiers takes at most 20 accounts', key);
        source.accounts.push(...values);
      } else if (k === 'class' || k === 'loggroupclass') source.classes.push(...values);
      else {
        this.warnings.push({
          message: `SOURCE selector '${key.value}' is not evaluated on a paste: it selects every pasted event`,
          start: key.start,
          end: key.end,
        });
      }
      if (this.kind() === 'comma') this.next();
      else if (this.kind() !== 'rparen')
        this.fail(`Expected ',' or ')' in logGroups(…), found ${quoteToken(this.peek)}`);
    }
    this.next();
    return source;
  }

  private parseJoin(): DistributiveOmit<Command, 'start' | 'end'> {
    const options = this.parseOptions(['type', 'left', 'right']);
    const type = (options.type ?? 'inner').toLowerCase();
    if (type !== 'inner' && type !== 'left') this.fail(`join type must be inner or left; found '${options.type}'`);
    const left = options.left ?? 'left';
    const right = options.right ?? 'right';
    if (!this.isWord('where')) this.fail(`Expected 'where ${left}.field=${right}.field' in join`);
    this.next();
    const a = this.next();
    if (!this.isOp('=') && !this.isOp('==')) this.fail(`Expected '=' between the join keys`);
    this.next();
    const b = this.next();
    const key = (t: Token, alias: string): string | null =>
      (t.kind === 'word' || t.kind === 'field') && t.value.startsWith(`${alias}.`)
        ? t.value.slice(alias.length + 1)
        : null;
    const leftKey = key(a, left) ?? key(b, left);
    const rightKey = key(b, right) ?? key(a, right);
    if (!leftKey || !rightKey) this.fail(`The join keys must be written ${left}.<field>=${right}.<field>`, a);
    return { kind: 'join', type, left, right, leftKey, rightKey, query: this.parseSubquery('join') };
  }

  private parseAutoregress(): DistributiveOmit<Command, 'start' | 'end'> {
    const field = this.parseFieldRef('autoregress');
    const name = this.text.slice(field.start, field.end);
    let alias: string | undefined;
    if (this.isWord('as')) {
      this.next();
      alias = this.parseName('as');
    }
    let from = 1;
    let to = 1;
    if (this.isWord('p') && this.isOp('=', this.peekAt(1))) {
      this.next();
      this.next();
      const a = this.next();
      if (a.kind !== 'number' || !/^\d+$/.test(a.text)) this.fail(`Expected a lag such as p=1 or p=1-4`, a);
      from = Number(a.text);
      to = from;
      if (this.isOp('-')) {
        this.next();
        const b = this.next();
        if (b.kind !== 'number' || !/^\d+$/.test(b.text)) this.fail(`Expected the end of the lag range, e.g. p=1-4`, b);
        to = Number(b.text);
      }
      if (from < 1 || to < from || to > 100) this.fail(`The lag range must run upwards from 1, e.g. p=1-4`, a);
    }
    return { kind: 'autoregress', field, name, ...(alias === undefined ? {} : { alias }), from, to };
  }

  private parseJsonField(start: number): Command {
    if (!(this.isWord('field') && this.isOp('=', this.peekAt(1)))) this.fail(`Expected field=<name> after 'json'`);
    this.next();
    this.next();
    const source = this.parseFieldRef('json field=');
    const p = this.peek;
    if (p.kind !== 'string') this.fail(`Expected a "key.path" after json field=…`);
    this.next();
    if (!this.isWord('as')) this.fail(`Expected 'as' and a name after the JSON path`);
    this.next();
    const name = this.parseName('as');
    return {
      kind: 'parse',
      source,
      pattern: { kind: 'json', path: p.value },
      names: [name],
      start,
      end: this.tokens[this.i - 1]?.end ?? start,
    };
  }

  private atCommandEnd(t: Token = this.peek): boolean {
    return t.kind === 'eof' || t.kind === 'pipe' || (this.inSubquery && t.kind === 'rparen');
  }

  private parseProjections(command: string): Projection[] {
    if (this.atCommandEnd()) this.fail(`Expected a field after '${command}', e.g. ${command} @timestamp, @message`);
    const items = [this.parseProjection()];
    while (this.kind() === 'comma') {
      this.next();
      if (this.atCommandEnd()) this.fail(`Expected another field after ','`);
      items.push(this.parseProjection());
    }
    return items;
  }

  private parseProjection(): Projection {
    const expr = this.parseExpr();
    const text = this.text.slice(expr.start, expr.end);
    if (this.isWord('as')) {
      this.next();
      const alias = this.peek;
      if ((alias.kind !== 'word' || reserved.has(alias.value.toLowerCase())) && alias.kind !== 'field') {
        this.fail(`Expected a name after 'as', found ${quoteToken(alias)}`);
      }
      this.next();
      return { expr, alias: alias.value, text, start: expr.start, end: alias.end };
    }
    return { expr, text, start: expr.start, end: expr.end };
  }

  private parseStats(start: number): Command {
    if (this.atCommandEnd() || this.isWord('by')) {
      this.fail(`Expected an aggregate after 'stats', e.g. stats count(*) by bin(5m)`);
    }
    this.inStats = true;
    const items = [this.parseProjection()];
    while (this.kind() === 'comma') {
      this.next();
      items.push(this.parseProjection());
    }
    this.inStats = false;
    const by: Projection[] = [];
    let offsetMs = 0;
    if (this.isWord('by')) {
      this.next();
      if (this.atCommandEnd()) this.fail(`Expected a field or bin(period) after 'by'`);
      this.inStatsBy = true;
      by.push(this.parseProjection());
      while (this.kind() === 'comma') {
        this.next();
        by.push(this.parseProjection());
      }
      this.inStatsBy = false;
      if (this.isWord('offset')) {
        const word = this.next();
        if (!by.some((p) => p.expr.kind === 'call' && p.expr.name === 'bin')) {
          this.fail(`'offset' shifts the bins of 'by bin(period)': this stats has no bin`, word);
        }
        const p = this.peek;
        if (p.kind !== 'period') this.fail(`Expected a duration such as 1h after 'offset', found ${quoteToken(p)}`);
        this.next();
        const period = this.period(p);
        offsetMs = period.kind === 'period' ? period.ms + period.months * 30 * 86_400_000 : 0;
      }
    }
    if (!this.atCommandEnd()) this.fail(`Expected ',', 'by' or the end of stats, found ${quoteToken(this.peek)}`);
    return { kind: 'stats', items, by, offsetMs, start, end: this.tokens[this.i - 1]?.end ?? start };
  }

  private parseSortKeys(command: string): SortKey[] {
    if (this.isWord('by')) this.next();
    if (this.atCommandEnd()) this.fail(`Expected a field after '${command}', e.g. ${command} @timestamp desc`);
    const keys: SortKey[] = [];
    for (;;) {
      const expr = this.parseExpr();
      let descending = false;
      if (this.isWord('desc') || this.isWord('asc')) descending = this.next().value.toLowerCase() === 'desc';
      keys.push({ expr, text: this.text.slice(expr.start, expr.end), descending });
      if (this.kind() !== 'comma') break;
      this.next();
    }
    return keys;
  }

  private parseLimit(command: string): number {
    const t = this.peek;
    if (t.kind !== 'number' || !/^\d+$/.test(t.text) || Number(t.text) < 1) {
      this.fail(`'${command}' takes a whole number of rows, e.g. ${command} 20; found ${quoteToken(t)}`);
    }
    const count = Number(t.text);
    // The limit page: "You can specify a limit value of up to 100,000."
    if (count > MAX_LIMIT) this.fail(`'${command}' can return at most 100,000 rows; found ${t.text}`);
    this.next();
    return count;
  }

  private parseFieldRef(command: string): Expr {
    const t = this.peek;
    if (t.kind === 'field' || (t.kind === 'word' && !reserved.has(t.value.toLowerCase()))) {
      if (t.kind === 'word' && this.peekAt(1).kind === 'lparen')
        this.fail(`'${command}' takes field names, not functions`);
      this.next();
      return { kind: 'field', name: t.value, start: t.start, end: t.end };
    }
    return this.fail(`Expected a field name after '${command}', found ${quoteToken(t)}`);
  }

  private parseNames(): string[] {
    const names: string[] = [];
    for (;;) {
      names.push(this.parseName(names.length ? ',' : 'as'));
      if (this.kind() !== 'comma') break;
      this.next();
    }
    return names;
  }

  private parseParse(start: number): Command {
    let source: Expr = { kind: 'field', name: '@message', start, end: start };
    const mode = (t: Token) => this.isWord('logfmt', t) || this.isWord('csv', t);
    if (
      this.kind() !== 'string' &&
      this.kind() !== 'regex' &&
      !(mode(this.peek) && this.isWord('as', this.peekAt(1)))
    ) {
      if (this.atCommandEnd()) this.fail(`Expected a pattern after 'parse', e.g. parse @message "* ms" as duration`);
      source = this.parseFieldRef('parse');
    }
    const p = this.peek;
    const end = () => this.tokens[this.i - 1]?.end ?? start;
    if (mode(p)) {
      this.next();
      if (!this.isWord('as'))
        this.fail(`Expected 'as' and ${p.value === 'csv' ? 'names' : 'a name'} after '${p.value}'`);
      this.next();
      const names = this.parseNames();
      if (p.value.toLowerCase() === 'logfmt' && names.length !== 1) {
        this.fail(`parse … logfmt makes one map: give it one name, e.g. as lf`, this.tokens[this.i - 1]);
      }
      const pattern = p.value.toLowerCase() === 'csv' ? { kind: 'csv' as const } : { kind: 'logfmt' as const };
      return { kind: 'parse', source, pattern, names, start, end: end() };
    }
    if (p.kind === 'string') {
      this.next();
      const stars = p.value.split('*').length - 1;
      if (stars === 0) this.fail(`The parse pattern has no '*' to extract`, p);
      if (!this.isWord('as')) this.fail(`Expected 'as' and ${stars} field name(s) after the parse pattern`);
      this.next();
      const names = this.parseNames();
      if (names.length !== stars) {
        throw new SyntaxError_(
          `The parse pattern has ${stars} '*' but ${names.length} name(s) after 'as': they must match`,
          p.start,
          p.end,
        );
      }
      return { kind: 'parse', source, pattern: { kind: 'glob', text: p.value }, names, start, end: end() };
    }
    if (p.kind === 'regex') {
      this.next();
      this.checkRegex(p);
      let names = namedGroups(p.value);
      if (this.isWord('as')) {
        // `parse @message /(\d+\.\d+\.\d+\.\d+)/ as ip_addr multi`: names for the capture groups in order.
        this.next();
        const given = this.parseNames();
        const groups = countGroups(p.value);
        if (names.length === 0 && given.length !== groups) {
          this.fail(`The regex has ${groups} capture group(s) but ${given.length} name(s) after 'as'`, p);
        }
        if (names.length === 0) names = given;
      }
      if (names.length === 0) this.fail('The parse regex has no named group such as (?<name>…) to extract', p);
      const multi = this.isWord('multi');
      if (multi) this.next();
      return { kind: 'parse', source, pattern: { kind: 'regex', source: p.value, multi }, names, start, end: end() };
    }
    return this.fail(`Expected a "glob * pattern", /regex/, logfmt or csv after 'parse', found ${quoteToken(p)}`);
  }

  private checkRegex(t: Token): void {
    const compiled = compileRegex(t.value);
    if (typeof compiled === 'string') this.fail(`Invalid regular expression: ${compiled}`, t);
  }

  // Expressions, loosest to tightest: or, and, not, comparison, + -, * / %, ^, unary -.

  private parseExpr(): Expr {
    // Deep nesting of parentheses or calls would exhaust the call stack; no real query comes close.
    if (++this.depth > 64) this.fail('The expression is nested too deeply (more than 64 levels)');
    const expr = this.parseOr();
    this.depth--;
    return expr;
  }

  private binary(op: BinaryOp, left: Expr, right: Expr): Expr {
    return { kind: 'binary', op, left, right, start: left.start, end: right.end };
  }

  private operand(after: Token): void {
    if (this.atCommandEnd() || this.kind() === 'comma' || this.kind() === 'rparen') {
      this.fail(`Expected an expression after '${after.text}', found ${quoteToken(this.peek)}`);
    }
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      const op = this.next();
      this.operand(op);
      left = this.binary('or', left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isWord('and')) {
      const op = this.next();
      this.operand(op);
      left = this.binary('and', left, this.parseNot());
    }
    return left;
  }

  private parseNot(): Expr {
    if (this.isWord('not')) {
      const op = this.next();
      this.operand(op);
      const operand = this.parseNot();
      return { kind: 'unary', op: 'not', operand, start: op.start, end: operand.end };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const left = this.parseAdditive();
    const t = this.peek;
    let negated = false;
    let opToken = t;
    if (this.isWord('not') && (this.isWord('like', this.peekAt(1)) || this.isWord('in', this.peekAt(1)))) {
      this.next();
      negated = true;
      opToken = this.peek;
    }
    if (this.isWord('like') || this.isWord('matches') || this.isOp('=~')) {
      this.next();
      const p = this.peek;
      if (p.kind === 'regex') this.checkRegex(p);
      else if (p.kind !== 'string')
        this.fail(`Expected a "string" or /regex/ after '${opToken.text}', found ${quoteToken(p)}`);
      this.next();
      const pattern: Expr =
        p.kind === 'regex'
          ? { kind: 'regex', source: p.value, start: p.start, end: p.end }
          : { kind: 'string', value: p.value, start: p.start, end: p.end };
      return { kind: 'like', negated, subject: left, pattern, start: left.start, end: p.end };
    }
    if (this.isWord('in')) {
      const inToken = this.next();
      if (this.kind() === 'lparen' && this.peekAt(1).kind === 'word' && findCommand(this.peekAt(1).value)) {
        const open = this.peek;
        const query = this.parseSubquery('in');
        const list: Expr = {
          kind: 'subquery',
          query,
          start: open.start,
          end: this.tokens[this.i - 1]?.end ?? open.end,
        };
        return { kind: 'in', negated, subject: left, list, start: left.start, end: list.end };
      }
      void inToken;
      if (this.kind() !== 'lbracket')
        this.fail(`Expected a list such as [200, 404] after 'in', found ${quoteToken(this.peek)}`);
      const list = this.parsePrimary();
      return { kind: 'in', negated, subject: left, list, start: left.start, end: list.end };
    }
    if (t.kind === 'op' && ['=', '==', '!=', '<', '>', '<=', '>='].includes(t.value)) {
      this.next();
      this.operand(t);
      const right = this.parseAdditive();
      const op = (t.value === '==' ? '=' : t.value) as BinaryOp;
      const result = this.binary(op, left, right);
      const after = this.peek;
      if (after.kind === 'op' && ['=', '==', '!=', '<', '>', '<=', '>='].includes(after.value)) {
        this.fail(`Comparisons cannot be chained: combine them with 'and'`, after);
      }
      return result;
    }
    return left;
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next();
      this.operand(op);
      left = this.binary(op.value as BinaryOp, left, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parsePower();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.next();
      this.operand(op);
      left = this.binary(op.value as BinaryOp, left, this.parsePower());
    }
    return left;
  }

  private parsePower(): Expr {
    const left = this.parseUnary();
    if (this.isOp('^')) {
      const op = this.next();
      this.operand(op);
      return this.binary('^', left, this.parsePower());
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isOp('-')) {
      const op = this.next();
      this.operand(op);
      const operand = this.parseUnary();
      if (operand.kind === 'number') return { ...operand, value: -operand.value, start: op.start };
      return { kind: 'unary', op: '-', operand, start: op.start, end: operand.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const t = this.peek;
    switch (t.kind) {
      case 'number':
        this.next();
        return { kind: 'number', value: Number(t.text), start: t.start, end: t.end };
      case 'string':
        this.next();
        return { kind: 'string', value: t.value, start: t.start, end: t.end };
      case 'regex':
        return this.fail(`A /regex/ can only follow 'like', '=~' or 'parse'`);
      case 'period':
        this.next();
        return this.period(t);
      case 'field':
        this.next();
        return this.postfix({ kind: 'field', name: t.value, start: t.start, end: t.end });
      case 'lparen': {
        this.next();
        if (this.kind() === 'rparen') this.fail(`Expected an expression inside '( )'`);
        const inner = this.parseExpr();
        if (this.kind() !== 'rparen')
          this.fail(
            `Expected ')' to close the '(' at column ${positionOf(this.text, t.start).column}, found ${quoteToken(this.peek)}`,
          );
        const close = this.next();
        return { ...inner, start: t.start, end: close.end };
      }
      case 'lbracket': {
        this.next();
        const items: Expr[] = [];
        while (this.kind() !== 'rbracket') {
          const item = this.parseAdditive();
          if (item.kind !== 'number' && item.kind !== 'string') {
            throw new SyntaxError_('A list after in can only hold numbers and "strings"', item.start, item.end);
          }
          items.push(item);
          if (this.kind() === 'comma') this.next();
          else if (this.kind() !== 'rbracket')
            this.fail(`Expected ',' or ']' in the list, found ${quoteToken(this.peek)}`);
        }
        const close = this.next();
        return { kind: 'list', items, start: t.start, end: close.end };
      }
      case 'word': {
        if (this.peekAt(1).kind === 'lparen') return this.parseCall();
        const lower = t.value.toLowerCase();
        if (reserved.has(lower)) this.fail(`Expected an expression, found the keyword '${t.value}'`);
        this.next();
        // strcontains(str, s, true): the function page's Boolean argument.
        if (lower === 'true' || lower === 'false')
          return { kind: 'number', value: lower === 'true' ? 1 : 0, start: t.start, end: t.end };
        return this.postfix({ kind: 'field', name: t.value, start: t.start, end: t.end });
      }
      default:
        break;
    }
    return this.fail(`Expected an expression, found ${quoteToken(t)}`);
  }

  /** `list[1]` and `list[1].key` written right after a field (no space before `[`). */
  private postfix(target: Expr): Expr {
    let expr = target;
    while (this.kind() === 'lbracket' && this.peek.start === expr.end) {
      this.next();
      const n = this.next();
      if (n.kind !== 'number' || !/^\d+$/.test(n.text)) this.fail(`Expected a list index such as [0]`, n);
      if (this.kind() !== 'rbracket') this.fail(`Expected ']' after the list index`);
      const close = this.next();
      let path = '';
      let end = close.end;
      if (this.kind() === 'word' && this.peek.value.startsWith('.') && this.peek.start === close.end) {
        const p = this.next();
        path = p.value.slice(1);
        end = p.end;
      }
      expr = { kind: 'index', target: expr, index: Number(n.text), path, start: target.start, end };
    }
    return expr;
  }

  private period(t: Token): Expr {
    const m = /^([\d.]+(?:[eE][+-]?\d+)?)([A-Za-z]+)$/.exec(t.text);
    const unit = units[(m?.[2] ?? '').toLowerCase()];
    if (!m || !unit) {
      const guess = closest(m?.[2] ?? '', Object.keys(units));
      this.fail(
        `Unknown time unit '${m?.[2] ?? t.text}' in '${t.text}'${guess ? `. Did you mean '${m?.[1]}${guess}'?` : ': use ms, s, m, h, d, w, mo, q or y'}`,
        t,
      );
    }
    let amount = Number(m[1]);
    if (unit.cap !== undefined && amount > unit.cap) {
      this.warnings.push({
        message: `CloudWatch caps '${m[2]}' periods at ${unit.cap}: '${t.text}' is treated as ${unit.cap}${m[2]}. Use a larger unit instead`,
        start: t.start,
        end: t.end,
      });
      amount = unit.cap;
    }
    return {
      kind: 'period',
      ms: amount * unit.ms,
      months: amount * unit.months,
      text: t.text,
      start: t.start,
      end: t.end,
    };
  }

  private parseCall(): Expr {
    const nameToken = this.next();
    this.next(); // the ( that follows the name
    const lower = nameToken.value.toLowerCase();
    const spec = functionsByName.get(lower);
    if (!spec) {
      const guess = closest(lower, [...functionCatalogue.map((f) => f.name), ...Object.keys(functionAliases)]);
      this.fail(`Unknown function '${nameToken.value}'.${guess ? ` Did you mean '${guess}'?` : ''}`, nameToken);
    }
    if (spec.kind === 'aggregate') {
      if (this.inStatsBy) this.fail(`'${spec.name}' is an aggregate function: it cannot be used after 'by'`, nameToken);
      if (!this.inStats) this.fail(`'${spec.name}' is an aggregate function: use it in stats`, nameToken);
      if (this.inAggregate)
        this.fail(`Aggregate functions cannot be nested: '${spec.name}' is inside another aggregate`, nameToken);
    }
    const args: Expr[] = [];
    let star = false;
    const wasInAggregate = this.inAggregate;
    if (spec.kind === 'aggregate') this.inAggregate = true;
    if (this.isOp('*') && this.peekAt(1).kind === 'rparen') {
      if (spec.name !== 'count') this.fail(`Only count accepts '*'`);
      this.next();
      star = true;
    } else {
      while (this.kind() !== 'rparen') {
        if (this.kind() === 'eof' || this.kind() === 'pipe') {
          this.fail(`Expected ')' to close ${spec.name}(, found ${quoteToken(this.peek)}`);
        }
        args.push(this.parseExpr());
        if (this.kind() === 'comma') {
          this.next();
          if (this.kind() === 'rparen') this.fail(`Expected another argument after ','`);
        } else if (this.kind() === 'eof' || this.kind() === 'pipe') {
          this.fail(`Expected ')' to close ${spec.name}(, found ${quoteToken(this.peek)}`);
        } else if (this.kind() !== 'rparen') {
          this.fail(`Expected ',' or ')' in ${spec.name}(…), found ${quoteToken(this.peek)}`);
        }
      }
    }
    this.inAggregate = wasInAggregate;
    const close = this.next();
    const count = star ? 1 : args.length;
    if (count < spec.minArgs || count > spec.maxArgs) {
      const want =
        spec.minArgs === spec.maxArgs
          ? `${spec.minArgs} argument${spec.minArgs === 1 ? '' : 's'}`
          : `${spec.minArgs} to ${spec.maxArgs} arguments`;
      throw new SyntaxError_(
        `'${spec.name}' takes ${want} — ${spec.signature} — but got ${count}`,
        nameToken.start,
        close.end,
      );
    }
    for (const index of spec.periodArgs ?? []) {
      const arg = args[index];
      if (arg && arg.kind !== 'period') {
        throw new SyntaxError_(`'${spec.name}' expects a time period such as 5m or 1h here`, arg.start, arg.end);
      }
    }
    if ((spec.name === 'pct' || spec.name === 'percentile') && args[1]) {
      const p = args[1];
      if (p.kind !== 'number' || p.value < 0 || p.value > 100) {
        throw new SyntaxError_(
          `The percentile must be a number from 0 to 100, e.g. pct(@duration, 99)`,
          p.start,
          p.end,
        );
      }
    }
    return { kind: 'call', name: spec.name, args, star, start: nameToken.start, end: close.end };
  }
}
