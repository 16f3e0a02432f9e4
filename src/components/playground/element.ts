/**
 * `<lfg-playground>`: enhances the server-rendered playground. Run executes the JavaScript compiled
 * at build time in the emulator's Worker (pre-warmed, so the first result is quick); code the reader
 * changed or a link brought has its types stripped in the compile Worker (compiler.ts) and runs at
 * once, while TypeScript's own diagnostics are computed after (Monaco's worker) and listed next to
 * the code; once they are known, code with errors does not run until the reader says "Run anyway".
 * Edit loads the Monaco adapter; Share and Reset manage the `#code/` link, and a link opened on a
 * page of several playgrounds scrolls to its own. Everything from the reader's code, its output or
 * a link is set as text, never parsed as HTML.
 */

import {
  formatDiagnostic,
  type PlaygroundDiagnostic,
  summarizeDiagnostics,
} from '../../../playground/editor/diagnostics.ts';
import type { PlaygroundEditor } from '../../../playground/editor/monaco.ts';
import type { WarmBrowserHost } from '../../../playground/runtime/host-browser.ts';
import type { EmulationResult, LogFormat } from '../../../playground/runtime/index.ts';
import { DEFAULT_LOG_BUDGET } from '../../../playground/runtime/output.ts';
import type { PlaygroundData } from './examples';
import type { Side } from './share';
import { buildTimeline, formatMs, type Timeline } from './timeline';

type Settings = { timeoutSeconds: number; memoryMb: number };

const SIDES: Side[] = ['before', 'after'];
/**
 * How long a Run of changed code, with the editor closed, waits for TypeScript's diagnostics once
 * its worker has loaded (a warm check of one file takes tens of milliseconds). Before the worker
 * has loaded nothing waits: the code runs, and the check follows.
 */
const TYPE_CHECK_BUDGET_MS = 500;

/** The value, or undefined when it takes longer than `ms`. */
function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(resolve, ms))]);
}

/** Loaded once a type check has asked for it: from then on a check is quick. */
let typeChecker: Promise<typeof import('../../../playground/editor/monaco.ts')> | undefined;
let typeCheckerReady = false;

function loadTypeChecker() {
  typeChecker ??= import('../../../playground/editor/monaco.ts').then((module) => {
    typeCheckerReady = true;
    return module;
  });
  return typeChecker;
}

function warmCompiler(): void {
  void import('./compiler').then((compiler) => compiler.warmCompiler());
}
/**
 * Lines the output shows at most: a long <pre> costs layout on every batch. The emulator forwards
 * at most DEFAULT_LOG_BUDGET lines of the code's own output per run; the margin keeps the
 * platform's lines (START, END, REPORT) visible after a flood, and bounds a long SQS redrive.
 */
const MAX_OUTPUT_LINES = DEFAULT_LOG_BUDGET.lines + 500;

/** Appends lines to `output` at most once per frame, as one text node: a burst costs one layout, not one per line. */
function createBatchedPrinter(output: HTMLElement) {
  let pending: string[] = [];
  let printed = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const room = Math.max(0, MAX_OUTPUT_LINES - printed);
    const shown = pending.slice(0, room);
    let text = shown.length > 0 ? `${shown.join('\n')}\n` : '';
    if (printed < MAX_OUTPUT_LINES && printed + pending.length > MAX_OUTPUT_LINES)
      text += `… (more than ${MAX_OUTPUT_LINES} lines; the rest are not shown)\n`;
    printed += pending.length;
    pending = [];
    if (text) output.append(text);
  };
  return {
    print(line: string) {
      pending.push(line);
      if (scheduled) return;
      scheduled = true;
      // A hidden tab gets no frames; a timer still drains the lines.
      if (document.hidden) setTimeout(flush, 100);
      else requestAnimationFrame(flush);
    },
    flush,
  };
}

/** "1,234,567" */
const formatCount = (count: number) => count.toLocaleString('en-US');

function describeDropped({ lines, bytes }: EmulationResult['dropped']): string {
  if (lines === 0) return '';
  const measured = bytes > 0 ? ` (${formatCount(Math.ceil(bytes / 1024))} KB of them measured)` : '';
  return `${formatCount(lines)} more line${lines === 1 ? '' : 's'}${measured} were dropped in the emulator: a run shows at most ${formatCount(DEFAULT_LOG_BUDGET.lines)} lines or ${formatCount(DEFAULT_LOG_BUDGET.bytes / 1024 / 1024)} MB of the code's output.`;
}

/** One warm host per page: however many playgrounds it embeds, one spare Worker is enough. */
let runtime:
  | Promise<{ host: WarmBrowserHost; emulate: typeof import('../../../playground/runtime/index.ts').emulate }>
  | undefined;

function loadRuntime() {
  runtime ??= Promise.all([
    import('../../../playground/runtime/host-browser.ts'),
    import('../../../playground/runtime/index.ts'),
  ]).then(([hosts, engine]) => ({ host: hosts.createWarmBrowserHost(), emulate: engine.emulate }));
  return runtime;
}

/**
 * Fetches the runtime, then opens the sandbox, each when the page is idle: one idle task that did
 * both took 45 ms on a laptop (the sandbox frame is a document of its own), which Lighthouse's
 * mobile CPU counts as 180 ms of blocking.
 */
function warmRuntime(): void {
  void loadRuntime().then(({ host }) => whenIdle(() => host.warm()));
}

/** Calls back once, when `element` comes within a screen's height of the viewport. */
function whenNearScreen(element: Element, callback: () => void): void {
  if (!('IntersectionObserver' in window)) {
    callback();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      callback();
    },
    { rootMargin: '100% 0px' },
  );
  observer.observe(element);
}

function whenIdle(callback: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(callback, { timeout: 2000 });
  else setTimeout(callback, 200);
}

/**
 * The origin of a page that frames this one from another site, or undefined when the page is
 * top-level or framed by this site. A meta policy cannot forbid framing (the headers in
 * public/_headers and vercel.json do, where the host reads them), so the element checks too: a
 * framed playground must not let another site turn a reader's click into a Run.
 */
function foreignFramer(): string | undefined {
  if (window.top === window.self) return undefined;
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) {
    return Array.from(ancestors).find((origin) => origin !== location.origin);
  }
  try {
    // Reading a cross-origin top's location throws.
    return window.top?.location.origin === location.origin ? undefined : 'another site';
  } catch {
    return 'another site';
  }
}

function isDark(): boolean {
  return document.documentElement.dataset.theme !== 'light';
}

function must<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`<lfg-playground> markup lacks ${selector}`);
  return found;
}

function describeResult(result: EmulationResult): string {
  const counts = new Map<string, number>();
  for (const outcome of result.outcomes) counts.set(outcome.kind, (counts.get(outcome.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, count]) => `${count} ${kind}`);
  const invocations = result.outcomes.length;
  return `Finished: ${invocations} invocation${invocations === 1 ? '' : 's'} (${parts.join(', ')}).`;
}

class Playground extends HTMLElement {
  #data!: PlaygroundData;
  #side: Side = 'before';
  /** The TypeScript each side holds now: the example, or code from a link. */
  #code!: Record<Side, string>;
  #settings!: Record<Side, Settings>;
  #editor: PlaygroundEditor | undefined;
  #editorLoading: Promise<PlaygroundEditor> | undefined;
  #running = false;
  /** TypeScript's diagnostics per side and code, computed or on their way. */
  #checks = new Map<string, Promise<PlaygroundDiagnostic[]>>();
  #checked = new Map<string, PlaygroundDiagnostic[]>();
  /** Settles once a shared link's code is in place: a Run clicked before that runs the link's code, not the example's. */
  #sharedLinkRead: Promise<void> = Promise.resolve();
  /** The side whose diagnostics the list shows. */
  #diagnosticsSide: Side | undefined;
  /** Set when another site frames the page: Run stays off. */
  #framedBy: string | undefined;
  #output!: HTMLElement;
  #status!: HTMLElement;
  #timeline!: HTMLOListElement;
  #runButton!: HTMLButtonElement;
  #editButton!: HTMLButtonElement;
  #timeout!: HTMLInputElement;
  #memory!: HTMLSelectElement;
  #logFormat!: HTMLSelectElement;
  #diagnosticsSummary!: HTMLElement;
  #diagnosticsList!: HTMLOListElement;
  #runAnywayButton!: HTMLButtonElement;

  connectedCallback(): void {
    if (this.#data) return;
    this.#data = JSON.parse(must(this, '.lfg-pg-data').textContent ?? '') as PlaygroundData;
    this.#code = { before: this.#data.sides.before.typescript, after: this.#data.sides.after.typescript };
    this.#settings = {
      before: this.#defaultSettings('before'),
      after: this.#defaultSettings('after'),
    };
    this.#output = must(this, '.lfg-pg-output');
    this.#status = must(this, '.lfg-pg-status');
    this.#timeline = must(this, '.lfg-pg-timeline ol');
    this.#runButton = must(this, '[data-action="run"]');
    this.#editButton = must(this, '[data-action="edit"]');
    this.#timeout = must(this, 'input[name="timeout"]');
    this.#memory = must(this, 'select[name="memory"]');
    this.#logFormat = must(this, 'select[name="log-format"]');
    this.#diagnosticsSummary = must(this, '.lfg-pg-diagnostics-summary');
    this.#diagnosticsList = must(this, '.lfg-pg-diagnostics ol');
    this.#runAnywayButton = must(this, '[data-action="run-anyway"]');

    this.#setUpTabs();
    this.#framedBy = foreignFramer();
    if (this.#framedBy !== undefined) {
      this.#refuseFramedRuns();
      return;
    }
    this.addEventListener('click', (event) => {
      const target = (event.target as Element).closest<HTMLElement>('[data-action]');
      const action = target?.dataset.action;
      if (action === 'run') void this.run();
      else if (action === 'run-anyway') void this.run({ anyway: true });
      else if (action === 'diagnostic' && target) void this.#goToDiagnostic(target);
      else if (action === 'edit') void this.openEditor();
      else if (action === 'share') void this.share();
      else if (action === 'reset') this.reset();
    });
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.run();
      }
    });
    this.#timeout.addEventListener('change', () => this.#readSettings());
    this.#memory.addEventListener('change', () => this.#readSettings());
    // Pre-warm the emulator's Worker before the reader clicks Run, when the page is idle.
    this.#runButton.addEventListener('pointerenter', warmRuntime);
    this.#runButton.addEventListener('focus', warmRuntime);
    // The compile Worker too, for code that is not the example's (cheap: a small script).
    this.#runButton.addEventListener('pointerenter', warmCompiler, { once: true });
    this.#runButton.addEventListener('focus', warmCompiler, { once: true });
    // And when the playground comes near the screen: a page that embeds one far down (an entry
    // page) starts no Worker for a reader who never scrolls there.
    whenNearScreen(this, () => whenIdle(warmRuntime));
    new MutationObserver(() => this.#editor?.setDark(isDark())).observe(document.documentElement, {
      attributeFilter: ['data-theme'],
    });
    this.#sharedLinkRead = this.#loadSharedLink().catch(() => undefined);
  }

  /** Framed by another site: no Run, no Worker, and a link to open the playground in its own tab. */
  #refuseFramedRuns(): void {
    this.dataset.state = 'framed';
    this.#runButton.setAttribute('aria-disabled', 'true');
    this.#runButton.disabled = true;
    this.#status.replaceChildren(
      `This playground is inside a page of ${this.#framedBy}, so it will not run here. `,
      Object.assign(document.createElement('a'), {
        href: location.href,
        target: '_blank',
        rel: 'noopener noreferrer',
        textContent: 'Open it in its own tab',
      }),
      ' to run the code.',
    );
  }

  #defaultSettings(side: Side): Settings {
    const { timeoutSeconds = 3, memoryMb = 128 } = this.#data.sides[side].options;
    return { timeoutSeconds, memoryMb };
  }

  #setUpTabs(): void {
    const tablist = must<HTMLElement>(this, '[role="tablist"]');
    tablist.hidden = false;
    for (const tab of tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
      const panel = this.#panel(tab.dataset.side as Side);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      tab.addEventListener('click', () => this.selectSide(tab.dataset.side as Side));
    }
    tablist.addEventListener('keydown', (event) => {
      const index = SIDES.indexOf(this.#side);
      const next =
        event.key === 'ArrowRight' || event.key === 'ArrowLeft'
          ? SIDES[(index + 1) % SIDES.length]
          : event.key === 'Home'
            ? SIDES[0]
            : event.key === 'End'
              ? SIDES[SIDES.length - 1]
              : undefined;
      if (!next) return;
      event.preventDefault();
      this.selectSide(next);
      must<HTMLElement>(this, `[role="tab"][data-side="${next}"]`).focus();
    });
    this.selectSide('before');
  }

  #panel(side: Side): HTMLElement {
    return must(this, `.lfg-pg-panel[data-side="${side}"]`);
  }

  selectSide(side: Side): void {
    this.#side = side;
    for (const tab of this.querySelectorAll<HTMLElement>('[role="tab"]')) {
      const selected = tab.dataset.side === side;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    for (const name of SIDES) this.#panel(name).hidden = name !== side;
    if (this.#diagnosticsSide !== undefined && this.#diagnosticsSide !== side) this.#clearDiagnostics();
    const settings = this.#settings[side];
    this.#timeout.value = String(settings.timeoutSeconds);
    this.#memory.value = String(settings.memoryMb);
    if (this.#editor) {
      this.#panel(side).append(must(this, '.lfg-pg-editor'));
      this.#editor.show(side);
    }
  }

  #readSettings(): void {
    const timeout = Math.round(Number(this.#timeout.value));
    const timeoutSeconds = Number.isFinite(timeout) ? Math.min(900, Math.max(1, timeout)) : 3;
    this.#timeout.value = String(timeoutSeconds);
    this.#settings[this.#side] = { timeoutSeconds, memoryMb: Number(this.#memory.value) };
  }

  /** Shows code that is not the example's (from a link) as plain text, in place of the highlighted block. */
  #showCode(side: Side, note: string): void {
    const panel = this.#panel(side);
    const edited = this.#code[side] !== this.#data.sides[side].typescript;
    must<HTMLElement>(panel, '.lfg-pg-static').hidden = edited || this.#editor !== undefined;
    const plain = must<HTMLElement>(panel, '.lfg-pg-plain');
    plain.hidden = !edited || this.#editor !== undefined;
    must<HTMLElement>(plain, 'code').textContent = edited ? this.#code[side] : '';
    const noteElement = must<HTMLElement>(panel, '.lfg-pg-note');
    noteElement.textContent = note;
    noteElement.hidden = note === '';
  }

  async #loadSharedLink(): Promise<void> {
    if (!location.hash.startsWith('#code/')) return;
    const { describeSharedCodeProblem, isSharedFor, readSharedLink, readSharedSide } = await import('./share');
    if (!isSharedFor(location.search, this.#data.id, document.querySelectorAll('lfg-playground').length)) return;
    this.#revealFromLink();
    const read = readSharedLink(location.hash);
    if (!read.ok) {
      const message = describeSharedCodeProblem(read.problem, location.hash.length - '#code/'.length);
      this.#setStatus(message);
      this.#showCode(this.#side, message);
      return;
    }
    const { code } = read;
    const side = readSharedSide(location.search);
    this.#code[side] = code;
    this.#showCode(
      side,
      'This code came from a shared link. It has not run: press Run to run it, or Reset for the example.',
    );
    this.selectSide(side);
    whenIdle(warmCompiler);
  }

  /**
   * Brings the playground a link was made for into view: on an entry page it can be the fifth of
   * five, thousands of pixels down, or folded in a <details>. Opens every enclosing <details>,
   * scrolls its section to the top, marks it and moves focus to the line that says where the code
   * came from. Scrolls once more after the page's load event, unless the reader has scrolled.
   */
  #revealFromLink(): void {
    for (let details = this.closest('details'); details; details = details.parentElement?.closest('details') ?? null) {
      details.open = true;
    }
    this.dataset.shared = 'true';
    const banner = must<HTMLElement>(this, '.lfg-pg-from-link');
    banner.hidden = false;
    const target = this.closest<HTMLElement>('.lfg-entry-playground') ?? this;
    target.scrollIntoView({ block: 'start' });
    banner.focus({ preventScroll: true });
    if (document.readyState === 'complete') return;
    let readerMoved = false;
    const moved = () => {
      readerMoved = true;
    };
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) {
      window.addEventListener(type, moved, { once: true, passive: true });
    }
    window.addEventListener(
      'load',
      () => {
        if (!readerMoved) target.scrollIntoView({ block: 'start' });
      },
      { once: true },
    );
  }

  #setStatus(text: string): void {
    this.#status.textContent = text;
  }

  async openEditor(): Promise<PlaygroundEditor> {
    this.#editorLoading ??= (async () => {
      this.#editButton.disabled = true;
      this.#setStatus('Loading the editor…');
      const { createPlaygroundEditor } = await import('../../../playground/editor/monaco.ts');
      warmCompiler();
      const wrapper = must<HTMLElement>(this, '.lfg-pg-editor');
      this.#panel(this.#side).append(wrapper);
      wrapper.hidden = false;
      const editor = await createPlaygroundEditor(must(wrapper, '.lfg-pg-editor-host'), {
        code: { ...this.#code },
        side: this.#side,
        dark: isDark(),
        label: `${this.#data.id}: handler code editor`,
        onRun: () => void this.run(),
      });
      this.#editor = editor;
      for (const side of SIDES) this.#showCode(side, '');
      this.#editButton.hidden = true;
      this.#setStatus('The editor is ready. Ctrl+Enter (⌘+Enter) runs the code.');
      this.dataset.editor = 'ready';
      editor.focus();
      return editor;
    })();
    try {
      return await this.#editorLoading;
    } catch (error) {
      this.#editorLoading = undefined;
      this.#editButton.disabled = false;
      this.#setStatus(`The editor failed to load: ${(error as Error).message}`);
      throw error;
    }
  }

  /** The TypeScript the side holds now: the editor's, or the example's or a link's. */
  #source(side: Side): string {
    return this.#editor ? this.#editor.getValue(side) : this.#code[side];
  }

  /** TypeScript's diagnostics for this code, computed once (Monaco's TypeScript worker). */
  #typeCheck(side: Side, source: string): Promise<PlaygroundDiagnostic[]> {
    const key = `${side}\n${source}`;
    let check = this.#checks.get(key);
    if (!check) {
      const code = this.#editor
        ? { before: this.#editor.getValue('before'), after: this.#editor.getValue('after') }
        : { ...this.#code };
      code[side] = source;
      check = loadTypeChecker().then(({ checkTypes }) => checkTypes(code, side));
      check.then(
        (diagnostics) => this.#checked.set(key, diagnostics),
        () => this.#checks.delete(key),
      );
      this.#checks.set(key, check);
    }
    return check;
  }

  /** Checks the code after (or while) it runs, and lists what TypeScript found when it is ready. */
  async #checkInBackground(side: Side, source: string, ran: boolean): Promise<void> {
    this.dataset.diagnostics = 'pending';
    try {
      const diagnostics = await this.#typeCheck(side, source);
      // The reader moved on (another side, other code): the list would describe code not on screen.
      if (this.#side !== side || this.#source(side) !== source) return;
      const errors = diagnostics.some((diagnostic) => diagnostic.category === 'error');
      // Held back for a syntax error TypeScript does not see: the transpiler's word stands.
      if (!ran && !errors) {
        this.dataset.diagnostics = 'syntax';
        return;
      }
      this.#showDiagnostics(side, diagnostics, ran);
    } catch (error) {
      this.#diagnosticsSummary.textContent = `The type check could not run: ${(error as Error).message}`;
      this.dataset.diagnostics = 'failed';
    }
  }

  #showDiagnostics(side: Side, diagnostics: readonly PlaygroundDiagnostic[], ran: boolean): void {
    this.#diagnosticsSide = side;
    const file = `${side}.ts`;
    this.#diagnosticsSummary.textContent = summarizeDiagnostics(diagnostics, { file, ran });
    this.#diagnosticsList.replaceChildren(
      ...diagnostics.map((diagnostic) => {
        const item = document.createElement('li');
        item.dataset.category = diagnostic.category;
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.action = 'diagnostic';
        button.dataset.side = side;
        button.dataset.line = String(diagnostic.line);
        button.dataset.column = String(diagnostic.column);
        button.textContent = formatDiagnostic(diagnostic);
        button.title = `Move the editor's cursor to line ${diagnostic.line}, column ${diagnostic.column}`;
        item.append(button);
        return item;
      }),
    );
    this.#diagnosticsList.hidden = diagnostics.length === 0;
    const errors = diagnostics.some((diagnostic) => diagnostic.category === 'error');
    this.#runAnywayButton.hidden = ran || !errors;
    this.dataset.diagnostics = diagnostics.every((diagnostic) => diagnostic.source === 'typescript')
      ? 'checked'
      : 'syntax';
  }

  #clearDiagnostics(): void {
    this.#diagnosticsSide = undefined;
    this.#diagnosticsSummary.textContent = '';
    this.#diagnosticsList.replaceChildren();
    this.#diagnosticsList.hidden = true;
    this.#runAnywayButton.hidden = true;
    delete this.dataset.diagnostics;
  }

  /** A diagnostic's button: the editor's cursor goes to its line and column (the editor loads first if needed). */
  async #goToDiagnostic(button: HTMLElement): Promise<void> {
    const side = button.dataset.side as Side;
    const line = Number(button.dataset.line);
    const column = Number(button.dataset.column);
    const editor = this.#editor ?? (await this.openEditor());
    if (this.#side !== side) this.selectSide(side);
    editor.goTo(side, line, column);
  }

  /**
   * Runs the selected side. The example's code runs the JavaScript compiled at build time. Other
   * code has its types stripped at once; it does not run when it does not parse, or when TypeScript
   * reports errors for it (known from an earlier run, checked first when the editor is open, or
   * ready within TYPE_CHECK_BUDGET_MS once the checker has loaded), unless `anyway`: then the
   * diagnostics are listed with a "Run anyway" button. Otherwise it runs, and the type check
   * follows: a link's code opened without the editor runs on the first click, without waiting for
   * TypeScript to load.
   */
  async run({ anyway = false }: { anyway?: boolean } = {}): Promise<void> {
    if (this.#running || this.#framedBy !== undefined) return;
    this.#running = true;
    this.#runButton.setAttribute('aria-disabled', 'true');
    this.dataset.state = 'running';
    await this.#sharedLinkRead;
    const side = this.#side;
    this.#readSettings();
    const settings = this.#settings[side];
    const source = this.#source(side);
    const isExample = source === this.#data.sides[side].typescript;
    let checkAfterRun = false;
    let blocked = false;
    this.#output.replaceChildren();
    this.#timeline.replaceChildren();
    this.#setStatus(`Running ${side}.ts…`);
    const printer = createBatchedPrinter(this.#output);
    const runtimeReady = loadRuntime();
    runtimeReady.catch(() => undefined);
    try {
      let code = this.#data.sides[side].javascript;
      if (isExample) {
        this.#clearDiagnostics();
      } else {
        const { compileTypeScript } = await import('./compiler');
        const stripped = await compileTypeScript(source, `${side}.ts`);
        const key = `${side}\n${source}`;
        const check = () => this.#typeCheck(side, source).catch(() => undefined);
        // With the editor open its TypeScript worker is warm: the check is quick, and what the reader
        // typed is checked before it runs. Without it, a loaded checker gets a short budget.
        const known =
          this.#checked.get(key) ??
          (this.#editor ? await check() : typeCheckerReady ? await within(TYPE_CHECK_BUDGET_MS, check()) : undefined);
        const typeErrors = (known ?? []).filter((diagnostic) => diagnostic.category === 'error');
        // TypeScript's own words when it has spoken and found errors; else the transpiler's syntax error.
        const problems = typeErrors.length > 0 ? (known ?? []) : stripped.ok ? [] : [stripped.diagnostic];
        if (problems.length > 0 && !anyway) {
          blocked = true;
          this.#showDiagnostics(side, problems, false);
          this.#setStatus(`${side}.ts has not run: see the problems above the Run button.`);
          if (!known) void this.#checkInBackground(side, source, false);
          return;
        }
        if (known) this.#showDiagnostics(side, known, true);
        else {
          this.#clearDiagnostics();
          checkAfterRun = true;
        }
        // Code that does not parse runs as it is, so the runtime reports it as Lambda would.
        code = stripped.ok ? stripped.javascript : source;
        const note = must<HTMLElement>(this.#panel(side), '.lfg-pg-note');
        if (note.textContent?.includes('It has not run')) note.textContent = 'This code came from a shared link.';
      }
      const { host, emulate } = await runtimeReady;
      const result = await emulate(
        {
          ...this.#data.sides[side].options,
          ...settings,
          logFormat: this.#logFormat.value as LogFormat,
          code,
          onLog: printer.print,
        },
        host,
      );
      printer.flush();
      const dropped = describeDropped(result.dropped);
      if (dropped) this.#output.append(`… ${dropped}\n`);
      this.#renderTimeline(buildTimeline(result, settings.timeoutSeconds));
      this.#setStatus([describeResult(result), dropped].filter(Boolean).join(' '));
    } catch (error) {
      printer.flush();
      this.#output.append(`The playground failed: ${(error as Error).message}\n`);
      this.#setStatus('The run failed.');
    } finally {
      this.#running = false;
      this.#runButton.removeAttribute('aria-disabled');
      this.dataset.state = blocked ? 'blocked' : 'done';
    }
    if (checkAfterRun) void this.#checkInBackground(side, source, true);
  }

  #renderTimeline({ rows, totalMs }: Timeline): void {
    const percent = (ms: number) => `${((ms / totalMs) * 100).toFixed(3)}%`;
    /** A bar from `from` lasting `length`, or (without a length) a mark whose width is styled. */
    const segment = (className: string, from: number, length?: number) => {
      const bar = document.createElement('span');
      bar.className = className;
      if (length === undefined) {
        bar.style.left = percent(from);
      } else {
        // Short bars get a visible minimum width, kept inside the track.
        const width = Math.max(length, totalMs / 200);
        bar.style.left = percent(Math.max(0, Math.min(from, totalMs - width)));
        bar.style.width = percent(width);
      }
      return bar;
    };
    for (const row of rows) {
      const item = document.createElement('li');
      item.dataset.kind = row.kind;
      const text = document.createElement('span');
      text.textContent = row.text;
      const track = document.createElement('span');
      track.className = 'lfg-pg-track';
      track.setAttribute('aria-hidden', 'true');
      if (row.waitMs > 0) track.append(segment('lfg-pg-wait', row.startMs - row.waitMs, row.waitMs));
      if (row.initMs > 0) track.append(segment('lfg-pg-init', row.startMs, row.initMs));
      track.append(segment('lfg-pg-run-bar', row.startMs + row.initMs, row.durationMs));
      if (row.deadlineMs <= totalMs) {
        const deadline = segment('lfg-pg-deadline', row.deadlineMs);
        deadline.title = `timeout at ${formatMs(row.deadlineMs)}`;
        track.append(deadline);
      }
      for (const mark of row.logMarks) {
        const tick = segment('lfg-pg-log', mark.atMs);
        tick.dataset.count = String(mark.count);
        track.append(tick);
      }
      item.append(text, track);
      this.#timeline.append(item);
    }
  }

  async share(): Promise<void> {
    const side = this.#side;
    const code = this.#editor ? this.#editor.getValue(side) : this.#code[side];
    const { buildShareUrl } = await import('./share');
    const url = buildShareUrl(location.href, this.#data.id, side, code);
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      this.#setStatus('Link copied: it holds the code in the URL and runs only when its reader presses Run.');
    } catch {
      this.#setStatus('The link is in the address bar (copying to the clipboard was not allowed).');
    }
  }

  reset(): void {
    for (const side of SIDES) {
      this.#code[side] = this.#data.sides[side].typescript;
      this.#settings[side] = this.#defaultSettings(side);
      this.#editor?.setValue(side, this.#code[side]);
      this.#showCode(side, '');
    }
    const url = new URL(location.href);
    url.searchParams.delete('side');
    url.searchParams.delete('example');
    url.hash = '';
    history.replaceState(null, '', url);
    this.#output.replaceChildren();
    this.#timeline.replaceChildren();
    this.#clearDiagnostics();
    delete this.dataset.shared;
    must<HTMLElement>(this, '.lfg-pg-from-link').hidden = true;
    this.selectSide(this.#side);
    this.#setStatus('Restored the example code and settings.');
  }
}

export function definePlayground(): void {
  if (!customElements.get('lfg-playground')) customElements.define('lfg-playground', Playground);
}
