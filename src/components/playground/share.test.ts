import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { buildShareUrl, isSharedFor, MAX_SHARED_CODE_LENGTH, readSharedCode, readSharedSide } from './share';

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
