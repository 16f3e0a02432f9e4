import type { QueryResult } from '../../insights';

/** Where a run reads its logs: the bundled sample (src/insights/sample-logs.generated.ts) or the reader's paste. */
export type LogSource = { kind: 'sample' } | { kind: 'paste'; text: string };

/** A source, or `previous`: the logs the last run read, so an unchanged paste is not copied again. */
export type LogSourceRequest = LogSource | { kind: 'previous' };

/** What the page asks the run worker. */
export type RunRequest = { kind: 'run'; id: number; query: string; source: LogSourceRequest };

/** What the run worker answers; `id` is the request's, so a late answer to an older run is dropped. */
export type RunResponse =
  | {
      kind: 'result';
      id: number;
      result: QueryResult;
      /** UTF-8 size of the logs read: what the cost hint prices. */
      logBytes: number;
      /** Milliseconds spent reading the logs (0 when they were cached) and running the query. */
      timings: { readLogsMs: number; runQueryMs: number };
    }
  | { kind: 'failed'; id: number; message: string };
