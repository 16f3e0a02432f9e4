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
  | ({ kind: 'in'; negated: boolean; subject: Expr; list: Expr } & Span)
  /** `( SOURCE … | fields x )` after `in`: a query over the same events whose first column is the list. */
  | ({ kind: 'subquery'; query: Query } & Span)
  /** `list[index]` on a structure made by jsonParse, split or parse … logfmt; `path` continues after `]`. */
  | ({ kind: 'index'; target: Expr; index: number; path: string } & Span);

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
  /** `filter`, `where` and `filterIndex` (which on a paste is a filter: there is no index to scan). */
  | ({ kind: 'filter'; expr: Expr; index?: boolean } & Span)
  /** `offsetMs` is the `offset` after `by bin(…)`, in milliseconds (0 without one). */
  | ({ kind: 'stats'; items: Projection[]; by: Projection[]; offsetMs: number } & Span)
  | ({ kind: 'sort'; keys: SortKey[] } & Span)
  | ({ kind: 'limit'; count: number; any: boolean } & Span)
  | ({ kind: 'dedup'; fields: Expr[] } & Span)
  | ({
      kind: 'parse';
      /** The field parsed, `@message` unless given. */
      source: Expr;
      pattern:
        | { kind: 'glob'; text: string }
        | { kind: 'regex'; source: string; multi: boolean }
        | { kind: 'logfmt' }
        | { kind: 'csv' }
        /** `json field=f "a.b" as x`: a path into a structure or JSON text. */
        | { kind: 'json'; path: string };
      /** Names of the extracted fields: the `as` list, or the named groups of a regex. */
      names: string[];
    } & Span)
  /** `SOURCE logGroups(namePrefix: […], accountIdentifiers: […], class: […])` or `SOURCE 'group'`. */
  | ({ kind: 'source'; names: string[]; prefixes: string[]; accounts: string[]; classes: string[] } & Span)
  | ({ kind: 'unnest'; field: Expr; into: string } & Span)
  | ({ kind: 'pattern'; source: Expr } & Span)
  | ({ kind: 'appendcols'; override: boolean; max: number; query: Query } & Span)
  | ({
      kind: 'join';
      type: 'inner' | 'left';
      left: string;
      right: string;
      leftKey: string;
      rightKey: string;
      query: Query;
    } & Span)
  | ({ kind: 'accum'; field: Expr; alias: string } & Span)
  | ({ kind: 'autoregress'; field: Expr; name: string; alias?: string; from: number; to: number } & Span)
  /** Field names or `*` wildcard patterns; empty means every field. */
  | ({ kind: 'filldown'; patterns: string[] } & Span)
  | ({ kind: 'fillmissing'; fills: { value: string | number; field: string }[] } & Span)
  | ({ kind: 'countFrequent'; fields: Expr[] } & Span)
  | ({ kind: 'addtotals'; fieldname: string; row: boolean; col: boolean; fields: string[] } & Span)
  | ({ kind: 'sessionize'; fields: Expr[]; maxspanMs: number; alias: string } & Span)
  | ({
      kind: 'outlier';
      action: 'remove' | 'transform';
      param: number;
      uselower: boolean;
      mark: boolean;
      fields: Expr[];
    } & Span)
  | ({ kind: 'expand'; field: Expr } & Span);

export interface Query {
  commands: Command[];
  text: string;
}
