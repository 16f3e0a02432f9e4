/**
 * Builds links that respect the configured base path. Every internal link in components goes
 * through `withBase`, so the site works under a sub-path as well as at the root.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('#')) return path;
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${prefix}/${path.replace(/^\/+/, '')}`;
}

/** The absolute URL of a site path, e.g. for errors.json and alarm descriptions. */
export function absoluteUrl(path: string, site: string, base: string): string {
  return new URL(withBase(path, base), site).href;
}

/** The URL of an error entry's page, with an optional section anchor. */
export function entryPath(id: string, anchor?: string): string {
  return `/errors/${id}/${anchor ? `#${anchor}` : ''}`;
}
