/**
 * The post-build pass the integrations share: every HTML page Astro wrote, rewritten in place.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Passes each built HTML page under `root` through `rewrite`, writing back the pages it changed. */
export async function rewriteBuiltPages(
  root: string,
  rewrite: (html: string) => string | Promise<string>,
): Promise<void> {
  const files = (await readdir(root, { recursive: true })).filter((name) => name.endsWith('.html'));
  for (const file of files) {
    const path = join(root, file);
    const html = await readFile(path, 'utf8');
    const rewritten = await rewrite(html);
    if (rewritten !== html) await writeFile(path, rewritten);
  }
}
