/**
 * Finds registered facts (src/data/facts.ts) stated by hand in the content: the error entries and the
 * Starlight pages. Only prose is read: in an entry's frontmatter, the Markdown fields a reader sees
 * (summary, cause, scenarios, fix titles and bodies, prevention, metric notes); in MDX bodies,
 * everything but code, imports, JSX expressions and tags. Quoted messages, patterns, fix code and
 * queries are left out: a verbatim error message keeps its numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { factTokenPattern, findHandStatedFacts } from '../../../src/data/facts';

export interface HandStatedHit {
  file: string;
  line: number;
  id: string;
  match: string;
}

/** Frontmatter keys whose values are prose shown to readers. */
const proseKeys = new Set(['summary', 'cause', 'scenarios', 'title', 'body', 'prevention', 'why']);
/** Top-level keys whose items are never prose (verbatim quotes, code, citations). */
const skippedKeys = new Set(['messages', 'patterns', 'insights', 'references', 'names', 'related', 'aliases']);

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/**
 * Blanks what is not prose inside a Markdown span: code spans, link targets, URLs, fact tokens, tags,
 * and quotations (a quoted message or claim keeps its numbers). Inside a YAML double-quoted scalar the
 * quotation marks of a quotation are escaped (`\"`).
 */
function maskMarkdown(text: string, quote = /"[^"\n]*"|“[^”\n]*”/g): string {
  return (
    text
      .replace(quote, blank)
      .replace(/`[^`\n]*`/g, blank)
      .replace(new RegExp(factTokenPattern.source, 'g'), blank)
      // The title of a cited page is a quotation too: `[title](https://…)`.
      .replace(/\[[^\]\n]*\]\(https?:[^)\s]*\)/g, blank)
      .replace(/\]\([^)\s]*\)/g, blank)
      .replace(/https?:\/\/\S+/g, blank)
      .replace(/<[^>\n]*>/g, blank)
  );
}

/** Keeps only the prose of an MDX body (same length, so offsets still map to lines). */
function maskBody(body: string): string {
  const lines = body.split('\n');
  let fence: string | undefined;
  let jsxDepth = 0;
  return lines
    .map((line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (marker?.startsWith(fence)) fence = undefined;
        return blank(line);
      }
      if (marker) {
        fence = marker;
        return blank(line);
      }
      if (/^\s*(import|export)\s/.test(line) || jsxDepth > 0) {
        jsxDepth = Math.max(0, jsxDepth + (line.match(/[{(]/g)?.length ?? 0) - (line.match(/[})]/g)?.length ?? 0));
        return blank(line);
      }
      let masked = '';
      let depth = 0;
      for (const char of line) {
        if (char === '{') depth += 1;
        masked += depth > 0 ? ' ' : char;
        if (char === '}' && depth > 0) depth -= 1;
      }
      jsxDepth = depth;
      return maskMarkdown(masked);
    })
    .join('\n');
}

/** Keeps only the prose fields of an entry's frontmatter. */
function maskFrontmatter(yamlText: string): string {
  const document = parseDocument(yamlText, { keepSourceTokens: false });
  const keep: [number, number][] = [];
  const visit = (node: unknown, key: string | undefined, depth: number) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (depth === 0 && name && skippedKeys.has(name)) continue;
        visit(pair.value, name, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, key, depth + 1);
    } else if (isScalar(node) && key && proseKeys.has(key) && typeof node.value === 'string') {
      const range = (node as Node).range;
      if (range) keep.push([range[0], range[1]]);
    }
  };
  visit(document.contents, undefined, 0);
  let masked = blank(yamlText);
  for (const [from, to] of keep) {
    const source = yamlText.slice(from, to);
    const inner = source.startsWith('"')
      ? `"${maskMarkdown(source.slice(1, -1), /\\"[^"\n]*?\\"|“[^”\n]*”/g)}"`
      : maskMarkdown(source);
    masked = masked.slice(0, from) + inner + masked.slice(to);
  }
  return masked;
}

/** The prose of one content file, with everything else blanked. */
export function maskContent(source: string, kind: 'entry' | 'page'): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return maskBody(source);
  const yamlText = match[1] ?? '';
  const frontmatter = kind === 'entry' ? maskFrontmatter(yamlText) : blank(yamlText);
  const head = `${blank(match[0].slice(0, 4))}${frontmatter}${blank(match[0].slice(4 + yamlText.length))}`;
  return head + maskBody(source.slice(match[0].length));
}

export function scanSource(file: string, source: string, kind: 'entry' | 'page'): HandStatedHit[] {
  const masked = maskContent(source, kind);
  return findHandStatedFacts(masked, source).map(({ id, match, index }) => ({
    file,
    line: masked.slice(0, index).split('\n').length,
    id,
    match,
  }));
}

function listMdx(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((item) => item.isFile() && /\.mdx?$/.test(item.name))
    .map((item) => join(item.parentPath, item.name))
    .sort();
}

/** Every hand-stated registered value in content/errors and src/content/docs. */
export function scanContent(root = process.cwd()): HandStatedHit[] {
  const files = [
    ...listMdx(join(root, 'content/errors')).map((path) => ({ path, kind: 'entry' as const })),
    ...listMdx(join(root, 'src/content/docs')).map((path) => ({ path, kind: 'page' as const })),
  ];
  return files.flatMap(({ path, kind }) => scanSource(relative(root, path), readFileSync(path, 'utf8'), kind));
}
