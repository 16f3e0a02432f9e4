import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { buildLzBomb } from '../../../tests/support/lz-bomb';
import {
  buildShareUrl,
  describeSharedCodeProblem,
  expandCapped,
  isSharedFor,
  MAX_SHARED_CODE_LENGTH,
  MAX_SHARED_LINK_LENGTH,
  readSharedCode,
  readSharedLink,
  readSharedSide,
} from './share';

const page = 'https://example.com/playground/outbound-timeout/';

describe('share links', () => {
  it('round-trips code through the #code/ hash, in the TypeScript playground format', () => {
    const code = 'export const handler = async () => {\n  while (true) {}\n};\n// é ✓ </script>';
    const url = new URL(buildShareUrl(page, 'outbound-timeout', 'before', code));
    expect(url.hash).toBe(`#code/${compressToEncodedURIComponent(code)}`);
    expect(url.search).toBe('?example=outbound-timeout');
    expect(readSharedCode(url.hash)).toBe(code);
  });

  it('keeps the side in ?side=after and reads before by default', () => {
    const url = new URL(buildShareUrl(`${page}?side=after#code/old`, 'outbound-timeout', 'after', 'x'));
    expect(readSharedSide(url.search)).toBe('after');
    expect(readSharedSide('')).toBe('before');
    expect(readSharedSide('?side=sideways')).toBe('before');
    expect(new URL(buildShareUrl(`${page}?side=after`, 'outbound-timeout', 'before', 'x')).search).toBe(
      '?example=outbound-timeout',
    );
  });

  it('loads into the playground the link names, or the only one on the page', () => {
    expect(isSharedFor('?example=a', 'a', 2)).toBe(true);
    expect(isSharedFor('?example=a', 'b', 2)).toBe(false);
    expect(isSharedFor('', 'a', 1)).toBe(true);
    expect(isSharedFor('', 'a', 2)).toBe(false);
  });

  it('ignores hashes that are not share links or do not decompress', () => {
    expect(readSharedCode('')).toBeUndefined();
    expect(readSharedCode('#fix')).toBeUndefined();
    expect(readSharedCode('#code/')).toBeUndefined();
    expect(readSharedCode('#code/%%%')).toBeUndefined();
    expect(readSharedCode(`#code/${'A'.repeat(MAX_SHARED_CODE_LENGTH + 1)}`)).toBeUndefined();
  });
});

describe('links checked before they are expanded', () => {
  it('expands exactly what lz-string compressed', () => {
    const samples = [
      'x',
      'export const handler = async () => {\n  while (true) {}\n};\n// é ✓ </script> 🎉',
      'abababababababababababab'.repeat(40),
      Array.from({ length: 3000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 5000))).join(''),
    ];
    for (const code of samples) expect(expandCapped(compressToEncodedURIComponent(code), 1_000_000)).toBe(code);
  });

  it('stops a bomb as soon as it passes the cap, without building it', () => {
    const bomb = buildLzBomb(20_000);
    expect(bomb.length).toBeLessThanOrEqual(MAX_SHARED_LINK_LENGTH);
    // The payload is a real lz-string stream: a small one expands to a run of a's.
    const small = buildLzBomb(200);
    const expanded = expandCapped(small, Number.POSITIVE_INFINITY);
    expect(typeof expanded === 'string' && /^a{1000,}$/.test(expanded)).toBe(true);
    expect(decompressFromEncodedURIComponent(small)).toBe(expanded);
    expect(expandCapped(bomb, MAX_SHARED_CODE_LENGTH)).toBe('too-large');
    expect(readSharedLink(`#code/${bomb}`)).toEqual({ ok: false, problem: 'code-too-large' });
  });

  it('refuses a link longer than MAX_SHARED_LINK_LENGTH before reading it', () => {
    const bomb = buildLzBomb(75_000);
    expect(readSharedLink(`#code/${bomb}`)).toEqual({ ok: false, problem: 'link-too-long' });
    expect(describeSharedCodeProblem('link-too-long', bomb.length)).toMatch(/too long .*showing the example/);
  });
});
