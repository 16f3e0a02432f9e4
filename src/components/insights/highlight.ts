/**
 * Syntax highlighting for the query editor, derived from the library's own tokenizer.
 *
 * Why not Shiki in the browser: the editor re-highlights on every keystroke, and Shiki needs its
 * core, a regex engine (the Oniguruma WebAssembly build, ~600 kB, or the JavaScript engine) and a
 * theme: several hundred kilobytes for one small language. The tokenizer is already on the page
 * (the parser needs it), so highlighting from it costs a few hundred bytes, and it colours `/`
 * exactly as the parser reads it (regex or division), where a TextMate grammar can only guess.
 * The classes follow the grammar's scopes (`src/insights/grammar.ts`), so code blocks highlighted
 * by Expressive Code at build time and this editor agree on what is a command, a function, a
 * keyword, a field, a string or a regex.
 */
import { type Token, tokenize } from '../../insights/lexer.ts';

export type SegmentKind =
  | 'plain'
  | 'comment'
  | 'command'
  | 'keyword'
  | 'function'
  | 'field'
  | 'system-field'
  | 'string'
  | 'regex'
  | 'number'
  | 'operator'
  | 'punctuation';

export interface Segment {
  kind: SegmentKind;
  text: string;
  /** Part of the range of a reported problem. */
  problem?: boolean;
}

const keywords = new Set(['and', 'or', 'not', 'like', 'matches', 'in', 'by', 'as', 'asc', 'desc']);

function kindOf(token: Token, previous: Token | undefined, next: Token | undefined): SegmentKind {
  switch (token.kind) {
    case 'string':
      return 'string';
    case 'regex':
      return 'regex';
    case 'number':
    case 'period':
      return 'number';
    case 'op':
      return 'operator';
    case 'field':
      return token.text.startsWith('@') ? 'system-field' : 'field';
    case 'word': {
      if (!previous || previous.kind === 'pipe') return 'command';
      if (next?.kind === 'lparen') return 'function';
      return keywords.has(token.value.toLowerCase()) ? 'keyword' : 'field';
    }
    default:
      return 'punctuation';
  }
}

/** Text between tokens: whitespace, and comments (which the tokenizer skips). */
function gapSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  const comment = /#[^\n]*/g;
  let last = 0;
  for (const match of text.matchAll(comment)) {
    if (match.index > last) segments.push({ kind: 'plain', text: text.slice(last, match.index) });
    segments.push({ kind: 'comment', text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'plain', text: text.slice(last) });
  return segments;
}

/**
 * Splits `query` into coloured segments whose texts concatenate back to `query` exactly.
 * `problem` marks the characters in [start, end) (a parse error) so the editor can underline them.
 */
export function highlightQuery(query: string, problem?: { start: number; end: number }): Segment[] {
  const { tokens } = tokenize(query);
  const segments: Segment[] = [];
  let offset = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.start > offset) segments.push(...gapSegments(query.slice(offset, token.start)));
    offset = Math.max(offset, token.start);
    if (token.kind === 'eof') break;
    // A lexing error leaves characters without a token; they fall into the next gap as plain text.
    segments.push({ kind: kindOf(token, tokens[i - 1], tokens[i + 1]), text: query.slice(token.start, token.end) });
    offset = token.end;
  }
  if (offset < query.length) segments.push({ kind: 'plain', text: query.slice(offset) });
  return problem ? markProblem(segments, problem) : segments;
}

function markProblem(segments: Segment[], { start, end }: { start: number; end: number }): Segment[] {
  // An empty range (the end of the query) still gets one visible character's worth of underline.
  const to = Math.max(end, start + 1);
  const out: Segment[] = [];
  let offset = 0;
  for (const segment of segments) {
    const from = offset;
    offset += segment.text.length;
    const a = Math.max(from, start);
    const b = Math.min(offset, to);
    if (a >= b) {
      out.push(segment);
      continue;
    }
    if (a > from) out.push({ kind: segment.kind, text: segment.text.slice(0, a - from) });
    out.push({ kind: segment.kind, text: segment.text.slice(a - from, b - from), problem: true });
    if (b < offset) out.push({ kind: segment.kind, text: segment.text.slice(b - from) });
  }
  return out;
}
