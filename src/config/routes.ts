import { EXAMPLES } from '../../playground/examples/catalogue.ts';
import { factTokensToText } from '../data/facts.ts';
import { categories } from '../schema/errors.ts';
import { readEntryFiles } from '../schema/files.ts';
import { idFromFile } from '../schema/validate.ts';
import { entrySections, optionalSections } from './entry-sections.ts';

export interface EntryHeader {
  id: string;
  title: string;
  category: string;
  aliases: string[];
  fixCount: number;
  hasAlarms: boolean;
}

/**
 * Reads each entry's header straight from content/errors/ for code that runs while the Astro
 * config loads (the sidebar, link validation), where the content API is not available yet.
 * The schema still validates every entry during the build.
 */
export function readEntryHeaders(): EntryHeader[] {
  return readEntryFiles().map(({ file, data }) => {
    const header = (data ?? {}) as Partial<{
      id: string;
      title: string;
      category: string;
      aliases: string[];
      fixes: unknown[];
      alarms: unknown[];
    }>;
    return {
      id: header.id ?? idFromFile(file),
      title: header.title ? factTokensToText(header.title) : file,
      category: header.category ?? '',
      aliases: header.aliases ?? [],
      fixCount: header.fixes?.length ?? 0,
      hasAlarms: (header.alarms?.length ?? 0) > 0,
    };
  });
}

/**
 * Pages under src/pages/ that content may link to, with the anchors they promise. Add a page here
 * when it is created; the link validator then accepts links to it and to those anchors only.
 */
export const customPages: Record<string, readonly string[]> = {
  '/alarms/': [],
  '/api/runtimes.json': [],
  '/insights/': [],
  '/playground/': [],
  ...Object.fromEntries(Object.keys(EXAMPLES).map((id) => [`/playground/${id}/`, []])),
  '/lookup/': [],
  '/tools/right-size/': ['assumptions', 'prices', 'privacy'],
};

/**
 * Tells whether a link points at a page this site generates outside Starlight's docs collection
 * (entry pages, aliases, category pages, the index), including the section anchors those pages
 * promise. starlight-links-validator cannot see such pages, so links to them that this function
 * accepts are excluded from its checks, and any other link is still validated and fails if broken.
 */
export function createGeneratedRouteMatcher(entries: readonly EntryHeader[], base = '/') {
  const prefix = base.replace(/\/$/, '');
  const entryAnchors = new Map<string, Set<string>>();
  for (const entry of entries) {
    const anchors = new Set<string>(entrySections.map((section) => section.anchor));
    for (let index = 1; index <= entry.fixCount; index += 1) anchors.add(`fix-${index}`);
    if (entry.hasAlarms) anchors.add(optionalSections.alarms.anchor);
    if (Object.values(EXAMPLES).some((example) => example.relatedErrors.includes(entry.id))) {
      anchors.add(optionalSections.playground.anchor);
    }
    entryAnchors.set(entry.id, anchors);
    for (const alias of entry.aliases) entryAnchors.set(alias, anchors);
  }
  const pages = new Map<string, ReadonlySet<string>>([
    ['/errors/', new Set(categories.map((category) => `category-${category}`))],
    ...categories.map((category) => [`/categories/${category}/`, new Set<string>()] as const),
    ...Object.entries(customPages).map(([path, anchors]) => [path, new Set(anchors)] as const),
  ]);

  return (link: string): boolean => {
    // Links in Markdown carry the base path once the base-links plugin has run; frontmatter links
    // reach the validator as written (the route middleware adds the base when rendering).
    const sitePath = prefix && link.startsWith(`${prefix}/`) ? link.slice(prefix.length) : link;
    const [pathAndQuery = '', hash] = sitePath.split('#');
    const path = pathAndQuery.split('?')[0] ?? '';
    const pageAnchors = pages.get(path);
    if (pageAnchors) return hash === undefined || pageAnchors.has(hash);
    const entry = /^\/errors\/([a-z0-9-]+)\/$/.exec(path)?.[1];
    if (!entry) return false;
    const anchors = entryAnchors.get(entry);
    return anchors !== undefined && (hash === undefined || anchors.has(hash));
  };
}
