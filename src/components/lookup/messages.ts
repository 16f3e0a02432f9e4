import type { Diagnosis } from '../../lookup';

/** What the page asks the lookup worker. */
export type LookupRequest = { kind: 'load'; indexUrl: string } | { kind: 'diagnose'; id: number; text: string };

/** Summaries keyed by entry id, so results can show what an entry is about. */
export type Summaries = Record<string, string>;

/** What the lookup worker answers. */
export type LookupResponse =
  | { kind: 'loaded'; summaries: Summaries }
  | { kind: 'result'; id: number; diagnosis: Diagnosis }
  | { kind: 'failed'; id?: number; message: string };
