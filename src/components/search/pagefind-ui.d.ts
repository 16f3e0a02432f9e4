// The package ships no types; this is the part pagefind-ui-on-demand.ts uses.
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export class PagefindUI {
    constructor(options: { element: string; [option: string]: unknown });
  }
}
