import type { MenuProps } from 'antd';
import { useLocation } from 'react-router';
import { allows } from '../../lib/authorization';
import { useSession } from '../../features/auth/session-context';
import { links, pages } from '../navigation';

type Item = NonNullable<MenuProps['items']>[number];

/** The side menu as the session's permissions allow it, and which entry the current address belongs to. */
export function useMenuItems(): { items: Item[]; selectedKey: string } {
  const { permissions } = useSession();
  const { pathname } = useLocation();
  const visible = pages.filter((entry) => (entry.placement ?? 'menu') === 'menu' && allows(permissions, entry.requires));
  const items: Item[] = visible.map((entry) => ({ key: entry.path, icon: entry.icon, label: entry.label }));
  for (const link of links.filter((l) => allows(permissions, l.requires))) {
    items.push({
      key: link.href,
      icon: link.icon,
      label: (
        <a href={link.href} target="_blank" rel="noopener noreferrer">
          {link.label}
        </a>
      ),
    });
  }
  // The longest matching path wins, so /grids/123 still highlights 网格; "/" matches only itself.
  const selected = pages
    .filter((entry) => (entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return { items, selectedKey: selected?.path ?? pathname };
}
