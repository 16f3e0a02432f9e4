import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addInlineScriptHashes, PLAYGROUND_CSP } from './csp';

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
