/**
 * Where the site is deployed. Both values come from the environment so that absolute links
 * (errors.json, canonical URLs, alarm descriptions) are right wherever the site is hosted.
 *
 * SITE_URL   the origin, e.g. https://lambda.example.com (default http://localhost:4321)
 * BASE_PATH  the path the site lives under, e.g. /field-guide (default /)
 */
export interface SiteLocation {
  site: string;
  base: string;
  /** Whether SITE_URL was set; without it `site` is only the development server's origin. */
  siteFromEnv: boolean;
}

export function getSiteLocation(env: Record<string, string | undefined> = process.env): SiteLocation {
  const rawSite = env.SITE_URL?.trim() || 'http://localhost:4321';
  let site: URL;
  try {
    site = new URL(rawSite);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.com, got "${rawSite}"`);
  }
  const rawBase = env.BASE_PATH?.trim() || '/';
  const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '') || '/';
  return { site: site.origin, base: base === '/' ? '/' : `${base}/`, siteFromEnv: Boolean(env.SITE_URL?.trim()) };
}
