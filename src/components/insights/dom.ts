/**
 * DOM rendering for the builder. Everything that came from the query, the logs or the URL is set
 * with textContent or attributes, never parsed as HTML.
 */
import type { Diagnostic, Row, Value } from '../../insights';
import { element } from '../dom';
import type { Segment } from './highlight';
import type { ChartLayout } from './view';

export { element };

const svgNamespace = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fills the editor's highlight layer; a trailing newline keeps its height equal to the textarea's. */
export function renderSegments(target: HTMLElement, segments: readonly Segment[]): void {
  const nodes: Node[] = segments.map((segment) => {
    if (segment.kind === 'plain' && !segment.problem) return document.createTextNode(segment.text);
    const className = `lfg-iq-tok-${segment.kind}${segment.problem ? ' lfg-iq-tok-problem' : ''}`;
    return element('span', { text: segment.text, className });
  });
  nodes.push(document.createTextNode('\n'));
  target.replaceChildren(...nodes);
}

/** A problem as the reader sees it: `Line 2, column 9: Unknown command 'fliter'…`. */
export const describeDiagnostic = (d: Diagnostic): string => `Line ${d.line}, column ${d.column}: ${d.message}`;

/**
 * The list of problems (errors, or warnings on a valid query), each a button that moves the caret
 * to its position. Returns the text announced for it.
 */
export function renderProblems(
  target: HTMLElement,
  diagnostics: readonly Diagnostic[],
  kind: 'error' | 'warning',
): string {
  if (diagnostics.length === 0) {
    target.replaceChildren();
    return '';
  }
  const heading =
    kind === 'error'
      ? `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in the query:`
      : `${diagnostics.length} note${diagnostics.length === 1 ? '' : 's'} on the query:`;
  const list = element('ul');
  for (const d of diagnostics) {
    const button = element('button', {
      text: describeDiagnostic(d),
      className: 'lfg-iq-problem',
      attributes: { type: 'button', 'data-start': String(d.start), 'data-end': String(d.end) },
    });
    list.append(element('li', {}, [button]));
  }
  target.replaceChildren(element('p', { text: heading, className: `lfg-iq-problems-${kind}` }), list);
  return `${heading} ${diagnostics.map(describeDiagnostic).join('; ')}`;
}

/** Numbers as CloudWatch's table shows them, without float noise past three decimals. */
export function formatCell(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  return value;
}

/** The results table; at most `maxRows` rows are drawn, and the caption says so. */
export function renderTable(
  columns: readonly string[],
  rows: readonly Row[],
  caption: string,
  maxRows = 1000,
): HTMLElement {
  const shown = rows.slice(0, maxRows);
  const table = element('table', { className: 'lfg-iq-table' });
  const fullCaption = rows.length > maxRows ? `${caption} (the first ${maxRows} are shown)` : caption;
  table.append(element('caption', { text: fullCaption }));
  const head = element('tr');
  for (const column of columns) head.append(element('th', { text: column, attributes: { scope: 'col' } }));
  table.append(element('thead', {}, [head]));
  const body = element('tbody');
  for (const row of shown) {
    const tr = element('tr');
    for (const column of columns) tr.append(element('td', { text: formatCell(row[column] ?? null) }));
    body.append(tr);
  }
  table.append(body);
  return element(
    'div',
    { className: 'lfg-iq-table-scroll', attributes: { role: 'region', 'aria-label': 'Query results', tabindex: '0' } },
    [table],
  );
}

/** The line chart; the figure's caption is its text alternative and points to the table. */
export function renderChart(layout: ChartLayout, idPrefix: string): HTMLElement {
  const titleId = `${idPrefix}-chart-title`;
  const captionId = `${idPrefix}-chart-caption`;
  const chart = svg('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'img',
    'aria-labelledby': `${titleId} ${captionId}`,
    class: 'lfg-iq-chart-svg',
  });
  chart.append(svg('title', { id: titleId }, 'Chart of the query results over time'));
  for (const tick of layout.yTicks) {
    chart.append(
      svg('line', { x1: layout.left, x2: layout.right, y1: tick.y, y2: tick.y, class: 'lfg-iq-grid' }),
      svg('text', { x: layout.left - 6, y: tick.y + 4, 'text-anchor': 'end' }, tick.label),
    );
  }
  for (const tick of layout.xTicks) {
    chart.append(svg('text', { x: tick.x, y: layout.bottom + 18, 'text-anchor': 'middle' }, tick.label));
  }
  chart.append(svg('text', { x: layout.right, y: layout.bottom + 34, 'text-anchor': 'end' }, 'time (UTC)'));
  chart.append(svg('path', { d: layout.path, class: 'lfg-iq-line' }));
  for (const point of layout.points)
    chart.append(svg('circle', { cx: point.x, cy: point.y, r: 3, class: 'lfg-iq-point' }));
  const caption = element('figcaption', {
    text: `${layout.summary} The results table above has every value.`,
    attributes: { id: captionId },
  });
  return element('figure', { className: 'lfg-iq-chart' }, [chart, caption]);
}
