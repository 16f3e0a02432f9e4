import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { errorEntrySchema } from './schema/errors';
import { errorsLoader } from './schema/loader';

export const collections = {
  /**
   * Guides and other authored pages, rendered by Starlight. They stay in Starlight's own folder,
   * src/content/docs/, because starlight-links-validator only resolves pages found there.
   */
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema(),
  }),
  /** The error knowledge base: one file per error in content/errors/, see src/schema/errors.ts. */
  errors: defineCollection({
    loader: errorsLoader(),
    schema: errorEntrySchema,
  }),
};
