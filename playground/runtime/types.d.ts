/**
 * Declarations of the `lambda-playground` module that playground handlers import. The editor loads
 * this file for completion; the example tests type-check every before.ts/after.ts against it.
 * The implementation is services/index.ts; SERVICE_EXPORTS there lists the same names.
 */
declare module 'lambda-playground' {
  export interface HttpResponse {
    status: number;
    ok: boolean;
    json(): Promise<unknown>;
    text(): Promise<string>;
  }
  export interface HttpOptions {
    /** Aborts the call after this many milliseconds with a TimeoutError. Without it, a hung dependency hangs you. */
    timeoutMs?: number;
    signal?: AbortSignal;
  }
  /** An HTTP dependency with latency, failures and (in some playgrounds) a hang. `fetch` works too. */
  export const http: {
    request(request: HttpOptions & { url: string; method?: string; body?: unknown }): Promise<HttpResponse>;
    get(url: string, options?: HttpOptions): Promise<HttpResponse>;
    post(url: string, body: unknown, options?: HttpOptions): Promise<HttpResponse>;
  };

  export interface S3Body {
    /** Downloads the whole object into memory. */
    transformToString(): Promise<string>;
    /** Streams the object one line at a time; only the current chunk is held. */
    lines(): AsyncGenerator<string>;
  }
  export const s3: {
    getObject(input: { Bucket: string; Key: string }): Promise<{ ContentLength: number; Body: S3Body }>;
  };

  /** Throws TooManyRequestsException ("Rate Exceeded.") above the account's concurrency limit. */
  export const lambda: {
    invoke(input: { FunctionName: string; Payload?: string }): Promise<{ StatusCode: number; Payload: string }>;
  };

  export const sqs: {
    sendMessage(input: { QueueUrl: string; MessageBody: string }): Promise<{ MessageId: string }>;
    sendMessageBatch(input: {
      QueueUrl: string;
      Entries: { Id: string; MessageBody: string }[];
    }): Promise<{ Successful: { Id: string; MessageId: string }[]; Failed: unknown[] }>;
    depth(queueUrl: string): number;
  };

  export interface Row {
    id: number;
    total: number;
  }
  export interface Connection {
    query(sql: string): Promise<Row[]>;
    /** Every row of the table at once, all in memory. */
    scan(table: string): Promise<Row[]>;
    /** The table one page at a time; each page is freed when the next is fetched. */
    scanPages(table: string, pageSize?: number): AsyncGenerator<Row[]>;
    end(): Promise<void>;
  }
  /** A database that refuses connections above its limit ("Too many connections"). */
  export const db: {
    connect(): Promise<Connection>;
    openConnections(): number;
  };

  /** Waits `ms` milliseconds of virtual time. */
  export function sleep(ms: number): Promise<void>;
  /** Spends `ms` of CPU time as measured at one full vCPU (1,769 MB); slower with less memory. */
  export function cpu(ms: number): void;
  /** Imports a heavy library: CPU time and memory on first use, free afterwards. */
  export function loadLibrary(name: string): Promise<{ name: string }>;
  /** Declares that your code keeps `bytes` in memory (a cache, a big array) until release(bytes). */
  export function retain(bytes: number): void;
  export function release(bytes: number): void;

  export class TimeoutError extends Error {}
  export class TooManyRequestsException extends Error {
    readonly Reason: string;
    readonly $metadata: { httpStatusCode: number };
  }
  export class DatabaseError extends Error {
    readonly code: string;
  }
  export class NoSuchKey extends Error {}
}

/**
 * The AWS SDK's DynamoDB document client, as far as the playground emulates it (Put, Get, Delete).
 * The other emulated SDK packages and Node's built-ins are typed by their own packages
 * (@aws-sdk/client-*, @types/node) where those are installed; this one is not a dependency.
 */
declare module '@aws-sdk/lib-dynamodb' {
  type Item = Record<string, unknown>;
  interface ConditionInput {
    ConditionExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
  }
  interface Output {
    $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number; totalRetryDelay?: number };
  }
  export class PutCommand {
    constructor(input: { TableName: string; Item: Item } & ConditionInput);
    readonly input: { TableName: string; Item: Item } & ConditionInput;
  }
  export class GetCommand {
    constructor(input: { TableName: string; Key: Item });
    readonly input: { TableName: string; Key: Item };
  }
  export class DeleteCommand {
    constructor(input: { TableName: string; Key: Item } & ConditionInput);
    readonly input: { TableName: string; Key: Item } & ConditionInput;
  }
  export class DynamoDBDocumentClient {
    static from(client: unknown, options?: unknown): DynamoDBDocumentClient;
    send(command: PutCommand | DeleteCommand): Promise<Output>;
    send(command: GetCommand): Promise<Output & { Item?: Item }>;
    destroy(): void;
  }
}
