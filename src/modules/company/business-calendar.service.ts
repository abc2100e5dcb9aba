import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError, notFound } from '../../core/errors.js';
import { assertCan } from '../../core/policy/policy.js';
import { todayIn } from '../plans/plans.rules.js';
import type {
  BusinessCalendarView,
  CalendarDay,
  CalendarDayRequest,
  CalendarQuery,
  WorkingHours,
  WorkingWeekRequest,
} from './business-calendar.contracts.js';
import { businessHours, calendarDays } from './business-calendar.schema.js';
import { type BusinessCalendar, businessDayMinutes, type CalendarDayKindValue } from './business-clock.js';
import { findCompany } from './company.service.js';

/** How long a loaded calendar is reused; an admin's edit invalidates it at once. */
const CACHE_MS = 30_000;
const FALLBACK_ZONE = 'UTC';

const cache = new WeakMap<Db | Executor, { at: number; generation: number; calendar: Promise<BusinessCalendar> }>();
/** Bumped by every edit: a cached calendar of an older generation is stale. */
let generation = 0;

/** One query after another: `db` may be a transaction, which runs one query at a time. */
async function readCalendar(db: Db | Executor): Promise<BusinessCalendar> {
  const company = await findCompany(db);
  const hourRows = await db.select().from(businessHours);
  const dayRows = await db.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays);
  const hours = new Map<number, { start: number; end: number }>();
  for (const h of hourRows) hours.set(h.weekday, { start: h.startMinute, end: h.endMinute });
  const days = new Map<string, CalendarDayKindValue>();
  for (const d of dayRows) days.set(d.day, d.kind);
  return { zone: company?.timeZone ?? FALLBACK_ZONE, hours, days };
}

/** The company's business calendar for SLA clocks (zone, working week, exception days); cached ~30 s. */
export function loadBusinessCalendar(db: Db | Executor): Promise<BusinessCalendar> {
  const now = Date.now();
  const hit = cache.get(db);
  if (hit && hit.generation === generation && now - hit.at < CACHE_MS) return hit.calendar;
  const calendar = readCalendar(db);
  cache.set(db, { at: now, generation, calendar });
  calendar.catch(() => {
    if (cache.get(db)?.calendar === calendar) cache.delete(db);
  });
  return calendar;
}

/** Forget the cached calendar (after the working week, a calendar day or the company time zone changed). */
export function invalidateBusinessCalendar(): void {
  generation++;
}

// ---------------------------------------------------------------------------------------------
// The admin's view and edits (H5: ship the production calendar and let an admin edit it)

async function readHours(db: Db): Promise<WorkingHours[]> {
  return db
    .select({ weekday: businessHours.weekday, startMinute: businessHours.startMinute, endMinute: businessHours.endMinute })
    .from(businessHours)
    .orderBy(asc(businessHours.weekday));
}

/** The working week and the exception days of a year (the current year of the company by default). */
export async function getCalendar(ctx: Ctx, query: CalendarQuery): Promise<BusinessCalendarView> {
  assertCan(actorOf(ctx), 'company.read');
  const timeZone = (await findCompany(ctx.db))?.timeZone ?? FALLBACK_ZONE;
  const year = query.year ?? Number(todayIn(timeZone).slice(0, 4));
  const [hours, days] = await Promise.all([
    readHours(ctx.db),
    ctx.db
      .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
      .from(calendarDays)
      .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
      .orderBy(asc(calendarDays.day)),
  ]);
  const hoursMap = new Map(hours.map((h) => [h.weekday, { start: h.startMinute, end: h.endMinute }]));
  return {
    year,
    timeZone,
    hours,
    businessDayMinutes: businessDayMinutes({ zone: timeZone, hours: hoursMap, days: new Map() }),
    days,
  };
}

/** Replace the working week: the weekdays listed work those hours, the others are days off. */
export async function setWorkingWeek(ctx: Ctx, input: WorkingWeekRequest): Promise<BusinessCalendarView> {
  assertCan(actorOf(ctx), 'company.manage');
  const seen = new Set<number>();
  for (const h of input.hours) {
    if (seen.has(h.weekday)) throw new AppError('CALENDAR_WEEKDAY_TWICE', 400, { weekday: h.weekday });
    seen.add(h.weekday);
    if (h.startMinute >= h.endMinute) throw new AppError('CALENDAR_HOURS_INVALID', 400, { weekday: h.weekday });
  }
  if (!input.hours.length) throw new AppError('CALENDAR_WEEK_EMPTY', 400);
  await ctx.db.transaction(async (tx) => {
    const before = await tx.select().from(businessHours).orderBy(asc(businessHours.weekday)).for('update');
    await tx.delete(businessHours);
    await tx.insert(businessHours).values(input.hours);
    const after = [...input.hours].sort((a, b) => a.weekday - b.weekday);
    await recordAudit(ctx, { action: 'calendar.hours_updated', entity: 'business_hours', entityId: 'week', before, after }, tx);
  });
  invalidateBusinessCalendar();
  return getCalendar(ctx, {});
}

/** Mark a day as a holiday, a short day or a working day (a weekend made working), with an optional name. */
export async function setCalendarDay(ctx: Ctx, day: string, input: CalendarDayRequest): Promise<CalendarDay> {
  assertCan(actorOf(ctx), 'company.manage');
  const name = input.name?.trim() || null;
  const row = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
      .from(calendarDays)
      .where(eq(calendarDays.day, day))
      .for('update');
    const [saved] = await tx
      .insert(calendarDays)
      .values({ day, kind: input.kind, name })
      .onConflictDoUpdate({ target: calendarDays.day, set: { kind: input.kind, name, updatedAt: new Date() } })
      .returning({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name });
    await recordAudit(
      ctx,
      { action: before ? 'calendar.day_updated' : 'calendar.day_added', entity: 'calendar_day', entityId: day, before, after: saved },
      tx,
    );
    return saved!;
  });
  invalidateBusinessCalendar();
  return row;
}

/** Return a day to the working week (remove its exception). */
export async function deleteCalendarDay(ctx: Ctx, day: string): Promise<void> {
  assertCan(actorOf(ctx), 'company.manage');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(calendarDays)
      .where(eq(calendarDays.day, day))
      .returning({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name });
    if (!before) throw notFound();
    await recordAudit(ctx, { action: 'calendar.day_removed', entity: 'calendar_day', entityId: day, before }, tx);
  });
  invalidateBusinessCalendar();
}
