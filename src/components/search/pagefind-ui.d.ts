// The package ships no types; this is the part pagefind-ui-on-demand.ts uses.
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export class PagefindUI {
    constructor(options: { element: string; [option: string]: unknown });
    /** Puts `term` in the search input and searches for it, as if the reader had typed it. */
    triggerSearch(term: string): void;
  }
}
