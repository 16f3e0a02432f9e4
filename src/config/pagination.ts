import { categoryInfo } from '../data/categories.ts';

/**
 * The label of a footer Previous/Next card: the sidebar's label, except for a category's overview
 * link, labelled "Overview" in the sidebar (under the category's group), which becomes "Category: <title>"
 * (the category page's own title, marked as a category so "Cost" is not taken for the cost guide).
 */
export function paginationLabel(href: string, sidebarLabel: string, base = '/'): string {
  const prefix = base.replace(/\/$/, '');
  const path = prefix && href.startsWith(`${prefix}/`) ? href.slice(prefix.length) : href;
  const category = /^\/categories\/([a-z0-9-]+)\/$/.exec(path)?.[1];
  const info = categoryInfo.find((candidate) => candidate.id === category);
  return info ? `Category: ${info.title}` : sidebarLabel;
}
