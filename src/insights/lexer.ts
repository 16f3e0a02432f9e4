/**
 * Tokenizer for the Logs Insights query language.
 *
 * Hand-written: AWS publishes no grammar, and the ANTLR grammar Grafana vendored is years out of
 * date (see README.md). The one subtle rule is `/`: it starts a regex where an operand is expected
 * (after `like`, `=~`, `(`, `,`, a command, or the field of a `parse`) and is division after one.
 */

export type TokenKind =
  | 'word' // keyword, command, function name or plain field (decided by the parser)
  | 'field' // @system field, `backtick` field or @`backtick` field
  | 'number'
  | 'period' // 5m, 1h, 30s …
  | 'string'
  | 'regex'
  | 'op' // = != < > <= >= =~ == + - * / ^ %
  | 'pipe'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'comma'
  | 'colon' // logGroups(namePrefix: […])
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** The token's source text. */
  text: string;
  /** Decoded value: the string's contents, the field's name, the regex body. */
  value: string;
  /** Offset of the first character in the query. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export interface LexError {
  message: string;
  start: number;
  end: number;
}

/** Words after which a `/` opens a regex rather than dividing. */
const REGEX_AFTER_WORDS = new Set(['like', 'matches', 'and', 'or', 'not', 'in', 'filter', 'where', 'parse', 'by']);

const isWordStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isWordPart = (c: string) => isWordStart(c) || (c >= '0' && c <= '9') || c === '.';
const isDigit = (c: string) => c >= '0' && c <= '9';

function expectsOperand(tokens: Token[]): boolean {
  const prev = tokens[tokens.length - 1];
  if (!prev) return true;
  switch (prev.kind) {
    case 'number':
    case 'period':
    case 'string':
    case 'regex':
    case 'rparen':
    case 'rbracket':
      return false;
    case 'field':
    case 'word': {
      if (prev.kind === 'word' && REGEX_AFTER_WORDS.has(prev.value.toLowerCase())) return true;
      // `parse @message /re/`: the field of a parse is followed by its pattern.
      const before = tokens[tokens.length - 2];
      return before?.kind === 'word' && before.value.toLowerCase() === 'parse';
    }
    default:
      return true;
  }
}

/** Splits `text` into tokens. Never throws: problems are returned as errors beside the tokens. */
export function tokenize(text: string): { tokens: Token[]; errors: LexError[] } {
  const tokens: Token[] = [];
  const errors: LexError[] = [];
  const n = text.length;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value = text.slice(start, end)) => {
    tokens.push({ kind, text: text.slice(start, end), value, start, end });
  };

  while (i < n) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      const [value, end, closed] = readQuoted(text, i, c);
      if (!closed) errors.push({ message: `Unterminated string: add a closing ${c}`, start, end: start + 1 });
      push('string', start, end, value);
      i = end;
      continue;
    }
    if (c === '`') {
      const [value, end, closed] = readQuoted(text, i, '`');
      if (!closed) errors.push({ message: 'Unterminated field name: add a closing `', start, end: start + 1 });
      push('field', start, end, value);
      i = end;
      continue;
    }
    if (c === '@') {
      let j = i;
      while (text[j] === '@') j++;
      if (text[j] === '`') {
        const [value, end, closed] = readQuoted(text, j, '`');
        if (!closed) errors.push({ message: 'Unterminated field name: add a closing `', start: j, end: j + 1 });
        push('field', start, end, text.slice(start, j) + value);
        i = end;
        continue;
      }
      while (j < n && isWordPart(text[j] as string)) j++;
      if (j === i + 1) errors.push({ message: "Expected a field name after '@'", start, end: j });
      push('field', start, j);
      i = j;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      let j = i;
      while (j < n && isDigit(text[j] as string)) j++;
      if (text[j] === '.' && isDigit(text[j + 1] ?? '')) {
        j++;
        while (j < n && isDigit(text[j] as string)) j++;
      }
      if ((text[j] === 'e' || text[j] === 'E') && /^[eE][+-]?\d/.test(text.slice(j, j + 3))) {
        j++;
        if (text[j] === '+' || text[j] === '-') j++;
        while (j < n && isDigit(text[j] as string)) j++;
      }
      if (j < n && isWordStart(text[j] as string)) {
        let k = j;
        while (k < n && isWordStart(text[k] as string)) k++;
        push('period', start, k);
        i = k;
        continue;
      }
      push('number', start, j);
      i = j;
      continue;
    }
    // `list[0].key`: the path after a list index is one word starting with its dot.
    if (
      c === '.' &&
      isWordStart(text[i + 1] ?? '') &&
      tokens[tokens.length - 1]?.kind === 'rbracket' &&
      tokens[tokens.length - 1]?.end === i
    ) {
      let j = i + 1;
      while (j < n && isWordPart(text[j] as string)) j++;
      push('word', start, j);
      i = j;
      continue;
    }
    if (isWordStart(c)) {
      let j = i;
      while (j < n && isWordPart(text[j] as string)) j++;
      if (text.startsWith('://', j)) {
        // An unquoted URL, as in AWS's Apache sample (`referrer= http://34.250.27.141/`): its text.
        let k = j;
        while (k < n && !/[\s|)]/.test(text[k] as string)) k++;
        push('string', start, k);
        i = k;
        continue;
      }
      if (text[j - 1] === '.' && text[j] === '`') {
        // map.`key.with.dots` (the function page's structure types): one dotted name.
        const [key, end, closed] = readQuoted(text, j, '`');
        if (!closed) errors.push({ message: 'Unterminated field name: add a closing `', start: j, end: j + 1 });
        push('word', start, end, text.slice(start, j) + key);
        i = end;
        continue;
      }
      push('word', start, j);
      i = j;
      continue;
    }
    if (c === '/' && expectsOperand(tokens)) {
      let j = i + 1;
      let inClass = false;
      let closed = false;
      // A regex may wrap onto the next line, as AWS's own parse example does; it ends at a line
      // break only when no closing / follows.
      const lastSlash = text.lastIndexOf('/');
      while (j < n) {
        const d = text[j];
        if (d === '\\') j += 2;
        else if (d === '\n' && lastSlash <= j) break;
        else {
          if (d === '[') inClass = true;
          else if (d === ']') inClass = false;
          else if (d === '/' && !inClass) {
            closed = true;
            break;
          }
          j++;
        }
      }
      if (!closed) {
        errors.push({ message: 'Unterminated regex: add a closing /', start, end: start + 1 });
        push('regex', start, Math.min(j, n), text.slice(start + 1, Math.min(j, n)));
        i = Math.min(j, n);
      } else {
        // A line break inside the regex, with the indentation around it, reads as one space.
        push('regex', start, j + 1, text.slice(start + 1, j).replace(/[ \t]*\r?\n[ \t]*/g, ' '));
        i = j + 1;
      }
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=' || two === '=~' || two === '==') {
      push('op', start, i + 2);
      i += 2;
      continue;
    }
    switch (c) {
      case '|':
        push('pipe', start, i + 1);
        break;
      case '(':
        push('lparen', start, i + 1);
        break;
      case ')':
        push('rparen', start, i + 1);
        break;
      case '[':
        push('lbracket', start, i + 1);
        break;
      case ']':
        push('rbracket', start, i + 1);
        break;
      case ',':
        push('comma', start, i + 1);
        break;
      case ':':
        push('colon', start, i + 1);
        break;
      case '=':
      case '<':
      case '>':
      case '+':
      case '-':
      case '*':
      case '/':
      case '^':
      case '%':
        push('op', start, i + 1);
        break;
      default:
        errors.push({ message: `Unexpected character '${c}'`, start, end: i + 1 });
    }
    i++;
  }
  tokens.push({ kind: 'eof', text: '', value: '', start: n, end: n });
  return { tokens, errors };
}

/** Reads a quoted run starting at `open`; backslash escapes the next character. */
function readQuoted(text: string, open: number, quote: string): [value: string, end: number, closed: boolean] {
  let value = '';
  let j = open + 1;
  while (j < text.length) {
    const d = text[j] as string;
    if (d === quote) return [value, j + 1, true];
    if (d === '\\' && quote !== '`' && j + 1 < text.length) {
      const e = text[j + 1] as string;
      value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
      j += 2;
      continue;
    }
    value += d;
    j++;
  }
  return [value, text.length, false];
}
