/**
 * What the page shows of a result, as strings and chart shapes. Shared by the server render (the
 * worked example) and the custom element (the reader's figures), so both read the same; still no
 * DOM here.
 */
import { type Architecture, architectureLabels } from '../data/pricing';
import type { Measurement, RightSizeResult, SettingEstimate } from './model';

export function formatUsd(value: number): string {
  return `$${value.toFixed(4)}`;
}

export function formatMs(value: number): string {
  return `${value.toLocaleString('en', { maximumFractionDigits: value < 100 ? 1 : 0 })} ms`;
}

export function formatMB(value: number): string {
  return `${value.toLocaleString('en', { maximumFractionDigits: 0 })} MB`;
}

/** One table row's cells, in column order, and what the row is marked as. */
export interface RowView {
  memoryMB: number;
  cells: {
    memory: string;
    vcpus: string;
    duration: string;
    billed: string;
    x86: string;
    arm: string;
    fits: string;
  };
  marks: string[];
}

export function rowView(row: SettingEstimate, result: RightSizeResult): RowView {
  const marks: string[] = [];
  if (row.current) marks.push('measured');
  if (row === result.cheapest) marks.push('cheapest');
  if (row === result.fastestWithinBudget) marks.push('fastest within budget');
  return {
    memoryMB: row.memoryMB,
    cells: {
      memory: formatMB(row.memoryMB),
      vcpus: row.vcpus.toFixed(2),
      duration: formatMs(row.estimatedDurationMs),
      billed: formatMs(row.billedDurationMs),
      x86: formatUsd(row.costPerMillion.x86_64),
      arm: formatUsd(row.costPerMillion.arm64),
      fits: row.safe ? 'yes' : 'no: too little memory',
    },
    marks,
  };
}

/** The table's columns after the row header (Memory), in order: the header text of each. */
export const cellColumns = [
  'vCPUs',
  'Estimated duration',
  'Billed duration',
  'x86_64 per million',
  'arm64 per million',
  'Fits in memory',
  'Marked',
] as const;

/** A row's data cells with their column names, which also label the cells when the table stacks. */
export function cellValues(view: RowView): [label: string, value: string][] {
  const { vcpus, duration, billed, x86, arm, fits } = view.cells;
  const values = [vcpus, duration, billed, x86, arm, fits, view.marks.join(', ')];
  return cellColumns.map((label, index) => [label, values[index] ?? '']);
}

/** The recommendation in sentences, for the live region above the table. */
export function describeResult(result: RightSizeResult, measurement: Measurement): string[] {
  const { architecture } = result.options;
  const label = architectureLabels[architecture];
  const source =
    measurement.invocations > 0
      ? `${measurement.invocations} REPORT line${measurement.invocations === 1 ? '' : 's'}: mean duration ${formatMs(measurement.durationMs)} at ${formatMB(measurement.memorySizeMB)}`
      : `Typed figures: ${formatMs(measurement.durationMs)} at ${formatMB(measurement.memorySizeMB)}`;
  const memory =
    measurement.maxMemoryUsedMB === undefined || result.requiredMemoryMB === undefined
      ? ''
      : `, max memory used ${formatMB(measurement.maxMemoryUsedMB)} (with ${result.options.headroomPercent}% headroom a setting needs ${formatMB(Math.ceil(result.requiredMemoryMB))})`;
  const sentences = [`${source}${memory}.`];
  const { cheapest, fastestWithinBudget } = result;
  if (!cheapest) {
    sentences.push('No setting on the ladder has enough memory for what was observed.');
    return sentences;
  }
  sentences.push(
    `Cheapest on ${label}: ${formatMB(cheapest.memoryMB)}, about ${formatMs(cheapest.estimatedDurationMs)} and ${formatUsd(cheapest.costPerMillion[architecture])} per million invocations.`,
  );
  if (fastestWithinBudget) {
    sentences.push(
      `Fastest within ${formatUsd(result.budgetPerMillionUsd)} per million: ${formatMB(fastestWithinBudget.memoryMB)}, about ${formatMs(fastestWithinBudget.estimatedDurationMs)} and ${formatUsd(fastestWithinBudget.costPerMillion[architecture])}.`,
    );
  } else {
    sentences.push(`No safe setting costs ${formatUsd(result.budgetPerMillionUsd)} per million or less.`);
  }
  return sentences;
}

export interface ChartBar {
  memoryMB: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Under the bar: the memory size. */
  label: string;
  /** Above the bar: the cost. */
  value: string;
  kind: 'cheapest' | 'unsafe' | 'other';
}

export interface ChartLayout {
  width: number;
  height: number;
  /** Baseline of the bars. */
  baseline: number;
  bars: ChartBar[];
}

/**
 * A bar per setting, its height the cost per million on the chosen architecture. Heights are
 * relative to the most expensive setting, so the shape shows where cost turns upwards.
 */
export function chartLayout(
  result: RightSizeResult,
  architecture: Architecture,
  width = 720,
  height = 260,
): ChartLayout {
  const top = 28;
  const baseline = height - 40;
  const left = 8;
  const slot = (width - left * 2) / Math.max(result.rows.length, 1);
  const maxCost = Math.max(...result.rows.map((row) => row.costPerMillion[architecture]), Number.MIN_VALUE);
  const bars = result.rows.map((row, index): ChartBar => {
    const barHeight = Math.max(1, ((baseline - top) * row.costPerMillion[architecture]) / maxCost);
    return {
      memoryMB: row.memoryMB,
      x: left + index * slot + slot * 0.15,
      y: baseline - barHeight,
      width: slot * 0.7,
      height: barHeight,
      label: String(row.memoryMB),
      value: row.costPerMillion[architecture].toFixed(2),
      kind: row === result.cheapest ? 'cheapest' : row.safe ? 'other' : 'unsafe',
    };
  });
  return { width, height, baseline, bars };
}
