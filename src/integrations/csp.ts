/**
 * The Content-Security-Policy of pages that run reader code. A static site has no response
 * headers of its own, so the policy travels in a <meta http-equiv> in the head (pass
 * `playgroundHead` to StarlightPage's `frontmatter.head`).
 *
 * What it allows, and why:
 * - script-src 'self': the site's bundles. Starlight and Astro inline a few small scripts (the
 *   theme provider, the sidebar, small component scripts). `addInlineScriptHashes` (run on the built
 *   HTML by `playgroundIntegration`, integration.ts) adds a sha256 hash for each, and a browser that
 *   understands hashes then ignores 'unsafe-inline', which stays only as the fallback for CSP level 1
 *   browsers and for builds where the integration is not registered.
 * - Reader code runs in Workers inside a sandboxed frame (public/playground-sandbox.html, an
 *   opaque origin with its own, stricter policy: connect-src 'none', script-src 'self' blob:
 *   'wasm-unsafe-eval'); see playground/runtime/host-browser.ts. This page's blob: and
 *   'wasm-unsafe-eval' remain for Pagefind and older builds; a blob: URL can only be made by script
 *   already running here, so allowing it adds no way in.
 * - frame-src falls under default-src 'self': the sandbox page is on this origin.
 * - style-src 'unsafe-inline': Expressive Code and Starlight set style attributes, and Monaco creates
 *   <style> elements at run time; styles cannot run code.
 * - worker-src 'self': Monaco's editor and TypeScript Workers and Pagefind's are files on this origin.
 * - Nothing remote: default-src 'self', object-src 'none', base-uri 'self', form-action 'self'.
 */

export const PLAYGROUND_CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' blob: 'wasm-unsafe-eval' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export const PLAYGROUND_CSP = PLAYGROUND_CSP_DIRECTIVES.join('; ');

/**
 * The policy of every other page (no reader code runs there): the same, without blob: (no page
 * but a playground makes Workers or modules from blob: URLs). 'wasm-unsafe-eval' stays for
 * Pagefind's search, which compiles WebAssembly. `playgroundIntegration` inserts it, with the
 * inline-script hashes, into every built page that has no policy of its own.
 */
export const SITE_CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export const SITE_CSP = SITE_CSP_DIRECTIVES.join('; ');

/**
 * What a host should send with every page, as HTTP headers (a <meta> policy cannot say who may
 * frame a page): only this site may frame it, so no other site can put a playground in a frame and
 * turn a reader's click into a Run. public/_headers (Netlify, Cloudflare Pages), vercel.json
 * (Vercel), public/staticwebapp.config.json (Azure Static Web Apps) and public/.htaccess (Apache)
 * carry these; csp.test.ts checks that they all do.
 */
export const FRAME_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
} as const;

const HEAD_OPEN = /<head(\s[^>]*)?>/i;

const CHARSET_FIRST = /^(<head(?:\s[^>]*)?>)(<meta charset="[^"]*"\s*\/?>)/i;

/**
 * Puts SITE_CSP at the top of <head> of a page that has no policy yet (so it covers every script
 * after it), but after `<meta charset>` when that opens the head: the charset must sit in the first
 * 1,024 bytes (the policy is longer than that; Lighthouse's charset audit).
 */
export function insertSiteCsp(html: string): string {
  if (CSP_META.test(html) || !HEAD_OPEN.test(html)) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">`;
  const start = html.search(HEAD_OPEN);
  const rest = html.slice(start);
  const charsetFirst = CHARSET_FIRST.exec(rest);
  if (charsetFirst) return html.slice(0, start) + charsetFirst[0] + meta + rest.slice(charsetFirst[0].length);
  return html.replace(HEAD_OPEN, (open) => `${open}${meta}`);
}

/** The head entry for StarlightPage's frontmatter.head. */
export const playgroundHead = [
  { tag: 'meta' as const, attrs: { 'http-equiv': 'Content-Security-Policy', content: PLAYGROUND_CSP } },
];

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const EXECUTABLE_TYPE = /^(?:module|text\/javascript|application\/javascript)?$/i;
const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

function readType(attributes: string): string {
  return /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
}

/**
 * Adds a 'sha256-…' source to the page's CSP script-src for every inline script the browser would
 * execute (not JSON data blocks, not scripts with src). Returns the HTML unchanged without a CSP meta.
 */
export async function addInlineScriptHashes(html: string): Promise<string> {
  if (!CSP_META.test(html)) return html;
  const hashes = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || !EXECUTABLE_TYPE.test(readType(attributes))) continue;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
    hashes.add(`'sha256-${Buffer.from(digest).toString('base64')}'`);
  }
  return html.replace(CSP_META, (_match, open: string, policy: string, close: string) => {
    const directives = policy.split(';').map((directive) => {
      const trimmed = directive.trim();
      return trimmed.startsWith('script-src ') ? [trimmed, ...hashes].join(' ') : trimmed;
    });
    return `${open}${directives.join('; ')}${close}`;
  });
}
