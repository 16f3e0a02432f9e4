/**
 * Recursive-descent parser for Logs Insights queries. It stops at the first syntax error and
 * reports it with a position and, for misspelt commands and functions, the likely intended name.
 */

import type { BinaryOp, Command, Expr, Projection, Query, SortKey } from './ast.ts';
import { functionNames, functionsByName, unsupportedFunctions } from './functions.ts';
import { type LexError, type Token, tokenize } from './lexer.ts';
import { compileRegex, namedGroups } from './regex.ts';
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

const supportedCommands = [
  'fields',
  'display',
  'filter',
  'where',
  'stats',
  'sort',
  'order',
  'limit',
  'head',
  'dedup',
  'parse',
];
/** Commands AWS documents that this library does not evaluate: named so the error can say so. */
const unsupportedCommands = [
  'pattern',
  'anomaly',
  'diff',
  'unnest',
  'unmask',
  'filterIndex',
  'SOURCE',
  'estimate',
  'tail',
  'lookup',
  'join',
  'addtotals',
  'logcompare',
  'filldown',
  'fillmissing',
  'json',
];
const knownCommands = [
  'fields',
  'display',
  'filter',
  'stats',
  'sort',
  'limit',
  'dedup',
  'parse',
  ...unsupportedCommands,
];
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
    const commands: Command[] = [];
    let statsCount = 0;
    for (;;) {
      if (this.kind() === 'pipe') this.fail(`Expected a command before '|'`);
      const command = this.parseCommand();
      if (command.kind === 'stats') {
        statsCount++;
        if (statsCount > 2) {
          throw new SyntaxError_('A query can have at most two stats commands', command.start, command.start + 5);
        }
      }
      commands.push(command);
      const t = this.peek;
      if (t.kind === 'eof') break;
      if (t.kind !== 'pipe') this.fail(`Expected '|' or the end of the query, found ${quoteToken(t)}`);
      this.next();
      if (this.kind() === 'eof') this.fail(`Expected a command after '|'`);
    }
    return { commands, text: this.text };
  }

  private parseCommand(): Command {
    const t = this.peek;
    if (t.kind !== 'word') {
      this.fail(`Expected a command such as fields, filter or stats, found ${quoteToken(t)}`);
    }
    const name = t.value.toLowerCase();
    if (!supportedCommands.includes(name)) {
      const known = knownCommands.find((c) => c.toLowerCase() === name);
      if (known) this.fail(`The command '${known}' is valid in CloudWatch but not supported by this evaluator`);
      const guess = closest(name, knownCommands);
      this.fail(`Unknown command '${t.value}'.${guess ? ` Did you mean '${guess}'?` : ''}`);
    }
    this.next();
    const start = t.start;
    const finish = (c: DistributiveOmit<Command, 'start' | 'end'>): Command =>
      ({ ...c, start, end: this.tokens[this.i - 1]?.end ?? start }) as Command;
    switch (name) {
      case 'fields':
      case 'display':
        return finish({ kind: name, items: this.parseProjections(name) });
      case 'filter':
      case 'where': {
        if (this.atCommandEnd()) this.fail(`Expected a condition after '${t.value}', e.g. ${t.value} @type = "REPORT"`);
        return finish({ kind: 'filter', expr: this.parseExpr() });
      }
      case 'stats':
        return this.parseStats(start);
      case 'sort':
      case 'order':
        return finish({ kind: 'sort', keys: this.parseSortKeys(t.value) });
      case 'limit':
      case 'head':
        return finish({ kind: 'limit', count: this.parseLimit(t.value) });
      case 'dedup': {
        if (this.atCommandEnd()) this.fail(`Expected a field after 'dedup', e.g. dedup @requestId`);
        const fields = [this.parseFieldRef('dedup')];
        while (this.kind() === 'comma') {
          this.next();
          fields.push(this.parseFieldRef('dedup'));
        }
        return finish({ kind: 'dedup', fields });
      }
      default:
        return this.parseParse(start);
    }
  }

  private atCommandEnd(t: Token = this.peek): boolean {
    return t.kind === 'eof' || t.kind === 'pipe';
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
    } else if (!this.atCommandEnd()) {
      this.fail(`Expected ',', 'by' or the end of stats, found ${quoteToken(this.peek)}`);
    }
    return { kind: 'stats', items, by, start, end: this.tokens[this.i - 1]?.end ?? start };
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
    if (count > 10_000) this.fail(`'${command}' can return at most 10,000 rows; found ${t.text}`);
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

  private parseParse(start: number): Command {
    let source: Expr = { kind: 'field', name: '@message', start, end: start };
    if (this.kind() !== 'string' && this.kind() !== 'regex') {
      if (this.atCommandEnd()) this.fail(`Expected a pattern after 'parse', e.g. parse @message "* ms" as duration`);
      source = this.parseFieldRef('parse');
    }
    const p = this.peek;
    if (p.kind === 'string') {
      this.next();
      const stars = p.value.split('*').length - 1;
      if (stars === 0) this.fail(`The parse pattern has no '*' to extract`, p);
      if (!this.isWord('as')) this.fail(`Expected 'as' and ${stars} field name(s) after the parse pattern`);
      this.next();
      const names: string[] = [];
      for (;;) {
        const n = this.peek;
        if (n.kind !== 'field' && (n.kind !== 'word' || reserved.has(n.value.toLowerCase()))) {
          this.fail(`Expected a field name, found ${quoteToken(n)}`);
        }
        this.next();
        names.push(n.value);
        if (this.kind() !== 'comma') break;
        this.next();
      }
      if (names.length !== stars) {
        throw new SyntaxError_(
          `The parse pattern has ${stars} '*' but ${names.length} name(s) after 'as': they must match`,
          p.start,
          p.end,
        );
      }
      return {
        kind: 'parse',
        source,
        pattern: { kind: 'glob', text: p.value },
        names,
        start,
        end: this.peekAt(-1).end,
      };
    }
    if (p.kind === 'regex') {
      this.next();
      this.checkRegex(p);
      const names = namedGroups(p.value);
      if (names.length === 0) this.fail('The parse regex has no named group such as (?<name>…) to extract', p);
      return { kind: 'parse', source, pattern: { kind: 'regex', source: p.value }, names, start, end: p.end };
    }
    return this.fail(`Expected a "glob * pattern" or /regex/ after 'parse', found ${quoteToken(p)}`);
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
      this.next();
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
        return { kind: 'field', name: t.value, start: t.start, end: t.end };
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
        return { kind: 'field', name: t.value, start: t.start, end: t.end };
      }
      default:
        break;
    }
    return this.fail(`Expected an expression, found ${quoteToken(t)}`);
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
      const known = unsupportedFunctions.find((f) => f.toLowerCase() === lower);
      if (known)
        this.fail(`The function '${known}' is valid in CloudWatch but not supported by this evaluator`, nameToken);
      const guess = closest(lower, [...functionNames, ...unsupportedFunctions]);
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
        } else if (this.atCommandEnd()) {
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
