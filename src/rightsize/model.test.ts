import { describe, expect, it } from 'vitest';
import { lambdaPrices } from '../data/pricing';
import {
  billedDurationMs,
  cpuShare,
  estimateDurationMs,
  type Measurement,
  type RightSizeResult,
  rightSize,
} from './model';

function measured(durationMs: number, memorySizeMB: number, maxMemoryUsedMB?: number): Measurement {
  const measurement: Measurement = { durationMs, memorySizeMB, invocations: 1, coldStarts: 0, notes: [] };
  if (maxMemoryUsedMB !== undefined) measurement.maxMemoryUsedMB = maxMemoryUsedMB;
  return measurement;
}

function ok(outcome: ReturnType<typeof rightSize>): RightSizeResult {
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

function row(result: RightSizeResult, memoryMB: number) {
  const found = result.rows.find((candidate) => candidate.memoryMB === memoryMB);
  if (!found) throw new Error(`no row for ${memoryMB} MB`);
  return found;
}

describe('the prices the hand-computed cases below assume', () => {
  it('are the first-tier us-east-1 rates', () => {
    // If this fails, the prices changed: recompute the figures in this file by hand.
    expect(lambdaPrices.requestPerMillion).toBe(0.2);
    expect(lambdaPrices.gbSecond.x86_64).toBe(0.0000166667);
    expect(lambdaPrices.gbSecond.arm64).toBe(0.0000133334);
  });
});

describe('cpuShare and billedDurationMs', () => {
  it('gives 1 vCPU at 1,769 MB, capped there for single-threaded work', () => {
    expect(cpuShare(1769, false)).toBe(1);
    expect(cpuShare(3538, false)).toBe(1);
    expect(cpuShare(3538, true)).toBe(2); // 3538 / 1769
    expect(cpuShare(884.5, false)).toBe(0.5);
  });

  it('rounds up to the next millisecond, ignoring floating-point dust', () => {
    expect(billedDurationMs(289.429)).toBe(290);
    expect(billedDurationMs(500)).toBe(500);
    expect(billedDurationMs(500.0000000001)).toBe(500);
    expect(billedDurationMs(0.2)).toBe(1);
  });
});

describe('rightSize: a CPU-bound, single-threaded function on x86', () => {
  // Measured: 1,000 ms at 512 MB, 100 % CPU-bound, max memory used 100 MB (+20 % = 120 MB, all fit).
  const result = ok(
    rightSize(measured(1000, 512, 100), {
      cpuBoundPercent: 100,
      multiThreaded: false,
      architecture: 'x86_64',
      headroomPercent: 20,
    }),
  );

  it('halves the duration when memory doubles below 1,769 MB', () => {
    // 1000 ms × (512/1769) / (1024/1769) = 1000 × 0.5 = 500 ms
    expect(row(result, 1024).estimatedDurationMs).toBeCloseTo(500, 9);
    // 1000 × (512/1769) / (128/1769) = 4000 ms
    expect(row(result, 128).estimatedDurationMs).toBeCloseTo(4000, 9);
  });

  it('stops speeding up above 1,769 MB', () => {
    // 1000 × (512/1769) / 1 = 289.429… ms, billed 290 ms at 2,048 and at 10,240 MB alike
    expect(row(result, 2048).billedDurationMs).toBe(290);
    expect(row(result, 10240).billedDurationMs).toBe(290);
  });

  it('prices each setting: requests plus GB-seconds', () => {
    // 1024 MB: 0.500 s × 1 GB = 0.5 GB-s; 0.5 × 0.0000166667 × 1e6 = 8.33335; + 0.20 = 8.53335
    expect(row(result, 1024).costPerMillion.x86_64).toBeCloseTo(8.53335, 9);
    // 2048 MB: 0.290 s × 2 GB = 0.58 GB-s; 0.58 × 16.6667 = 9.666686; + 0.20 = 9.866686
    expect(row(result, 2048).costPerMillion.x86_64).toBeCloseTo(9.866686, 9);
    // 768 MB: 666.67 ms → 667 ms; 0.667 × 0.75 = 0.50025 GB-s × 16.6667 = 8.33751…; + 0.20 = 8.53751…
    expect(row(result, 768).costPerMillion.x86_64).toBeCloseTo(0.2 + 0.50025 * 16.6667, 9);
  });

  it('picks the fastest of the equally cheap settings, and nothing dearer than today', () => {
    // 128, 256, 512 and 1024 MB all use 0.5 GB-s; 1024 MB is the fastest of them.
    expect(result.cheapest?.memoryMB).toBe(1024);
    // Budget defaults to today's cost (512 MB: 8.53335); only those four fit it; 1024 MB is fastest.
    expect(result.budgetPerMillionUsd).toBeCloseTo(8.53335, 9);
    expect(result.fastestWithinBudget?.memoryMB).toBe(1024);
    expect(row(result, 512).current).toBe(true);
  });
});

describe('rightSize: an I/O-bound function on arm64', () => {
  // Measured: 200 ms at 1,024 MB, 0 % CPU-bound: waiting on the network does not get faster.
  const result = ok(
    rightSize(measured(200, 1024, 90), {
      cpuBoundPercent: 0,
      multiThreaded: false,
      architecture: 'arm64',
      headroomPercent: 20,
    }),
  );

  it('keeps the duration at every setting', () => {
    for (const setting of result.rows) expect(setting.billedDurationMs).toBe(200);
  });

  it('makes the smallest safe setting the cheapest', () => {
    // 128 MB: 0.2 s × 0.125 GB = 0.025 GB-s × 13.3334 = 0.333335; + 0.20 = 0.533335 on arm64
    expect(row(result, 128).costPerMillion.arm64).toBeCloseTo(0.533335, 9);
    // same on x86: 0.025 × 16.6667 = 0.4166675; + 0.20 = 0.6166675
    expect(row(result, 128).costPerMillion.x86_64).toBeCloseTo(0.6166675, 9);
    // 1024 MB (today): 0.2 × 1 × 13.3334 = 2.66668; + 0.20 = 2.86668
    expect(row(result, 1024).costPerMillion.arm64).toBeCloseTo(2.86668, 9);
    expect(result.cheapest?.memoryMB).toBe(128);
    // Every setting is equally fast, so the fastest within budget is the cheapest of them.
    expect(result.fastestWithinBudget?.memoryMB).toBe(128);
  });
});

describe('rightSize: half CPU-bound, with a memory floor and a budget', () => {
  // Measured: 1,200 ms at 256 MB, 50 % CPU-bound, max memory used 200 MB (+20 % = 240 MB).
  const result = ok(
    rightSize(measured(1200, 256, 200), {
      cpuBoundPercent: 50,
      multiThreaded: false,
      architecture: 'x86_64',
      headroomPercent: 20,
      budgetPerMillionUsd: 8,
    }),
  );

  it('scales only the CPU half of the duration', () => {
    // 512 MB: 600 ms waiting + 600 ms × 256/512 = 600 + 300 = 900 ms
    expect(row(result, 512).estimatedDurationMs).toBeCloseTo(900, 9);
    // 768 MB: 600 + 600 × 256/768 = 600 + 200 = 800 ms
    expect(row(result, 768).estimatedDurationMs).toBeCloseTo(800, 9);
    // 128 MB: 600 + 600 × 256/128 = 1,800 ms
    expect(row(result, 128).estimatedDurationMs).toBeCloseTo(1800, 9);
  });

  it('marks a setting below max memory used plus headroom unsafe and never recommends it', () => {
    expect(result.requiredMemoryMB).toBeCloseTo(240, 9);
    expect(row(result, 128).safe).toBe(false);
    expect(row(result, 256).safe).toBe(true);
    // 128 MB would be cheapest: 1.8 s × 0.125 GB = 0.225 GB-s × 16.6667 = 3.7500075; + 0.20 = 3.9500075
    expect(row(result, 128).costPerMillion.x86_64).toBeCloseTo(3.9500075, 9);
    // …but the cheapest safe one is 256 MB: 1.2 × 0.25 = 0.3 GB-s × 16.6667 = 5.00001; + 0.20 = 5.20001
    expect(result.cheapest?.memoryMB).toBe(256);
    expect(result.cheapest?.costPerMillion.x86_64).toBeCloseTo(5.20001, 9);
  });

  it('picks the fastest setting that costs at most the budget', () => {
    // 512 MB: 0.9 × 0.5 = 0.45 GB-s × 16.6667 = 7.500015; + 0.20 = 7.700015 ≤ 8
    // 768 MB: 0.8 × 0.75 = 0.6 GB-s × 16.6667 = 10.00002; + 0.20 = 10.20002 > 8
    expect(row(result, 512).costPerMillion.x86_64).toBeCloseTo(7.700015, 9);
    expect(row(result, 768).costPerMillion.x86_64).toBeCloseTo(10.20002, 9);
    expect(result.fastestWithinBudget?.memoryMB).toBe(512);
  });
});

describe('rightSize: multi-threaded work above one vCPU', () => {
  it('keeps speeding up past 1,769 MB only when the work is multi-threaded', () => {
    const base = measured(1000, 1769);
    // 3008 MB: 1000 × 1 / (3008/1769) = 588.098… ms → billed 589
    expect(estimateDurationMs(base, 3008, 1, true)).toBeCloseTo((1000 * 1769) / 3008, 9);
    expect(estimateDurationMs(base, 3008, 1, false)).toBe(1000);
    const result = ok(
      rightSize(base, { cpuBoundPercent: 100, multiThreaded: true, architecture: 'x86_64', headroomPercent: 20 }),
    );
    expect(row(result, 3008).billedDurationMs).toBe(589);
    // Without Max Memory Used, every setting counts as fitting.
    expect(result.rows.every((setting) => setting.safe)).toBe(true);
  });

  it('adds the measured setting to the ladder when it is not on it', () => {
    const result = ok(
      rightSize(measured(100, 3009, 173), {
        cpuBoundPercent: 50,
        multiThreaded: false,
        architecture: 'x86_64',
        headroomPercent: 20,
      }),
    );
    expect(result.rows.map((setting) => setting.memoryMB)).toContain(3009);
    expect(row(result, 3009).current).toBe(true);
  });
});

describe('rightSize: bad input', () => {
  const options = { cpuBoundPercent: 50, multiThreaded: false, architecture: 'x86_64', headroomPercent: 20 } as const;
  it.each([
    [measured(Number.NaN, 512), options, /duration/],
    [measured(100, 0), options, /memory size/],
    [measured(100, 512), { ...options, cpuBoundPercent: 150 }, /0 to 100/],
    [measured(100, 512), { ...options, headroomPercent: -5 }, /headroom/],
    [measured(100, 512), { ...options, budgetPerMillionUsd: 0 }, /budget/],
  ])('refuses %# with a message instead of throwing', (measurement, opts, message) => {
    const outcome = rightSize(measurement, opts);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(message);
  });

  it('says so when no setting has enough memory', () => {
    const result = ok(rightSize(measured(100, 10240, 10000), { ...options, headroomPercent: 20 }));
    expect(result.cheapest).toBeUndefined();
    expect(result.fastestWithinBudget).toBeUndefined();
  });
});
