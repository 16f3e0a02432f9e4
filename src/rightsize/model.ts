/**
 * The right-sizing model: from one measured duration at one memory size, estimate the duration,
 * the memory safety and the cost of every setting on a ladder, and pick the cheapest and the
 * fastest within a budget. See README.md in this folder for the assumptions in words.
 */
import { type Architecture, architectures, billingRules, type LambdaPrices, lambdaPrices } from '../data/pricing';

/** Memory sizes compared, in MB: powers of two, the 1-vCPU point and the pre-2020 maximum. */
export const memoryLadder: readonly number[] = [
  128, 256, 512, 768, 1024, 1536, 1769, 2048, 3008, 4096, 5120, 6144, 8192, 10240,
];

/** The memory size at which a function has the equivalent of one vCPU (AWS, configuration-memory). */
export const oneVcpuMB = 1769;
export const minMemoryMB = 128;
export const maxMemoryMB = 10240;

/** What was measured, from REPORT lines or typed in. */
export interface Measurement {
  /** Mean Duration of the invocations, in ms (the INIT phase excluded). */
  durationMs: number;
  /** The memory size the function ran with, in MB. */
  memorySizeMB: number;
  /** The largest Max Memory Used seen, in MB, when known. */
  maxMemoryUsedMB?: number;
  /** REPORT lines the figures come from (0 when typed). */
  invocations: number;
  /** Invocations with an Init Duration. */
  coldStarts: number;
  /** Mean Init Duration over the cold starts, in ms. */
  initDurationMs?: number;
  /** What the reader should know about the figures (mixed memory sizes, out-of-memory lines…). */
  notes: string[];
  /**
   * When the REPORT lines ran with more than one memory size: each size with its number of lines,
   * most lines first, so the reader can choose which one to analyse.
   */
  memorySizes?: MemorySizeCount[];
}

/** One memory size found in pasted REPORT lines, and how many lines ran with it. */
export interface MemorySizeCount {
  memorySizeMB: number;
  invocations: number;
}

export interface RightSizeOptions {
  /** How much of the measured duration is CPU work, 0–100; the rest is waiting (I/O). */
  cpuBoundPercent: number;
  /** Whether the CPU work uses more than one thread, so that vCPUs beyond the first help. */
  multiThreaded: boolean;
  /** The architecture the recommendation is priced for. */
  architecture: Architecture;
  /** Memory kept free above the observed Max Memory Used, in % of it. */
  headroomPercent: number;
  /** Cost ceiling per million invocations in USD; default: the cost of the measured setting. */
  budgetPerMillionUsd?: number;
  ladder?: readonly number[];
  prices?: LambdaPrices;
}

export const defaultOptions = {
  cpuBoundPercent: 50,
  multiThreaded: false,
  architecture: 'x86_64',
  headroomPercent: 20,
} as const satisfies RightSizeOptions;

/** One memory setting, estimated. */
export interface SettingEstimate {
  memoryMB: number;
  /** vCPUs the setting gets: memory / 1,769 MB. */
  vcpus: number;
  estimatedDurationMs: number;
  /** The estimate rounded up to the billing granularity (1 ms). */
  billedDurationMs: number;
  /** At least the observed Max Memory Used plus headroom (true when nothing was observed). */
  safe: boolean;
  /** Requests plus duration, per million invocations, in USD. */
  costPerMillion: Record<Architecture, number>;
  /** The setting the measurement was taken at. */
  current: boolean;
}

export interface RightSizeResult {
  rows: SettingEstimate[];
  /** The memory a setting needs to be safe, in MB, when Max Memory Used is known. */
  requiredMemoryMB?: number;
  /** The budget applied, in USD per million invocations. */
  budgetPerMillionUsd: number;
  /** The safe setting with the lowest cost on the chosen architecture (ties: the faster). */
  cheapest?: SettingEstimate;
  /** The safe setting with the shortest duration costing no more than the budget (ties: the cheaper). */
  fastestWithinBudget?: SettingEstimate;
  options: Required<Omit<RightSizeOptions, 'budgetPerMillionUsd'>>;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The CPU a setting gives the function's work, in vCPUs. Single-threaded work cannot use more
 * than one vCPU, so for it the share stops growing at 1,769 MB.
 */
export function cpuShare(memoryMB: number, multiThreaded: boolean): number {
  const vcpus = memoryMB / oneVcpuMB;
  return multiThreaded ? vcpus : Math.min(vcpus, 1);
}

/**
 * The duration at `targetMB`: the CPU-bound part of the measured duration scales inversely with
 * the CPU share, the waiting part stays as measured.
 */
export function estimateDurationMs(
  measured: Pick<Measurement, 'durationMs' | 'memorySizeMB'>,
  targetMB: number,
  cpuBoundFraction: number,
  multiThreaded: boolean,
): number {
  const speedup = cpuShare(measured.memorySizeMB, multiThreaded) / cpuShare(targetMB, multiThreaded);
  return measured.durationMs * (1 - cpuBoundFraction + cpuBoundFraction * speedup);
}

/** Rounds a duration up to the billing granularity, ignoring floating-point dust (500.0000000001 → 500). */
export function billedDurationMs(durationMs: number, granularityMs: number = billingRules.granularityMs): number {
  return Math.ceil(durationMs / granularityMs - 1e-9) * granularityMs;
}

/** Requests plus duration for a million invocations, in USD; GB = MB / 1,024 as on the pricing page. */
export function costPerMillion(
  billedMs: number,
  memoryMB: number,
  architecture: Architecture,
  prices: LambdaPrices = lambdaPrices,
): number {
  const gbSeconds = (billedMs / 1000) * (memoryMB / 1024);
  return prices.requestPerMillion + 1_000_000 * gbSeconds * prices.gbSecond[architecture];
}

function validate(measurement: Measurement, options: RightSizeOptions): string | undefined {
  if (!Number.isFinite(measurement.durationMs) || measurement.durationMs <= 0)
    return 'The measured duration must be a positive number of milliseconds.';
  if (!Number.isFinite(measurement.memorySizeMB) || measurement.memorySizeMB <= 0)
    return 'The measured memory size must be a positive number of MB.';
  if (!Number.isFinite(options.cpuBoundPercent) || options.cpuBoundPercent < 0 || options.cpuBoundPercent > 100)
    return 'How CPU-bound the function is must be a percentage from 0 to 100.';
  if (!Number.isFinite(options.headroomPercent) || options.headroomPercent < 0 || options.headroomPercent > 400)
    return 'The memory headroom must be a percentage from 0 to 400.';
  if (
    options.budgetPerMillionUsd !== undefined &&
    (!Number.isFinite(options.budgetPerMillionUsd) || options.budgetPerMillionUsd <= 0)
  )
    return 'The budget must be a positive amount in USD per million invocations.';
  if (!architectures.includes(options.architecture)) return 'The architecture must be x86_64 or arm64.';
  return undefined;
}

/** Estimates every setting on the ladder (plus the measured one). Never throws: bad input is an `error`. */
export function rightSize(measurement: Measurement, options: RightSizeOptions): Outcome<RightSizeResult> {
  const problem = validate(measurement, options);
  if (problem) return { ok: false, error: problem };
  const ladder = options.ladder ?? memoryLadder;
  const prices = options.prices ?? lambdaPrices;
  const fraction = options.cpuBoundPercent / 100;
  const required =
    measurement.maxMemoryUsedMB === undefined
      ? undefined
      : measurement.maxMemoryUsedMB * (1 + options.headroomPercent / 100);

  const sizes = [...new Set([...ladder, measurement.memorySizeMB])].sort((a, b) => a - b);
  const rows = sizes.map((memoryMB): SettingEstimate => {
    const estimatedDurationMs =
      memoryMB === measurement.memorySizeMB
        ? measurement.durationMs
        : estimateDurationMs(measurement, memoryMB, fraction, options.multiThreaded);
    const billed = billedDurationMs(estimatedDurationMs);
    return {
      memoryMB,
      vcpus: memoryMB / oneVcpuMB,
      estimatedDurationMs,
      billedDurationMs: billed,
      safe: required === undefined || memoryMB >= required - 1e-9,
      costPerMillion: {
        x86_64: costPerMillion(billed, memoryMB, 'x86_64', prices),
        arm64: costPerMillion(billed, memoryMB, 'arm64', prices),
      },
      current: memoryMB === measurement.memorySizeMB,
    };
  });

  const { architecture } = options;
  const current = rows.find((row) => row.current);
  const budget = options.budgetPerMillionUsd ?? current?.costPerMillion[architecture] ?? Number.POSITIVE_INFINITY;
  const safeRows = rows.filter((row) => row.safe);
  // Costs are compared to a tenth of a micro-dollar so that equal GB-seconds tie exactly.
  const cost = (row: SettingEstimate) => Math.round(row.costPerMillion[architecture] * 1e7) / 1e7;
  const cheapest = pickBest(safeRows, (a, b) => cost(a) - cost(b) || a.billedDurationMs - b.billedDurationMs);
  const fastestWithinBudget = pickBest(
    safeRows.filter((row) => cost(row) <= Math.round(budget * 1e7) / 1e7),
    (a, b) => a.billedDurationMs - b.billedDurationMs || cost(a) - cost(b),
  );

  const result: RightSizeResult = {
    rows,
    budgetPerMillionUsd: budget,
    options: {
      cpuBoundPercent: options.cpuBoundPercent,
      multiThreaded: options.multiThreaded,
      architecture,
      headroomPercent: options.headroomPercent,
      ladder,
      prices,
    },
  };
  if (required !== undefined) result.requiredMemoryMB = required;
  if (cheapest) result.cheapest = cheapest;
  if (fastestWithinBudget) result.fastestWithinBudget = fastestWithinBudget;
  return { ok: true, value: result };
}

function pickBest<T>(items: readonly T[], compare: (a: T, b: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || compare(item, best) < 0) best = item;
  return best;
}
