import type { StarlightExpressiveCodeOptions } from '@astrojs/starlight/expressive-code';
import { cwlInsightsGrammar } from '../insights/grammar.ts';

/**
 * Expressive Code settings, shared by Markdown code fences and the `<Code>` component (which reads
 * them from ec.config.mjs). Logs Insights queries get their own grammar, the same one the query
 * builder uses, so a query looks the same everywhere on the site.
 */
export const expressiveCode: StarlightExpressiveCodeOptions = {
  shiki: {
    // The grammar object satisfies Shiki's LanguageRegistration at run time; its TypeScript type is
    // narrower than Shiki's, hence the cast through unknown.
    langs: [
      cwlInsightsGrammar as unknown as NonNullable<
        NonNullable<StarlightExpressiveCodeOptions['shiki']>['langs']
      >[number],
    ],
  },
};
