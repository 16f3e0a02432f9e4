import { describe, expect, it } from 'vitest';
import { measureFromFigures } from './input';
import { rightSize } from './model';
import { cellColumns, cellValues, chartLayout, describeResult, formatMs, formatUsd, rowView } from './view';

describe('the view of a result', () => {
  const measured = measureFromFigures({ durationMs: '1200', memorySizeMB: '256', maxMemoryUsedMB: '200' });
  if (!measured.ok) throw new Error(measured.error);
  const outcome = rightSize(measured.value, {
    cpuBoundPercent: 50,
    multiThreaded: false,
    architecture: 'x86_64',
    headroomPercent: 20,
    budgetPerMillionUsd: 8,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  const result = outcome.value;

  it('formats money and time', () => {
    expect(formatUsd(5.20001)).toBe('$5.2000');
    expect(formatMs(1800)).toBe('1,800 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
  });

  it('marks the measured, cheapest and fastest-within-budget rows', () => {
    const views = result.rows.map((row) => rowView(row, result));
    expect(views.find((view) => view.memoryMB === 256)?.marks).toEqual(['measured', 'cheapest']);
    expect(views.find((view) => view.memoryMB === 512)?.marks).toEqual(['fastest within budget']);
    expect(views.find((view) => view.memoryMB === 128)?.cells.fits).toMatch(/^no/);
  });

  it('labels every data cell with its column, marks last', () => {
    const row = result.rows.find((candidate) => candidate.memoryMB === 256);
    if (!row) throw new Error('no 256 MB row');
    const view = rowView(row, result);
    const cells = cellValues(view);
    expect(cells.map(([label]) => label)).toEqual([...cellColumns]);
    expect(cells.at(-1)).toEqual(['Marked', 'measured, cheapest']);
    expect(cells.find(([label]) => label === 'Fits in memory')?.[1]).toBe('yes');
  });

  it('states the recommendation in words', () => {
    const text = describeResult(result, measured.value).join(' ');
    // cheapest: 256 MB, 1.2 × 0.25 GB-s × 16.6667 + 0.20 = 5.20001; fastest within $8: 512 MB at 7.700015
    expect(text).toContain('Cheapest on x86_64: 256 MB, about 1,200 ms and $5.2000 per million invocations.');
    expect(text).toContain('Fastest within $8.0000 per million: 512 MB, about 900 ms and $7.7000.');
    expect(text).toContain('a setting needs 240 MB');
  });

  it('draws the most expensive setting full height and the rest in proportion', () => {
    const layout = chartLayout(result, 'x86_64', 720, 260);
    const costs = result.rows.map((row) => row.costPerMillion.x86_64);
    const highest = Math.max(...costs);
    const tallest = layout.bars[costs.indexOf(highest)];
    // top margin 28, baseline 260 − 40 = 220: full height 192
    expect(tallest?.height).toBeCloseTo(192, 9);
    const at256 = layout.bars.find((bar) => bar.memoryMB === 256);
    expect(at256?.height).toBeCloseTo((192 * 5.20001) / highest, 6);
    expect(at256?.kind).toBe('cheapest');
    expect(layout.bars.find((bar) => bar.memoryMB === 128)?.kind).toBe('unsafe');
  });
});
