import type { StarlightExpressiveCodeOptions } from '@astrojs/starlight/expressive-code';
import type { LanguageRegistration } from 'shiki';
import { cwlInsightsGrammar } from '../insights/grammar.ts';
import { copyFeedback } from './expressive-code-copy.ts';
import { offscreenCodeBlocks } from './expressive-code-render.ts';

/**
 * Expressive Code settings, shared by Markdown code fences and the `<Code>` component (which reads
 * them from ec.config.mjs). Logs Insights queries get their own grammar, the same one the query
 * builder uses, so a query looks the same everywhere on the site.
 */
export const expressiveCode: StarlightExpressiveCodeOptions = {
  // Wrap long lines (keeping their indentation) rather than scroll: a scrolling block needs to be
  // focusable to be read from the keyboard (axe: scrollable-region-focusable), and wrapped code
  // reads better on a phone.
  defaultProps: { wrap: true },
  // The copy button's missing message when the browser refuses the clipboard; no layout for
  // blocks far from the screen.
  plugins: [copyFeedback(), offscreenCodeBlocks()],
  shiki: {
    // Our grammar type lists only the fields we set; Shiki's registration type is wider.
    langs: [cwlInsightsGrammar as LanguageRegistration],
  },
};
