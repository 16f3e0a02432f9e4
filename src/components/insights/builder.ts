/**
 * `<lfg-insights>`: enhances the server-rendered builder. Everything runs in this browser: the
 * query is checked here, and runs happen in a worker (run.worker.ts) that generates the sample
 * logs or reads the paste. No log line is sent anywhere; the console link is only followed when
 * the reader chooses to.
 */
import {
  checkValues,
  consoleUrl,
  type Diagnostic,
  getTemplate,
  parseQuery,
  type QueryTemplate,
  type Row,
  type TemplateParameter,
  type TemplateValues,
  type TimeRange,
} from '../../insights';
import { element, renderChart, renderProblems, renderSegments, renderTable } from './dom';
import { highlightQuery } from './highlight';
import { findOrigin, type QueryOrigin } from './links';
import type { LogSource, RunRequest, RunResponse } from './messages';
import { formatBytes, formatUsd, isBelowCent, scanCostUsd } from './pricing';
import { binColumn, chartLayout, explainEmpty, isRegion, numericColumns, splitLogGroups } from './view';

/** Identifies what the highlight shows: the query, and the span of the problem it marks. */
const paintKey = (query: string, problem: Diagnostic | undefined): string =>
  `${problem ? `${problem.start}-${problem.end}` : ''}:${query}`;

/**
 * The entries' queries (see origins.json.ts), or none when the file cannot be had within two
 * seconds: the note then says only that the query came from a link.
 */
async function fetchOrigins(url: string | undefined): Promise<QueryOrigin[]> {
  if (!url) return [];
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    const origins: unknown = response.ok ? await response.json() : [];
    return Array.isArray(origins) ? (origins as QueryOrigin[]) : [];
  } catch {
    return [];
  }
}

/** Validation waits for a pause in typing, so messages do not flicker under the reader's fingers. */
const validateDelayMs = 250;
/** Query parameters a template may use; the others are hidden for it. */
const queryParameters: readonly TemplateParameter[] = ['bin', 'topN', 'filter'];

/** A run that takes longer is stopped (the element's `data-run-limit-ms` overrides it). */
const runLimitMs = 15_000;

class InsightsBuilder extends HTMLElement {
  #form!: HTMLFormElement;
  #query!: HTMLTextAreaElement;
  #highlight!: HTMLElement;
  #problems!: HTMLElement;
  #consoleLink!: HTMLAnchorElement;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #problem: Diagnostic | undefined;
  #announced = '';
  /** What the highlight shows (see #paint), so an unchanged query is not drawn again. */
  #painted: string | undefined;
  #runs = 0;
  #worker: Worker | undefined;
  #pending: ((response: RunResponse) => void) | undefined;
  #supersede: (() => void) | undefined;
  /** The logs the worker last read: an unchanged paste (megabytes) is not copied to it again. */
  #sent: LogSource | undefined;

  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('form[data-iq-form]');
    const query = this.querySelector<HTMLTextAreaElement>('[data-iq-query]');
    const highlight = this.querySelector<HTMLElement>('[data-iq-highlight]');
    const problems = this.querySelector<HTMLElement>('[data-iq-problems]');
    const consoleLink = this.querySelector<HTMLAnchorElement>('[data-iq-console]');
    if (!form || !query || !highlight || !problems || !consoleLink) return;
    [this.#form, this.#query, this.#highlight, this.#problems, this.#consoleLink] = [
      form,
      query,
      highlight,
      problems,
      consoleLink,
    ];
    // The server drew the first goal's query, which has no problem to mark.
    if (highlight.textContent === `${query.value}\n`) this.#painted = paintKey(query.value, undefined);
    for (const node of this.querySelectorAll<HTMLElement>('[data-iq-nojs]')) node.hidden = true;
    for (const node of this.querySelectorAll<HTMLElement>('[data-iq-js]')) node.hidden = false;

    this.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.name === 'template') this.#applyTemplate();
      if (target.name === 'range') this.#showRange();
    });
    form.addEventListener('input', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.name === 'template') return;
      if (['bin', 'topN', 'filter'].includes(target.name)) this.#applyTemplate();
      else this.#updateConsoleLink();
    });
    query.addEventListener('input', () => {
      this.#setEdited(true);
      this.#problem = undefined;
      this.#paint();
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#validate(), validateDelayMs);
    });
    this.querySelector('[data-iq-region]')?.addEventListener('input', () => this.#updateConsoleLink());
    problems.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-start]');
      if (button) this.#moveCaret(Number(button.dataset.start), Number(button.dataset.end));
    });
    this.querySelector('[data-iq-copy]')?.addEventListener('click', () => this.#copy());
    this.querySelector('[data-iq-run]')?.addEventListener('click', () => void this.#run());
    this.querySelector('[data-iq-logs]')?.addEventListener('input', () => {
      const paste = this.querySelector<HTMLInputElement>('input[name="source"][value="paste"]');
      if (paste) paste.checked = true;
    });

    // `?q=` opens the builder on that query. It only ever becomes the textarea's value.
    const params = new URLSearchParams(location.search);
    const fromUrl = params.get('q');
    if (fromUrl !== null && fromUrl.trim() !== '') {
      const own = this.querySelector<HTMLInputElement>('input[name="template"][value=""]');
      if (own) own.checked = true;
      this.#showParameters(undefined);
      this.#setQuery(fromUrl);
      void this.#showHandOff(fromUrl, params.get('from'));
    } else if (query.value !== query.defaultValue) {
      // Typed before this script arrived, or put back by the browser on going back: kept as it is.
      this.#showParameters(this.#template);
      this.#setEdited(true);
      this.#validate();
    } else {
      this.#applyTemplate();
    }
    this.#showRange();
    this.#ensureWorker();
  }

  /**
   * A query handed over by a link lands in view: the editor is scrolled to and focused, and a note
   * above it says where it came from, with a link back to that entry's queries. What the entries'
   * queries are is a file of its own (origins.json.ts), fetched only here: in the page it was a
   * third of every visit's download. The note is written before the scroll, so nothing moves after.
   */
  async #showHandOff(query: string, from: string | null) {
    const note = this.querySelector<HTMLElement>('[data-iq-origin]');
    const origins = await fetchOrigins(this.dataset.originsUrl);
    const found = findOrigin(origins, query, from);
    if (note) {
      if (found) {
        const link = element('a', { text: found.origin.entryTitle, attributes: { href: found.origin.href } });
        note.replaceChildren(
          'Loaded from ',
          link,
          found.queryTitle ? ` — ${found.queryTitle}.` : ' (edited since).',
          ' Run it below on the sample logs or your own.',
        );
      } else {
        note.textContent = 'Loaded from the link you followed. Run it below on the sample logs or your own.';
      }
      note.hidden = false;
    }
    // After layout, so the scroll lands where the section ends up; the header offset is in the CSS.
    requestAnimationFrame(() => {
      this.querySelector('.lfg-iq-query')?.scrollIntoView({ block: 'start' });
      this.#query.focus({ preventScroll: true });
    });
  }

  get #template(): QueryTemplate | undefined {
    const checked = this.#form.querySelector<HTMLInputElement>('input[name="template"]:checked');
    return checked?.value ? getTemplate(checked.value) : undefined;
  }

  #field<T extends HTMLElement = HTMLInputElement>(name: string): T | null {
    return this.#form.elements.namedItem(name) as T | null;
  }

  #showParameters(template: QueryTemplate | undefined) {
    for (const parameter of queryParameters) {
      const wrapper = this.querySelector<HTMLElement>(`[data-param="${parameter}"]`);
      if (wrapper) wrapper.hidden = !template?.parameters.includes(parameter);
    }
  }

  #showRange() {
    const custom = this.#field<HTMLSelectElement>('range')?.value === 'custom';
    const absolute = this.querySelector<HTMLElement>('[data-iq-absolute]');
    if (absolute) absolute.hidden = !custom;
    const start = this.#field('start');
    const end = this.#field('end');
    if (custom && start && end && !start.value && !end.value) {
      const now = Date.now();
      const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
      start.value = minute(now - 3_600_000);
      end.value = minute(now);
    }
    this.#updateConsoleLink();
  }

  /** Reads the time range; absolute times are typed in UTC. */
  #range(): TimeRange | string {
    const value = this.#field<HTMLSelectElement>('range')?.value ?? '3600';
    if (value !== 'custom') return { relativeSeconds: Number(value) };
    const start = Date.parse(`${this.#field('start')?.value ?? ''}Z`);
    const end = Date.parse(`${this.#field('end')?.value ?? ''}Z`);
    if (Number.isNaN(start) || Number.isNaN(end)) return 'Time range: give a start and an end.';
    if (end <= start) return 'Time range: the end must be after the start.';
    return { start: new Date(start), end: new Date(end) };
  }

  /** The template's values from the form, and a problem per parameter that has one. */
  #values(template: QueryTemplate): { values: Partial<TemplateValues>; problems: Map<string, string> } {
    const values: Partial<TemplateValues> = {};
    for (const parameter of template.parameters) {
      const raw = this.#field(parameter)?.value ?? '';
      if (parameter === 'bin') values.bin = raw.trim();
      if (parameter === 'filter') values.filter = raw;
      if (parameter === 'topN') values.topN = raw.trim() === '' ? Number.NaN : Number(raw);
    }
    const problems = new Map<string, string>();
    for (const problem of checkValues(values)) {
      const [name, ...rest] = problem.split(': ');
      if (name) problems.set(name, rest.join(': '));
    }
    return { values, problems };
  }

  #applyTemplate() {
    const template = this.#template;
    this.#showParameters(template);
    if (!template) {
      this.#updateConsoleLink();
      return;
    }
    const { values, problems } = this.#values(template);
    for (const parameter of queryParameters) {
      const input = this.#field(parameter);
      const message = this.querySelector<HTMLElement>(`[data-param-error="${parameter}"]`);
      const problem = problems.get(parameter);
      input?.setAttribute('aria-invalid', problem ? 'true' : 'false');
      if (message && message.textContent !== (problem ?? '')) message.textContent = problem ?? '';
    }
    if (problems.size > 0) return;
    this.#setQuery(template.render(values));
    this.#setEdited(false);
  }

  #setEdited(edited: boolean) {
    const note = this.querySelector<HTMLElement>('[data-iq-edited]');
    if (note) note.hidden = !edited || !this.#template;
  }

  #setQuery(text: string) {
    // Only when it differs: on load the server has already put the first goal's query there.
    if (this.#query.value !== text) this.#query.value = text;
    this.#problem = undefined;
    clearTimeout(this.#timer);
    this.#validate();
  }

  #paint() {
    const painted = paintKey(this.#query.value, this.#problem);
    if (painted === this.#painted) return;
    this.#painted = painted;
    renderSegments(this.#highlight, highlightQuery(this.#query.value, this.#problem));
  }

  /** Checks the query, lists its problems, and announces them when they change. */
  #validate(): boolean {
    const parsed = parseQuery(this.#query.value);
    const diagnostics = parsed.ok ? parsed.warnings : parsed.errors;
    this.#problem = parsed.ok ? undefined : parsed.errors[0];
    const text = renderProblems(this.#problems, diagnostics, parsed.ok ? 'warning' : 'error');
    this.#query.setAttribute('aria-invalid', parsed.ok ? 'false' : 'true');
    const status = this.querySelector<HTMLElement>('[data-iq-problems-status]');
    const announcement = text || 'The query is valid.';
    if (status && announcement !== this.#announced) status.textContent = announcement;
    this.#announced = announcement;
    this.#paint();
    this.#updateConsoleLink();
    return parsed.ok;
  }

  #moveCaret(start: number, end: number) {
    this.#query.focus();
    this.#query.setSelectionRange(start, Math.max(start, end));
  }

  #updateConsoleLink() {
    const regionInput = this.querySelector<HTMLInputElement>('[data-iq-region]');
    const region = regionInput?.value.trim() ?? '';
    const range = this.#range();
    const problem = !isRegion(region)
      ? 'Region: type a Region code such as us-east-1.'
      : typeof range === 'string'
        ? range
        : '';
    regionInput?.setAttribute('aria-invalid', isRegion(region) ? 'false' : 'true');
    const message = this.querySelector<HTMLElement>('[data-iq-console-error]');
    if (message && message.textContent !== problem) message.textContent = problem;
    if (problem || typeof range === 'string') {
      this.#consoleLink.removeAttribute('href');
      this.#consoleLink.setAttribute('aria-disabled', 'true');
      return;
    }
    const logGroups = splitLogGroups(this.#field<HTMLTextAreaElement>('logGroups')?.value ?? '');
    this.#consoleLink.href = consoleUrl({ region, logGroups, range, query: this.#query.value });
    this.#consoleLink.removeAttribute('aria-disabled');
    const hint = this.querySelector<HTMLElement>('[data-iq-groups-hint]');
    if (hint) hint.hidden = logGroups.length > 0;
  }

  /**
   * Copies the query and says so next to the button (a status region, so it is also announced).
   * A browser that refuses the clipboard gets the query selected and the keys to press.
   */
  async #copy() {
    const status = this.querySelector<HTMLElement>('[data-iq-copy-status]');
    const say = (text: string, kind: 'done' | 'blocked') => {
      if (!status) return;
      status.textContent = '';
      status.dataset.state = kind;
      // Emptied first, so a second copy is announced again.
      requestAnimationFrame(() => {
        status.textContent = text;
      });
    };
    try {
      await navigator.clipboard.writeText(this.#query.value);
      say('Copied: the query is on the clipboard.', 'done');
    } catch {
      this.#query.focus();
      this.#query.select();
      say(
        'Copying was blocked by the browser: the query is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
        'blocked',
      );
    }
  }

  /** The worker, created with the page so a run makes no request; replaced after a stopped run. */
  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<RunResponse>) => this.#pending?.(event.data));
    this.#worker = worker;
    return worker;
  }

  /** Sends a run to the worker; stops it (and says so) if it takes longer than the time limit. */
  #ask(request: RunRequest): Promise<RunResponse | 'stopped' | 'superseded'> {
    const worker = this.#ensureWorker();
    const limitMs = Number(this.dataset.runLimitMs) || runLimitMs;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.terminate();
        this.#worker = undefined;
        this.#sent = undefined;
        this.#pending = undefined;
        resolve('stopped');
      }, limitMs);
      this.#pending = (response) => {
        if (response.id !== request.id) return; // an older run's late answer
        clearTimeout(timer);
        this.#pending = undefined;
        resolve(response);
      };
      this.#supersede = () => {
        clearTimeout(timer);
        resolve('superseded');
      };
      worker.postMessage(request);
    });
  }

  async #run() {
    const status = this.querySelector<HTMLElement>('[data-iq-run-status]');
    const results = this.querySelector<HTMLElement>('[data-iq-results]');
    const cost = this.querySelector<HTMLElement>('[data-iq-cost]');
    if (!status || !results || !cost) return;
    const say = (text: string) => {
      status.textContent = text;
    };
    clearTimeout(this.#timer);
    this.#supersede?.();
    if (!this.#validate()) {
      results.replaceChildren();
      say(`The query has a problem; fix it first. ${this.#announced}`);
      return;
    }
    const pasting = this.querySelector<HTMLInputElement>('input[name="source"]:checked')?.value === 'paste';
    const pasted = this.querySelector<HTMLTextAreaElement>('[data-iq-logs]')?.value ?? '';
    if (pasting && pasted.trim() === '') {
      results.replaceChildren();
      say('Paste some log lines into “Paste your logs” first.');
      this.querySelector<HTMLElement>('[data-iq-logs]')?.focus();
      return;
    }
    const label = pasting ? 'your logs' : 'the sample logs';
    const query = this.#query.value;
    say('Running…');
    const started = performance.now();
    const source: LogSource = pasting ? { kind: 'paste', text: pasted } : { kind: 'sample' };
    const unchanged =
      this.#sent?.kind === source.kind &&
      (source.kind === 'sample' || (this.#sent.kind === 'paste' && this.#sent.text === source.text));
    this.#sent = source;
    const response = await this.#ask({
      kind: 'run',
      id: ++this.#runs,
      query,
      source: unchanged ? { kind: 'previous' } : source,
    });
    if (response === 'superseded') return;
    const answered = performance.now();
    if (response === 'stopped') {
      results.replaceChildren();
      say(
        `Stopped: the query ran for more than ${Math.round((Number(this.dataset.runLimitMs) || runLimitMs) / 1000)} ` +
          'seconds. A regex that can match the same text in many ways (such as (a|a)*) can take for ever on long lines.',
      );
      return;
    }
    const result = response.kind === 'result' ? response.result : undefined;
    if (response.kind === 'failed' || !result?.ok) {
      results.replaceChildren();
      const message =
        response.kind === 'failed' ? response.message : result?.ok === false ? result.errors[0]?.message : '';
      say(`The query could not run: ${message || 'unknown error'}`);
      return;
    }
    const { columns, rows, statistics } = result;
    const count = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
    const parsed = parseQuery(query);
    // Warnings the run itself raised (SOURCE on a paste without @log …); parse warnings are listed already.
    const listed = new Set(parsed.ok ? parsed.warnings.map((w) => w.message) : []);
    const notes = result.warnings.filter((w) => !listed.has(w.message)).map((w) => ` ${w.message}.`);
    const matched =
      `${statistics.recordsMatched.toLocaleString('en-US')} of ` +
      `${count(statistics.recordsScanned, 'log event')} in ${label} matched.`;
    if (rows.length === 0) {
      // No empty table: say which command removed every event, so the reader knows what to change.
      const why = explainEmpty(statistics.stages, statistics.recordsScanned);
      const explanation = element('p', {
        className: 'lfg-iq-empty',
        text: `No rows. ${why ?? 'The query ran, but no command produced a row.'}`,
      });
      results.replaceChildren(explanation);
      say(`0 rows: ${why ?? matched}${notes.join('')}`);
      this.#showCost(cost, response.logBytes, label);
      return;
    }
    const caption = `Results on ${label}: ${count(rows.length, 'row')}`;
    const nodes: HTMLElement[] = [renderTable(columns, rows, caption)];
    const bins = parsed.ok ? binColumn(parsed.query) : undefined;
    const chart = bins
      ? this.#chartBlock(rows, bins.column, bins.period, numericColumns(columns, rows, bins.column))
      : undefined;
    if (chart) nodes.push(chart.block);
    results.replaceChildren(...nodes);
    const rendered = performance.now();
    // Read by bench/insights-browser.ts: the stages of a run, in milliseconds.
    this.dataset.timings = JSON.stringify({
      ...response.timings,
      roundTripMs: answered - started,
      renderMs: rendered - answered,
    });
    // The status promises a chart only when one was drawn, and otherwise says why there is none.
    const chartNote = !chart ? '' : chart.drawn ? ' A chart follows the table.' : ` ${chart.block.textContent}`;
    say(`${count(rows.length, 'row')}: ${matched}${chartNote}${notes.join('')}`);
    this.#showCost(cost, response.logBytes, label);
  }

  /** The chart under the table; `drawn` is false when the block only says why nothing can be charted. */
  #chartBlock(
    rows: readonly Row[],
    time: string,
    period: string,
    columns: string[],
  ): { block: HTMLElement; drawn: boolean } {
    const block = document.createElement('div');
    block.className = 'lfg-iq-chart-block';
    if (columns.length === 0) {
      block.textContent = `No chart: no column besides ${time} holds numbers.`;
      return { block, drawn: false };
    }
    const draw = (column: string) => {
      const layout = chartLayout(rows, time, column, period);
      const chart = layout ? renderChart(layout, this.id || 'lfg-iq') : document.createElement('p');
      if (!layout) chart.textContent = `No chart: no bin has both a time and a value of ${column}.`;
      block.querySelector('.lfg-iq-chart, p.lfg-iq-nochart')?.remove();
      if (!layout) chart.className = 'lfg-iq-nochart';
      block.append(chart);
      return layout !== undefined;
    };
    if (columns.length > 1) {
      const label = document.createElement('label');
      label.textContent = 'Column to chart ';
      const select = document.createElement('select');
      select.name = 'chartColumn';
      for (const column of columns) select.append(new Option(column, column));
      select.addEventListener('change', () => draw(select.value));
      label.append(select);
      block.append(label);
    }
    const drawn = draw(columns[0] as string);
    return { block, drawn };
  }

  #showCost(target: HTMLElement, bytes: number, label: string) {
    target.replaceChildren();
    // The list price, from the page (src/data/pricing.ts): without it there is no cost to state.
    const perGb = Number(this.dataset.pricePerGb);
    if (!(perGb > 0)) return;
    const usd = scanCostUsd(bytes, perGb);
    const lines = [
      `In CloudWatch, a query over ${formatBytes(bytes)} of logs (the size of ${label}) would cost about ` +
        `${formatUsd(usd)}${isBelowCent(usd) ? ' (less than a cent)' : ''}: ${formatBytes(bytes)} × ` +
        `${formatUsd(perGb)} per GB scanned.`,
      'The console charges for every log event in the selected log groups and time range, whatever the query ' +
        'filters out, so the real figure depends on how much your function logs over the range you choose: ' +
        `100 GB scanned costs ${formatUsd(scanCostUsd(100e9, perGb))}.`,
    ];
    for (const line of lines) {
      const p = document.createElement('p');
      p.textContent = line;
      target.append(p);
    }
  }
}

customElements.define('lfg-insights', InsightsBuilder);
