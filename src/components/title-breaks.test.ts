import { describe, expect, it } from 'vitest';
import { splitForWrapping } from './title-breaks';

describe('splitForWrapping', () => {
  it('offers breaks after dots and between camel-case words, never inside a word', () => {
    expect(splitForWrapping('Function ran out of memory (signal killed, Runtime.OutOfMemory)')).toEqual([
      'Function ran out of memory (signal killed, Runtime.',
      'Out',
      'Of',
      'Memory)',
    ]);
    expect(splitForWrapping('SubnetIPAddressLimitReachedException')).toEqual([
      'Subnet',
      'IPAddress',
      'Limit',
      'Reached',
      'Exception',
    ]);
  });

  it('keeps the text: the parts join back to the title', () => {
    for (const title of ['Task timed out after N seconds', 'ec2:CreateNetworkInterface', 'a.b/c_d', '']) {
      expect(splitForWrapping(title).join('')).toBe(title);
    }
  });

  it('leaves a title without identifiers whole', () => {
    expect(splitForWrapping('Slow cold starts (high Init Duration)')).toEqual([
      'Slow cold starts (high Init Duration)',
    ]);
  });
});
