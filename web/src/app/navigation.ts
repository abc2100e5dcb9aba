import type { Icon } from '@tabler/icons-react';
import { IconBuilding, IconHome, IconListDetails, IconUsers } from '@tabler/icons-react';
import type { Me } from './types';

export interface NavItem {
  to: '/' | '/settings/users' | '/settings/audit' | '/settings/company';
  labelKey: 'nav.home' | 'nav.users' | 'nav.audit' | 'nav.company';
  icon: Icon;
  /** any of these permissions shows the item; none listed: everyone */
  anyOf?: string[];
}

export const mainItems: NavItem[] = [{ to: '/', labelKey: 'nav.home', icon: IconHome }];

export const settingsItems: NavItem[] = [
  { to: '/settings/users', labelKey: 'nav.users', icon: IconUsers, anyOf: ['users.manage'] },
  { to: '/settings/audit', labelKey: 'nav.audit', icon: IconListDetails, anyOf: ['audit.read'] },
  { to: '/settings/company', labelKey: 'nav.company', icon: IconBuilding, anyOf: ['company.manage'] },
];

/** Items a role may not use are hidden, not disabled. */
export function visibleItems(items: NavItem[], me: Me): NavItem[] {
  return items.filter((item) => !item.anyOf || item.anyOf.some((p) => me.permissions.includes(p)));
}
