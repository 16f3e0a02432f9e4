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

/** The match the engine is confident about, if any (see src/lookup/README.md, "Confidence"). */
export function confidentMatch(diagnosis: Diagnosis): Match | undefined {
  return diagnosis.confident;
}

/** Labels for the values patterns capture and signals read; anything else gets its name spelled out. */
const valueLabels: Record<string, string> = {
  seconds: 'Timeout reported',
  timeoutSeconds: 'Function timeout',
  durationMs: 'Duration',
  memorySize: 'Memory size',
  memorySizeMB: 'Memory size',
  maxMemoryUsed: 'Max memory used',
  maxMemoryUsedMB: 'Max memory used',
  maxMemoryUsedShare: 'Peak memory share',
  errorType: 'Error name',
  module: 'Module',
  handler: 'Handler',
  operation: 'API operation',
  reason: 'Reason',
  coldStarts: 'Cold starts',
  invocations: 'Invocations',
  coldStartShare: 'Cold-start share',
  initDuration: 'Init duration',
  initDurationP50Ms: 'Init duration p50',
  initDurationMaxMs: 'Init duration max',
  restoreDuration: 'Restore duration',
  requestId: 'Request id',
  principal: 'Principal',
  action: 'Action',
  host: 'Host',
  port: 'Port',
  address: 'Address',
  code: 'Code',
  errno: 'errno',
  path: 'Path',
  limit: 'Limit',
  size: 'Size',
  status: 'HTTP status',
  exitCode: 'Exit code',
  signal: 'Signal',
  runtime: 'Runtime',
  region: 'Region',
  resource: 'Resource',
};

/** Units by name suffix, so a figure reads "3 s" or "128 MB", not a bare number. */
function withUnit(name: string, value: string): string {
  if (/Ms$|^initDuration$|^restoreDuration$/.test(name)) return `${value} ms`;
  if (/MB$|^memorySize$|^maxMemoryUsed$/.test(name)) return `${value} MB`;
  if (/[sS]econds$/.test(name)) return `${value} s`;
  return value;
}

/** "initDurationMaxMs" → "Init duration max". */
function spellOut(name: string): string {
  const words = name
    .replace(/(Ms|MB)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Regular-expression plumbing (`prefix` helps a pattern compare two numbers): never shown. */
const hiddenValues = new Set(['prefix']);

/** The values worth showing, with human labels, one per label (a pattern and a signal may both read the memory size). */
export function labelledValues(values: Record<string, string>): [string, string][] {
  const seen = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    if (hiddenValues.has(name) || value.trim() === '') continue;
    const label = valueLabels[name] ?? spellOut(name);
    if (!seen.has(label)) seen.set(label, withUnit(name, value));
  }
  return [...seen];
}

function renderValues(values: Record<string, string>): HTMLElement | null {
  const pairs = labelledValues(values);
  if (pairs.length === 0) return null;
  const list = element('dl', { className: 'lfg-lookup-values' });
  for (const [label, value] of pairs) list.append(element('dt', { text: label }), element('dd', { text: value }));
  return list;
}

const tierText: Record<Match['tier'], string> = {
  exact: 'The error message matches this entry.',
  named: 'The error name or code belongs to this entry.',
  text: 'Related by its words only: check that it fits.',
};

function renderMatch(match: Match, rank: number, summaries: Summaries): HTMLLIElement {
  const title = element('h3', {}, [element('a', { text: match.title, attributes: { href: sitePathOf(match.url) } })]);
  const summaryText = summaries[match.id];
  const summary = summaryText ? element('p', { text: summaryText }) : null;
  const tells = match.tells.length
    ? element('p', { className: 'lfg-lookup-tell', text: `Is it this one? ${match.tells.join(' ')}` })
    : null;
  const why = element('details', { className: 'lfg-lookup-why' }, [
    element('summary', {
      text: `Why this match${match.evidence.length ? ` (${match.evidence.length} line${match.evidence.length === 1 ? '' : 's'}${match.occurrences > 1 ? `, ${match.occurrences} occurrences` : ''})` : ''}`,
    }),
    element(
      'ul',
      {},
      match.reasons.map((reason) => element('li', { text: reason })),
    ),
    match.evidence.length
      ? element('pre', { className: 'lfg-lookup-evidence', text: match.evidence.join('\n') })
      : null,
  ]);
  const fix = element('a', { text: 'Go to the fix', attributes: { href: sitePathOf(match.url, 'fix') } });
  return element(
    'li',
    { className: 'lfg-lookup-match', attributes: { 'data-entry': match.id, 'data-tier': match.tier } },
    [
      title,
      element('p', { className: 'lfg-lookup-tier', text: tierText[match.tier] }),
      tells,
      rank === 0 ? summary : null,
      renderValues(match.values),
      element('p', {}, [fix]),
      why,
    ],
  );
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
  if (report.initDurationMs)
    rows.push(['Init duration p50 / max', `${ms(report.initDurationMs.p50)} / ${ms(report.initDurationMs.max)}`]);
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

export interface Fallback {
  /** The error index, for browsing. */
  indexUrl: string;
  /** Opens the site search with the pasted text; absent when the page has no site search. */
  searchSite?: () => void;
}

/** When nothing is certain: the closest candidates are listed above; also offer site search and the index. */
function renderFallback(fallback: Fallback, hasCandidates: boolean): HTMLElement {
  const search = fallback.searchSite
    ? element('button', { text: 'Search the whole site for this text', attributes: { type: 'button' } })
    : null;
  const { searchSite } = fallback;
  if (search && searchSite) {
    search.addEventListener('click', (event) => {
      // Starlight closes its search dialog on any click outside it that reaches the window, and
      // this click would arrive there right after opening it.
      event.stopPropagation();
      searchSite();
    });
  }
  return element('div', { className: 'lfg-lookup-fallback' }, [
    element('p', {
      text: hasCandidates
        ? 'Not certain: these are the closest entries. If none fits, search the site or browse the index.'
        : 'No entry recognises this text. Try the whole error line, including its error name, search the site, or browse the index.',
    }),
    element('p', { className: 'lfg-lookup-fallback-actions' }, [
      search,
      element('a', { text: 'Browse the error index', attributes: { href: fallback.indexUrl } }),
    ]),
  ]);
}

/**
 * Replaces the contents of `container` with the diagnosis: the answer first (a confident match, a
 * healthy verdict, or the closest candidates with a way on), then every match, the REPORT figures
 * and the notes.
 */
export function renderDiagnosis(
  container: HTMLElement,
  diagnosis: Diagnosis,
  summaries: Summaries,
  fallback: Fallback,
) {
  const nodes: (Node | null)[] = [];
  const top = confidentMatch(diagnosis);
  if (top) {
    const topSummary = summaries[top.id];
    nodes.push(
      element('div', { className: 'lfg-lookup-top lfg-lookup-answer', attributes: { role: 'note' } }, [
        element('p', { className: 'lfg-lookup-answer-title' }, [
          element('span', { text: 'This is most likely: ' }),
          element('a', { text: top.title, attributes: { href: sitePathOf(top.url) } }),
        ]),
        topSummary ? element('p', { text: topSummary }) : null,
        element('p', {}, [
          element('a', { text: `Go to the fix for ${top.title}`, attributes: { href: sitePathOf(top.url, 'fix') } }),
        ]),
      ]),
    );
  } else if (diagnosis.healthy) {
    nodes.push(
      element('div', { className: 'lfg-lookup-healthy lfg-lookup-answer', attributes: { role: 'note' } }, [
        element('p', { className: 'lfg-lookup-answer-title', text: 'These lines look healthy.' }),
        element('p', { text: diagnosis.notes[0] ?? '' }),
      ]),
    );
  } else {
    nodes.push(renderFallback(fallback, diagnosis.matches.length > 0));
  }
  if (diagnosis.matches.length > 0) {
    const heading = top
      ? `${diagnosis.matches.length} matching entr${diagnosis.matches.length === 1 ? 'y' : 'ies'}`
      : `Closest entr${diagnosis.matches.length === 1 ? 'y' : 'ies'}`;
    nodes.push(element('h2', { text: heading }));
    nodes.push(
      element(
        'ol',
        { className: 'lfg-lookup-matches' },
        diagnosis.matches.map((match, rank) => renderMatch(match, rank, summaries)),
      ),
    );
  }
  nodes.push(renderReport(diagnosis));
  const notes = diagnosis.healthy && !top ? diagnosis.notes.slice(1) : diagnosis.notes;
  for (const note of notes) nodes.push(element('p', { className: 'lfg-lookup-note', text: note }));
  container.replaceChildren(...nodes.filter((node): node is Node => node !== null));
}
