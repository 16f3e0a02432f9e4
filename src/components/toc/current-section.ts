/**
 * Which section of a page the reader is in: the last heading whose top is at or above the reading
 * line, or the first (the page title, "Overview") when none is yet. `tops` are the headings' tops in
 * document order, in viewport pixels; a heading that is not rendered (inside a closed fold) is
 * `undefined` and never current.
 */
export function currentSection(tops: readonly (number | undefined)[], line: number): number {
  let current = 0;
  for (const [index, top] of tops.entries()) {
    if (top === undefined) continue;
    if (top > line) break;
    current = index;
  }
  return current;
}

/** What the reading line depends on, in CSS pixels. */
export interface Viewport {
  /** The fixed bars at the top: the header and, on a phone, the "On this page" bar. */
  barsHeight: number;
  rootFontSize: number;
  height: number;
  /** Scrolled as far down as the page goes. */
  atEnd: boolean;
}

/**
 * The reading line, in viewport pixels: a heading becomes current once its top reaches it. Below
 * the fixed bars, with room for the heading itself and a line of text after it, so a heading a link
 * scrolled to (scroll-padding puts it 1.5rem below the bars) is the current one. At the end of the
 * page the last sections can never rise that far, so there the line is the bottom of the viewport:
 * the last heading the reader can see is current.
 */
export function readingLine({ barsHeight, rootFontSize, height, atEnd }: Viewport): number {
  return atEnd ? height : barsHeight + 5 * rootFontSize;
}
