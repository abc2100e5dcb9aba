import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { type BusinessCalendar, businessDeadline, elapsedBusinessMinutes, targetMinutes } from '../company/business-clock.js';
import { loadBusinessCalendar } from '../company/business-calendar.service.js';
import { findCompany } from '../company/company.service.js';
import { nextDay, zonedInstant } from '../company/zoned-time.js';
import type { RequestDepartment } from './requests.contracts.js';
import { departmentSla } from './requests.schema.js';

/** The request's SLA clock (D2): the department's SLA in business time, and the KAM's due date. */
export type Calendar = BusinessCalendar;

export const calendarOf = (db: Db): Promise<Calendar> => loadBusinessCalendar(db);

/** The end of a due date (the start of the next day) in the company time zone. */
export async function endOfDueDate(db: Db, dueDate: string): Promise<Date> {
  const zone = (await findCompany(db))?.timeZone ?? 'UTC';
  return zonedInstant(nextDay(dueDate), 0, zone);
}

/** The department's SLA in business minutes (null when none is set). */
export async function slaMinutesOf(db: Executor, cal: Calendar, department: RequestDepartment): Promise<number | null> {
  const [sla] = await db.select().from(departmentSla).where(eq(departmentSla.department, department));
  return sla ? targetMinutes(cal, sla.amount, sla.unit) : null;
}

/** The deadline: the SLA counted in business time from `from`, or the end of the due date if that is earlier. */
export async function deadlineOf(
  db: Db,
  cal: Calendar,
  from: Date,
  slaMinutes: number | null,
  dueDate: string | null | undefined,
): Promise<Date | null> {
  const bySla = slaMinutes !== null ? businessDeadline(cal, from, slaMinutes, []) : null;
  const byDate = dueDate ? await endOfDueDate(db, dueDate) : null;
  if (bySla && byDate) return new Date(Math.min(bySla.getTime(), byDate.getTime()));
  return bySla ?? byDate;
}

/** Whether 75 % of the business time between raising and the deadline has passed at `now`. */
export function pastWarningPoint(cal: Calendar, createdAt: Date, dueAt: Date, now: Date): boolean {
  const total = elapsedBusinessMinutes(cal, createdAt, dueAt, []);
  if (total <= 0) return now >= dueAt;
  return elapsedBusinessMinutes(cal, createdAt, now, []) >= 0.75 * total;
}
