import type { Diagnosis, Match } from '../../lookup';
import { element } from '../dom';
import type { Summaries } from './messages';

/** Entry URLs in errors.json are absolute for other tools; on this site we link by path. */
export function sitePathOf(url: string, anchor?: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${anchor ? `#${anchor}` : parsed.hash}`;
  } catch {
    return url;
  }
}

/** A match is confident when it is the only one or clearly ahead of the next. */
export function confidentMatch(diagnosis: Diagnosis): Match | undefined {
  const [first, second] = diagnosis.matches;
  if (!first) return undefined;
  return !second || first.score >= second.score * 2 ? first : undefined;
}

function renderValues(values: Record<string, string>): HTMLElement | null {
  const pairs = Object.entries(values);
  if (pairs.length === 0) return null;
  const list = element('dl', { className: 'lfg-lookup-values' });
  for (const [name, value] of pairs) list.append(element('dt', { text: name }), element('dd', { text: value }));
  return list;
}

function renderMatch(match: Match, rank: number, summaries: Summaries): HTMLLIElement {
  const title = element('h3', {}, [element('a', { text: match.title, attributes: { href: sitePathOf(match.url) } })]);
  const summaryText = summaries[match.id];
  const summary = summaryText ? element('p', { text: summaryText }) : null;
  const evidence = match.evidence.length
    ? element('details', { attributes: rank === 0 ? { open: '' } : {} }, [
        element('summary', {
          text: `Evidence: ${match.evidence.length} line${match.evidence.length === 1 ? '' : 's'}${
            match.occurrences > 1 ? `, ${match.occurrences} occurrences` : ''
          }`,
        }),
        element('pre', { className: 'lfg-lookup-evidence', text: match.evidence.join('\n') }),
      ])
    : null;
  const reasons = match.reasons.length
    ? element('p', { className: 'lfg-lookup-reasons', text: match.reasons.join(' ') })
    : null;
  const fix = element('a', { text: 'Go to the fix', attributes: { href: sitePathOf(match.url, 'fix') } });
  return element('li', { className: 'lfg-lookup-match', attributes: { 'data-entry': match.id } }, [
    title,
    summary,
    renderValues(match.values),
    reasons,
    evidence,
    element('p', {}, [fix]),
  ]);
}

function renderReport(diagnosis: Diagnosis): HTMLElement | null {
  const report = diagnosis.report;
  if (!report) return null;
  const ms = (value: number) => `${Math.round(value * 100) / 100} ms`;
  const rows: [string, string][] = [
    ['Invocations (REPORT lines)', String(report.invocations)],
    [
      'Duration p50 / p95 / max',
      `${ms(report.durationMs.p50)} / ${ms(report.durationMs.p95)} / ${ms(report.durationMs.max)}`,
    ],
    ['Max memory used', `${report.maxMemoryUsedMB} MB of ${report.memorySizeMB} MB`],
    ['Cold starts', `${report.coldStarts} (${Math.round(report.coldStartShare * 100)}%)`],
  ];
  const table = element('table', {}, [
    element('caption', { text: 'What the REPORT lines show' }),
    element(
      'tbody',
      {},
      rows.map(([name, value]) =>
        element('tr', {}, [
          element('th', { text: name, attributes: { scope: 'row' } }),
          element('td', { text: value }),
        ]),
      ),
    ),
  ]);
  const signals = element(
    'ul',
    { className: 'lfg-lookup-signals' },
    report.signals.map((signal) =>
      element('li', {}, [
        element('span', { text: `${signal.message} ` }),
        signal.entry
          ? element('a', { text: signal.entry.title, attributes: { href: sitePathOf(signal.entry.url) } })
          : null,
      ]),
    ),
  );
  return element('section', { className: 'lfg-lookup-report', attributes: { 'aria-label': 'REPORT figures' } }, [
    table,
    report.signals.length ? signals : null,
  ]);
}

/** Replaces the contents of `container` with the diagnosis. */
export function renderDiagnosis(container: HTMLElement, diagnosis: Diagnosis, summaries: Summaries, showTop: boolean) {
  const nodes: (Node | null)[] = [];
  const top = showTop ? confidentMatch(diagnosis) : undefined;
  if (top) {
    const topSummary = summaries[top.id];
    nodes.push(
      element('div', { className: 'lfg-lookup-top', attributes: { role: 'note' } }, [
        element('p', { text: `This is most likely: ${top.title}.` }),
        topSummary ? element('p', { text: topSummary }) : null,
        element('p', {}, [
          element('a', { text: `Go to the fix for ${top.title}`, attributes: { href: sitePathOf(top.url, 'fix') } }),
        ]),
      ]),
    );
  }
  if (diagnosis.matches.length > 0) {
    nodes.push(
      element('h2', { text: `${diagnosis.matches.length} matching error${diagnosis.matches.length === 1 ? '' : 's'}` }),
    );
    nodes.push(
      element(
        'ol',
        { className: 'lfg-lookup-matches' },
        diagnosis.matches.map((match, rank) => renderMatch(match, rank, summaries)),
      ),
    );
  } else if (!diagnosis.report) {
    nodes.push(
      element('p', {
        text: 'No entry recognises this text. Try pasting the whole error line, including the error type, or browse the error index.',
      }),
    );
  }
  nodes.push(renderReport(diagnosis));
  for (const note of diagnosis.notes) nodes.push(element('p', { className: 'lfg-lookup-note', text: note }));
  container.replaceChildren(...nodes.filter((node): node is Node => node !== null));
}
