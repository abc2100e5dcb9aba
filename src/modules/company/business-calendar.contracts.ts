import { z } from 'zod';

/** A day of the company calendar that differs from the working week (the production calendar). */
export const calendarDayKinds = ['holiday', 'short', 'working'] as const;
export const CalendarDayKind = z.enum(calendarDayKinds);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

const Minute = z.number().int().min(0).max(1440);
const Weekday = z.number().int().min(1).max(7);
const DayName = z.string().trim().max(200);

/** One working weekday (ISO 1 = Monday … 7 = Sunday) and its hours in minutes after midnight, company time. */
export const WorkingHours = z.object({ weekday: Weekday, startMinute: Minute, endMinute: Minute });
export type WorkingHours = z.infer<typeof WorkingHours>;

/** A day that differs from the working week: a holiday, a short (pre-holiday) day or a weekend made working. */
export const CalendarDay = z.object({ day: z.iso.date(), kind: CalendarDayKind, name: z.string().nullable() });
export type CalendarDay = z.infer<typeof CalendarDay>;

export const BusinessCalendarView = z.object({
  year: z.number().int(),
  timeZone: z.string(),
  /** the working weekdays; a weekday left out is a day off */
  hours: z.array(WorkingHours),
  /** minutes of a standard working day: the size of one SLA business day */
  businessDayMinutes: z.number().int(),
  /** the exception days of the year */
  days: z.array(CalendarDay),
});
export type BusinessCalendarView = z.infer<typeof BusinessCalendarView>;

export const CalendarQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const WorkingWeekRequest = z.strictObject({
  hours: z.array(z.strictObject({ weekday: Weekday, startMinute: Minute, endMinute: Minute })).max(7),
});
export type WorkingWeekRequest = z.infer<typeof WorkingWeekRequest>;

export const CalendarDayParams = z.strictObject({ day: z.iso.date() });

export const CalendarDayRequest = z.strictObject({ kind: CalendarDayKind, name: DayName.nullable().optional() });
export type CalendarDayRequest = z.infer<typeof CalendarDayRequest>;
