import { describe, expect, it } from 'vitest';
import { currentSection, readingLine } from './current-section';

describe('currentSection', () => {
  it('is the first heading (the title) before any heading reaches the line', () => {
    expect(currentSection([300, 900, 1500], 100)).toBe(0);
  });

  it('is the last heading at or above the line', () => {
    expect(currentSection([-2000, -800, 40, 700], 120)).toBe(2);
    expect(currentSection([-2000, -800, 120, 700], 120)).toBe(2);
    expect(currentSection([-2000, -800, 121, 700], 120)).toBe(1);
  });

  it('skips headings that are not rendered', () => {
    expect(currentSection([-900, undefined, 500], 100)).toBe(0);
    expect(currentSection([-900, -400, undefined, undefined, 50], 100)).toBe(4);
  });

  it('is the first heading for an empty list', () => {
    expect(currentSection([], 100)).toBe(0);
  });
});

describe('readingLine', () => {
  const viewport = { barsHeight: 56, rootFontSize: 16, height: 900, atEnd: false };

  it('lies below the bars, far enough for a heading scrolled to by a link', () => {
    // Starlight's scroll-padding-top puts a linked heading 1.5rem below the bars.
    expect(readingLine(viewport)).toBeGreaterThan(56 + 1.5 * 16);
    expect(readingLine({ ...viewport, barsHeight: 56 + 48 })).toBe(readingLine(viewport) + 48);
  });

  it('is the bottom of the viewport at the end of the page, where the last headings cannot rise', () => {
    const line = readingLine({ ...viewport, atEnd: true });
    expect(line).toBe(900);
    // The last two sections are short: at the end of the page the last one shows, below the usual line.
    expect(currentSection([-3000, 300, 620], line)).toBe(2);
    expect(currentSection([-3000, 300, 620], readingLine(viewport))).toBe(0);
  });
});
