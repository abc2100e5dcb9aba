import type { Icon } from '@tabler/icons-react';
import {
  IconBuilding,
  IconBuildingStore,
  IconChartBar,
  IconFileImport,
  IconHome,
  IconListDetails,
  IconSwords,
  IconUsers,
} from '@tabler/icons-react';
import type { Me } from './types';

export interface NavItem {
  to:
    | '/'
    | '/accounts'
    | '/competitors'
    | '/settings/users'
    | '/settings/audit'
    | '/settings/company'
    | '/settings/scoring'
    | '/settings/imports';
  labelKey: 'nav.home' | 'nav.accounts' | 'nav.competitors' | 'nav.users' | 'nav.audit' | 'nav.company' | 'nav.scoring' | 'nav.imports';
  icon: Icon;
  /** any of these permissions shows the item; none listed: everyone */
  anyOf?: string[];
}

export const mainItems: NavItem[] = [
  { to: '/', labelKey: 'nav.home', icon: IconHome },
  { to: '/accounts', labelKey: 'nav.accounts', icon: IconBuildingStore, anyOf: ['accounts.read'] },
  { to: '/competitors', labelKey: 'nav.competitors', icon: IconSwords, anyOf: ['competitors.read'] },
];

export const settingsItems: NavItem[] = [
  { to: '/settings/users', labelKey: 'nav.users', icon: IconUsers, anyOf: ['users.manage'] },
  { to: '/settings/audit', labelKey: 'nav.audit', icon: IconListDetails, anyOf: ['audit.read'] },
  { to: '/settings/company', labelKey: 'nav.company', icon: IconBuilding, anyOf: ['company.manage'] },
  { to: '/settings/scoring', labelKey: 'nav.scoring', icon: IconChartBar, anyOf: ['accounts.retier'] },
  { to: '/settings/imports', labelKey: 'nav.imports', icon: IconFileImport, anyOf: ['imports.run'] },
];

/** Items a role may not use are hidden, not disabled. */
export function visibleItems(items: NavItem[], me: Me): NavItem[] {
  return items.filter((item) => !item.anyOf || item.anyOf.some((p) => me.permissions.includes(p)));
}
