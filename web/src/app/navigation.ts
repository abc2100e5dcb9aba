import type { Icon } from '@tabler/icons-react';
import {
  IconBuilding,
  IconBuildingStore,
  IconCalendar,
  IconCalendarCog,
  IconCalendarEvent,
  IconChartBar,
  IconChartLine,
  IconChecklist,
  IconFileAlert,
  IconFileImport,
  IconGauge,
  IconHome,
  IconLifebuoy,
  IconListDetails,
  IconMail,
  IconMessages,
  IconSend,
  IconSwords,
  IconTarget,
  IconUsers,
} from '@tabler/icons-react';
import type { Me } from './types';

export interface NavItem {
  to:
    | '/'
    | '/accounts'
    | '/competitors'
    | '/kpi'
    | '/sales-plans'
    | '/interactions'
    | '/plan'
    | '/settings/cadences'
    | '/service'
    | '/acts'
    | '/tasks'
    | '/requests'
    | '/settings/users'
    | '/settings/audit'
    | '/settings/company'
    | '/settings/mail'
    | '/settings/calendar'
    | '/settings/scoring'
    | '/settings/sla'
    | '/settings/imports';
  labelKey:
    | 'nav.salesPlans'
    | 'nav.interactions'
    | 'nav.plan'
    | 'nav.cadences'
    | 'nav.service'
    | 'nav.acts'
    | 'nav.tasks'
    | 'nav.requests'
    | 'nav.home'
    | 'nav.accounts'
    | 'nav.competitors'
    | 'nav.kpi'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.company'
    | 'nav.mail'
    | 'nav.workCalendar'
    | 'nav.scoring'
    | 'nav.sla'
    | 'nav.imports';
  icon: Icon;
  /** any of these permissions shows the item; none listed: everyone */
  anyOf?: string[];
  /** …or any of these roles */
  roles?: Me['role'][];
}

export const mainItems: NavItem[] = [
  { to: '/', labelKey: 'nav.home', icon: IconHome },
  { to: '/accounts', labelKey: 'nav.accounts', icon: IconBuildingStore, anyOf: ['accounts.read'] },
  { to: '/plan', labelKey: 'nav.plan', icon: IconCalendar, anyOf: ['plan.read'] },
  { to: '/interactions', labelKey: 'nav.interactions', icon: IconMessages, anyOf: ['interactions.read'] },
  { to: '/service', labelKey: 'nav.service', icon: IconLifebuoy, anyOf: ['complaints.read'] },
  { to: '/acts', labelKey: 'nav.acts', icon: IconFileAlert, anyOf: ['complaints.read'] },
  { to: '/requests', labelKey: 'nav.requests', icon: IconSend, anyOf: ['interactions.write'], roles: ['department'] },
  { to: '/tasks', labelKey: 'nav.tasks', icon: IconChecklist },
  { to: '/competitors', labelKey: 'nav.competitors', icon: IconSwords, anyOf: ['competitors.read'] },
  { to: '/kpi', labelKey: 'nav.kpi', icon: IconChartLine, anyOf: ['kpi.read'] },
  { to: '/sales-plans', labelKey: 'nav.salesPlans', icon: IconTarget, anyOf: ['targets.read'] },
];

export const settingsItems: NavItem[] = [
  { to: '/settings/users', labelKey: 'nav.users', icon: IconUsers, anyOf: ['users.manage'] },
  { to: '/settings/audit', labelKey: 'nav.audit', icon: IconListDetails, anyOf: ['audit.read'] },
  { to: '/settings/company', labelKey: 'nav.company', icon: IconBuilding, anyOf: ['company.manage'] },
  { to: '/settings/mail', labelKey: 'nav.mail', icon: IconMail, anyOf: ['company.manage'] },
  { to: '/settings/calendar', labelKey: 'nav.workCalendar', icon: IconCalendarEvent, anyOf: ['company.manage'] },
  { to: '/settings/scoring', labelKey: 'nav.scoring', icon: IconChartBar, anyOf: ['accounts.retier'] },
  { to: '/settings/cadences', labelKey: 'nav.cadences', icon: IconCalendarCog, anyOf: ['plan.configure'] },
  { to: '/settings/sla', labelKey: 'nav.sla', icon: IconGauge, anyOf: ['sla.configure'] },
  { to: '/settings/imports', labelKey: 'nav.imports', icon: IconFileImport, anyOf: ['imports.run'] },
];

/** Items a role may not use are hidden, not disabled. */
export function visibleItems(items: NavItem[], me: Me): NavItem[] {
  return items.filter((item) => !item.anyOf || item.anyOf.some((p) => me.permissions.includes(p)) || !!item.roles?.includes(me.role));
}
