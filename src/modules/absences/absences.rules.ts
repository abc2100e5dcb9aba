import type { Role } from '../../core/contracts.js';
import type { AbsenceStatus } from './absences.contracts.js';

export interface AbsenceWindow {
  firstDay: string;
  lastDay: string;
  endedAt: Date | string | null;
}

/**
 * Where an absence stands on `today` (company calendar day, YYYY-MM-DD): the deputy holds the absent
 * user's rights only while it is active — from the first to the last day, and not once ended early.
 */
export function absenceStatus(a: AbsenceWindow, today: string): AbsenceStatus {
  if (a.endedAt) return 'over';
  if (today < a.firstDay) return 'upcoming';
  if (today > a.lastDay) return 'over';
  return 'active';
}

export const coversToday = (a: AbsenceWindow, today: string) => absenceStatus(a, today) === 'active';

/** Two absences overlap when they share at least one day; an absence ended early blocks nothing. */
export function overlaps(a: AbsenceWindow, b: AbsenceWindow): boolean {
  if (a.endedAt || b.endedAt) return false;
  return a.firstDay <= b.lastDay && b.firstDay <= a.lastDay;
}

/** Who can do an absent colleague's work: a KAM or senior KAM for a KAM or senior KAM, and so on. */
const deputyRoles: Record<Role, readonly Role[]> = {
  kam: ['kam', 'senior_kam'],
  senior_kam: ['senior_kam', 'kam'],
  head: ['head', 'senior_kam'],
  admin: ['admin'],
  executive: ['executive', 'head'],
  sales_support: ['sales_support'],
  department: ['department'],
  hr: ['hr'],
};

export const deputyRolesFor = (absentRole: Role): readonly Role[] => deputyRoles[absentRole];

export function canDeputise(absentRole: Role, deputyRole: Role): boolean {
  return deputyRoles[absentRole].includes(deputyRole);
}
