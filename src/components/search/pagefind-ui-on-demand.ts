/**
 * Pagefind's search UI, built when a reader is about to search instead of on every page load.
 *
 * Starlight's search dialog imports `@pagefind/default-ui` and builds its UI as soon as a loaded
 * page goes idle. On a phone that is a 60–120 ms task (Lighthouse's simulated mobile CPU: 230–500
 * ms, the largest part of the entry page's Total Blocking Time) on every page, for the few readers
 * who open the search. searchOnDemandIntegration (src/integrations/search-on-demand.ts) points that
 * import here: this class takes the same options, and builds the real UI the first time the reader
 * shows an intent to search (the pointer on the search button, focus or a touch on it, Ctrl or ⌘
 * held for Ctrl+K) or opens the dialog. The UI then takes a fraction of a second to appear, so once
 * it is built, an open dialog's input gets the focus the dialog gave to nothing.
 */
type Options = { element: string; [option: string]: unknown };

export class PagefindUI {
  constructor(options: Options) {
    const container = document.querySelector(options.element);
    const dialog = container?.closest('dialog');
    const button = document.querySelector('button[data-open-modal]');
    let started = false;
    const build = () => {
      if (started) return;
      started = true;
      void import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(({ PagefindUI: Real }) => {
        new Real(options);
        if (dialog?.open) container?.querySelector('input')?.focus();
      });
    };
    for (const event of ['pointerenter', 'touchstart', 'focus', 'click']) {
      button?.addEventListener(event, build, { once: true, passive: true });
    }
    window.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.metaKey) build();
    });
    // Opened another way (a script, a future shortcut): build then.
    if (dialog) new MutationObserver(() => dialog.open && build()).observe(dialog, { attributeFilter: ['open'] });
  }
}
