/** The typed syntax tree produced by `parseQuery`. Offsets are into the query text. */

export interface Span {
  start: number;
  end: number;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '%' | '=' | '!=' | '<' | '>' | '<=' | '>=' | 'and' | 'or';

export type Expr =
  | ({ kind: 'field'; name: string } & Span)
  | ({ kind: 'number'; value: number } & Span)
  | ({ kind: 'string'; value: string } & Span)
  | ({ kind: 'regex'; source: string } & Span)
  /** A time period such as `5m`, in milliseconds; `months` is set for calendar units (mo, q, y). */
  | ({ kind: 'period'; ms: number; months: number; text: string } & Span)
  | ({ kind: 'list'; items: Expr[] } & Span)
  /** `name` is the function's canonical spelling; `star` marks `count(*)`. */
  | ({ kind: 'call'; name: string; args: Expr[]; star: boolean } & Span)
  | ({ kind: 'unary'; op: 'not' | '-'; operand: Expr } & Span)
  | ({ kind: 'binary'; op: BinaryOp; left: Expr; right: Expr } & Span)
  /** `like`, `=~` and `not like`; the pattern is a string (substring) or a regex. */
  | ({ kind: 'like'; negated: boolean; subject: Expr; pattern: Expr } & Span)
  | ({ kind: 'in'; negated: boolean; subject: Expr; list: Expr } & Span);

/** An expression with an optional `as` alias; `text` is its source, used as the column name. */
export interface Projection extends Span {
  expr: Expr;
  alias?: string;
  text: string;
}

export interface SortKey {
  expr: Expr;
  text: string;
  descending: boolean;
}

export type Command =
  | ({ kind: 'fields'; items: Projection[] } & Span)
  | ({ kind: 'display'; items: Projection[] } & Span)
  | ({ kind: 'filter'; expr: Expr } & Span)
  | ({ kind: 'stats'; items: Projection[]; by: Projection[] } & Span)
  | ({ kind: 'sort'; keys: SortKey[] } & Span)
  | ({ kind: 'limit'; count: number } & Span)
  | ({ kind: 'dedup'; fields: Expr[] } & Span)
  | ({
      kind: 'parse';
      /** The field parsed, `@message` unless given. */
      source: Expr;
      pattern: { kind: 'glob'; text: string } | { kind: 'regex'; source: string };
      /** Names of the extracted fields: the `as` list of a glob, the named groups of a regex. */
      names: string[];
    } & Span);

export interface Query {
  commands: Command[];
  text: string;
}
