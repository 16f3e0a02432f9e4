import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addInlineScriptHashes, FRAME_HEADERS, insertSiteCsp, PLAYGROUND_CSP, SITE_CSP } from './csp';

const sha = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
const page = (scripts: string) =>
  `<html><head><meta http-equiv="Content-Security-Policy" content="${PLAYGROUND_CSP}">${scripts}</head></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)?.[1] ?? '';

describe('the playground CSP', () => {
  it('forbids remote origins, plugins and base changes', () => {
    expect(PLAYGROUND_CSP).toContain("default-src 'self'");
    expect(PLAYGROUND_CSP).toContain("object-src 'none'");
    expect(PLAYGROUND_CSP).toContain("base-uri 'self'");
    expect(PLAYGROUND_CSP).not.toMatch(/https?:|\*|'unsafe-eval'/);
    expect(PLAYGROUND_CSP).not.toMatch(/(script|worker)-src[^;]*data:/);
  });

  it('hashes every inline script the browser would run, and only those', async () => {
    const theme = '\n\twindow.StarlightThemeProvider = 1;\n';
    const html = await addInlineScriptHashes(
      page(
        `<script>${theme}</script><script type="module">var e=1</script><script aria-hidden="true">x()</script>` +
          '<script type="module" src="/_astro/page.js"></script><script type="application/json">{"a":1}</script>',
      ),
    );
    const scriptSrc = policyOf(html)
      .split('; ')
      .find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe(
      `script-src 'self' blob: 'wasm-unsafe-eval' 'unsafe-inline' ${sha(theme)} ${sha('var e=1')} ${sha('x()')}`,
    );
    expect(policyOf(html)).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('leaves pages without the policy alone', async () => {
    const html = '<html><script>x()</script></html>';
    expect(await addInlineScriptHashes(html)).toBe(html);
  });
});

describe('the site policy of pages without a playground', () => {
  it('is inserted at the top of the head of a page with no policy, and hashed like the playground one', async () => {
    const html = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><script>theme()</script></head></html>';
    const finished = await addInlineScriptHashes(insertSiteCsp(html));
    // After the charset, which must stay in the first 1,024 bytes; before every script.
    expect(finished).toMatch(
      /<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="[^"]+"><script>/,
    );
    expect(finished.indexOf('<meta charset')).toBeLessThan(1024);
    const noCharset = insertSiteCsp('<html><head><script>x()</script></head></html>');
    expect(noCharset).toMatch(/<head><meta http-equiv="Content-Security-Policy" content="[^"]+"><script>/);
    expect(policyOf(finished)).toContain(`script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline' ${sha('theme()')}`);
    expect(SITE_CSP).not.toContain('blob:');
    expect(SITE_CSP).not.toMatch(/https?:|\*|'unsafe-eval'/);
  });

  it('leaves a page that already has a policy (a playground page) alone', () => {
    const html = page('<script>x()</script>');
    expect(insertSiteCsp(html)).toBe(html);
  });
});

describe('the frame headers every host format carries', () => {
  const root = new URL('../../', import.meta.url);
  const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
  const csp = 'Content-Security-Policy';
  const cspValue = FRAME_HEADERS[csp];
  const xfo = 'X-Frame-Options';
  const xfoValue = FRAME_HEADERS[xfo];

  it('Netlify / Cloudflare Pages: public/_headers for every path', () => {
    const text = read('public/_headers');
    expect(text).toMatch(new RegExp(`^/\\*\\n(?:  .*\\n)*  ${csp}: ${cspValue}\\n`, 'm'));
    expect(text).toContain(`  ${xfo}: ${xfoValue}`);
  });

  it('Vercel: vercel.json for every path', () => {
    const config = JSON.parse(read('vercel.json')) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
    };
    const all = config.headers.find((rule) => rule.source === '/(.*)');
    expect(all?.headers).toEqual(
      expect.arrayContaining([
        { key: csp, value: cspValue },
        { key: xfo, value: xfoValue },
      ]),
    );
  });

  it('Azure Static Web Apps and Apache', () => {
    const azure = JSON.parse(read('public/staticwebapp.config.json')) as { globalHeaders: Record<string, string> };
    expect(azure.globalHeaders).toMatchObject(FRAME_HEADERS);
    const apache = read('public/.htaccess');
    expect(apache).toContain(`Header always set ${csp} "${cspValue}"`);
    expect(apache).toContain(`Header always set ${xfo} "${xfoValue}"`);
  });
});
