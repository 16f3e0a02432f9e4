/**
 * Configuration of the emulated services, shared by the examples' meta, the host and the engine.
 * Plain data only: it crosses the Worker boundary.
 */

/** A log-normal latency: half the calls faster than `median`, one in a hundred slower than `p99`. */
export interface LatencyConfig {
  median: number;
  p99: number;
}

/** One HTTP dependency, keyed by host name. */
export interface HttpDependencyConfig {
  latencyMs?: LatencyConfig;
  /** Share of calls, 0 to 1, answered with `failureStatus`. */
  failureRate?: number;
  /** Status of a failed call; 503 unless set. */
  failureStatus?: number;
  /** The dependency accepts the connection and never answers: only a client timeout ends the call. */
  hang?: boolean;
  /** Calls in flight above this are answered 429 at once. */
  maxConcurrent?: number;
  /** JSON body of a successful response. */
  body?: unknown;
  /** Status for requests whose JSON body has `"invalid": true` — a client error that retrying cannot fix. */
  invalidRequestStatus?: number;
}

/** An object described by its size and line count; its text is synthesized line by line. */
export interface S3ObjectConfig {
  sizeBytes: number;
  lines: number;
}

export interface S3Config {
  /** Keyed by "bucket/key". */
  objects: Record<string, S3ObjectConfig>;
  /** Download throughput; 200 MB/s unless set. */
  throughputMbPerSecond?: number;
}

export interface LambdaApiConfig {
  /** Invocations in flight above this throw TooManyRequestsException: Rate Exceeded. */
  concurrencyLimit: number;
  latencyMs?: LatencyConfig;
}

export interface DatabaseTableConfig {
  rows: number;
  rowBytes: number;
}

export interface DatabaseConfig {
  /** Open connections above this fail with "Too many connections". */
  connectionLimit: number;
  connectLatencyMs?: LatencyConfig;
  queryLatencyMs?: LatencyConfig;
  tables?: Record<string, DatabaseTableConfig>;
}

export interface SqsConfig {
  sendLatencyMs?: LatencyConfig;
}

/** A library whose import is expensive: CPU time at 1 vCPU and memory it keeps once loaded. */
export interface LibraryConfig {
  cpuMs: number;
  memoryMb: number;
}

export interface DynamoDbConfig {
  /** Tables that exist, with their key schema; any other table is ResourceNotFoundException. */
  tables?: Record<string, { partitionKey: string; sortKey?: string }>;
  latencyMs?: LatencyConfig;
}

export interface ServicesConfig {
  http?: Record<string, HttpDependencyConfig>;
  s3?: S3Config;
  lambda?: LambdaApiConfig;
  db?: DatabaseConfig;
  sqs?: SqsConfig;
  dynamodb?: DynamoDbConfig;
  /** /tmp's size (Lambda's ephemeral storage setting), 512 MB unless set. */
  ephemeralStorageMb?: number;
  libraries?: Record<string, LibraryConfig>;
}
