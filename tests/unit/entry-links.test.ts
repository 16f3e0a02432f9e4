import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGeneratedRouteMatcher, readEntryHeaders } from '../../src/config/routes';
import type { ErrorEntry } from '../../src/schema/errors';
import { readEntryFiles } from '../../src/schema/files';

/**
 * Links inside an entry's Markdown fields are rendered by our own component, so the Starlight link
 * validator never sees them: check here that each site-relative link reaches a page and anchor
 * that exists.
 */
const isGeneratedRoute = createGeneratedRouteMatcher(readEntryHeaders());

function listDocsPages(dir = 'src/content/docs'): Set<string> {
  const pages = new Set<string>();
  const walk = (folder: string) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, item.name);
      if (item.isDirectory()) walk(path);
      else if (/\.mdx?$/.test(item.name)) {
        const slug = relative(dir, path)
          .replace(/\.mdx?$/, '')
          .replace(/(^|\/)index$/, '');
        pages.add(slug ? `/${slug}/` : '/');
      }
    }
  };
  walk(dir);
  return pages;
}

const docsPages = listDocsPages();

function markdownOf(entry: ErrorEntry): string[] {
  return [
    entry.cause,
    ...entry.scenarios,
    ...entry.prevention,
    ...entry.fixes.map((fix) => fix.body),
    ...entry.metrics.map((metric) => metric.why),
  ];
}

const entries = readEntryFiles().map(({ file, data }) => ({ file, entry: data as ErrorEntry }));

describe('site links inside entries', () => {
  it.each(entries.map(({ file, entry }) => [file, entry] as const))(
    '%s links only to pages that exist',
    (_file, entry) => {
      const links = markdownOf(entry).flatMap((text) =>
        [...text.matchAll(/\]\((\/[^)\s]*)\)/g)].map((match) => match[1] ?? ''),
      );
      const broken = links.filter((link) => !isGeneratedRoute(link) && !docsPages.has(link.split('#')[0] ?? ''));
      expect(broken).toEqual([]);
    },
  );

  it('recognises a broken link', () => {
    expect(isGeneratedRoute('/errors/no-such-entry/')).toBe(false);
    expect(isGeneratedRoute('/errors/task-timed-out/#no-such-section')).toBe(false);
    expect(isGeneratedRoute('/errors/task-timed-out/#fix')).toBe(true);
    expect(isGeneratedRoute('/errors/lambda-timeout/#cause')).toBe(true);
  });
});
