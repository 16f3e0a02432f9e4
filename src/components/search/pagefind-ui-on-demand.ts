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
 *
 * Another part of the page hands the search a text by setting `data-lfg-search-for` on the
 * `<site-search>` element (see SEARCH_FOR_ATTRIBUTE): the UI is built if it is not yet, and the text
 * goes in through Pagefind's own triggerSearch once it is, however long the build takes. Writing
 * into the input from outside raced the build on a busy machine and could leave the input empty.
 */
type Options = { element: string; [option: string]: unknown };

/** The attribute on `<site-search>` that asks the search to look for its value. */
export const SEARCH_FOR_ATTRIBUTE = 'data-lfg-search-for';

export class PagefindUI {
  constructor(options: Options) {
    const container = document.querySelector(options.element);
    const dialog = container?.closest('dialog');
    const host = container?.closest('site-search');
    const button = document.querySelector('button[data-open-modal]');
    let real: { triggerSearch(term: string): void } | undefined;
    const focusInput = () => {
      if (dialog?.open) container?.querySelector('input')?.focus();
    };
    const searchHandedOver = () => {
      const term = host?.getAttribute(SEARCH_FOR_ATTRIBUTE);
      if (!real || !host || term === null || term === undefined) return;
      host.removeAttribute(SEARCH_FOR_ATTRIBUTE);
      real.triggerSearch(term);
      focusInput();
    };
    let started = false;
    const build = () => {
      if (started) return;
      started = true;
      void import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(({ PagefindUI: Real }) => {
        real = new Real(options);
        focusInput();
        searchHandedOver();
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
    // Opened before this was set up: Starlight sets up its search when the page goes idle, and a page
    // now paints (and enables the search button) before it has all arrived, so a reader can be first.
    if (dialog?.open) build();
    if (host) {
      const handOver = () => {
        if (!host.hasAttribute(SEARCH_FOR_ATTRIBUTE)) return;
        build();
        searchHandedOver();
      };
      new MutationObserver(handOver).observe(host, { attributeFilter: [SEARCH_FOR_ATTRIBUTE] });
      handOver(); // handed over before this page's search was set up
    }
  }
}
