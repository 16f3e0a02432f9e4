/**
 * A database with a connection limit. Connections stay open until `end()`: one opened per invocation
 * and never closed piles up in the execution environment until the server refuses new ones.
 * `scan` returns a whole table (counted against memory); `scanPages` pages through it.
 */
import { sampleLatency } from '../runtime/prng.ts';
import type { DatabaseConfig } from './config.ts';
import { delay, holdBytes, type ServiceContext, stall } from './context.ts';

export class DatabaseError extends Error {
  override name = 'DatabaseError';
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

export interface Row {
  id: number;
  total: number;
}

export function createDatabase(context: ServiceContext, config: DatabaseConfig = { connectionLimit: 100 }) {
  const random = context.random('db');
  const connectLatency = config.connectLatencyMs ?? { median: 250, p99: 600 };
  const queryLatency = config.queryLatencyMs ?? { median: 8, p99: 40 };
  let open = 0;

  const makeRows = (from: number, count: number): Row[] =>
    Array.from({ length: count }, (_, offset) => ({ id: from + offset, total: ((from + offset) * 13) % 500 }));

  function table(name: string) {
    const found = config.tables?.[name];
    if (!found) throw new DatabaseError(`Table '${name}' doesn't exist`, 'ER_NO_SUCH_TABLE');
    return found;
  }

  function createConnection() {
    let closed = false;
    const ensureOpen = () => {
      if (closed) throw new DatabaseError('Cannot enqueue Query after invoking quit.', 'PROTOCOL_ENQUEUE_AFTER_QUIT');
    };
    return {
      async query(sql: string): Promise<Row[]> {
        ensureOpen();
        await delay(context, sampleLatency(random, queryLatency.median, queryLatency.p99));
        return makeRows(sql.length, 1);
      },
      /** Every row of `name` at once. */
      async scan(name: string): Promise<Row[]> {
        ensureOpen();
        const { rows, rowBytes } = table(name);
        await delay(context, sampleLatency(random, queryLatency.median, queryLatency.p99) + rows / 100);
        await holdBytes(context, rows * rowBytes);
        return makeRows(0, rows);
      },
      /** The rows of `name`, one page at a time; a page is freed when the next one is fetched. */
      async *scanPages(name: string, pageSize = 1000): AsyncGenerator<Row[]> {
        ensureOpen();
        const { rows, rowBytes } = table(name);
        for (let from = 0; from < rows; from += pageSize) {
          const count = Math.min(pageSize, rows - from);
          await delay(context, sampleLatency(random, queryLatency.median, queryLatency.p99) + count / 100);
          if (!context.memory.chargeTransient(count * rowBytes)) await stall();
          try {
            yield makeRows(from, count);
          } finally {
            context.memory.releaseTransient(count * rowBytes);
          }
        }
      },
      async end(): Promise<void> {
        if (closed) return;
        closed = true;
        open -= 1;
      },
    };
  }

  return {
    async connect() {
      await delay(context, sampleLatency(random, connectLatency.median, connectLatency.p99));
      if (open >= config.connectionLimit) throw new DatabaseError('Too many connections', 'ER_CON_COUNT_ERROR');
      open += 1;
      return createConnection();
    },
    /** Connections currently open, for examples that show the leak. */
    openConnections: () => open,
  };
}

export type Connection = Awaited<ReturnType<ReturnType<typeof createDatabase>['connect']>>;
