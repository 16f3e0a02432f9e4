import { describe, expect, it } from 'vitest';
import { getSiteLocation } from './site';

describe('getSiteLocation', () => {
  it('defaults to the development server and says that SITE_URL was not set', () => {
    expect(getSiteLocation({})).toEqual({ site: 'http://localhost:4321', base: '/', siteFromEnv: false });
  });

  it('takes the origin of SITE_URL and normalises BASE_PATH', () => {
    expect(getSiteLocation({ SITE_URL: 'https://example.com/ignored', BASE_PATH: 'guide/' })).toEqual({
      site: 'https://example.com',
      base: '/guide/',
      siteFromEnv: true,
    });
  });

  it('refuses a SITE_URL that is not absolute', () => {
    expect(() => getSiteLocation({ SITE_URL: 'example.com' })).toThrow(/must be an absolute URL/);
  });
});
