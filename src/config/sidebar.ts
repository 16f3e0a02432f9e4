import { categoryInfo } from '../data/categories.ts';
import { readEntryHeaders } from './routes.ts';

interface SidebarLink {
  label: string;
  link: string;
}
interface SidebarGroup {
  label: string;
  collapsed?: boolean;
  items: (SidebarLink | SidebarGroup | { autogenerate: { directory: string } })[];
}

export function buildSidebar(): SidebarGroup[] {
  const entries = readEntryHeaders().sort((a, b) => a.title.localeCompare(b.title));
  const errorGroups: SidebarGroup[] = categoryInfo
    .map((category) => ({
      label: category.title,
      collapsed: true,
      items: [
        { label: 'Overview', link: `/categories/${category.id}/` },
        ...entries
          .filter((entry) => entry.category === category.id)
          .map((entry) => ({ label: entry.title, link: `/errors/${entry.id}/` })),
      ],
    }))
    .filter((group) => group.items.length > 1);

  return [
    {
      label: 'Start here',
      items: [
        { label: 'Reading order', link: '/start-here/' },
        { label: 'Error index', link: '/errors/' },
      ],
    },
    { label: 'Errors by category', items: errorGroups },
    { label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] },
    {
      label: 'Tools',
      items: [
        { label: 'Look up an error', link: '/lookup/' },
        { label: 'Logs Insights query builder', link: '/insights/' },
        { label: 'Playgrounds', link: '/playground/' },
        { label: 'Right-size memory', link: '/tools/right-size/' },
        { label: 'Alarms', link: '/alarms/' },
      ],
    },
  ];
}
