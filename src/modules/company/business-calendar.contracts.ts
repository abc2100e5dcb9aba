import { z } from 'zod';

/** A day of the company calendar that differs from the working week (the production calendar). */
export const calendarDayKinds = ['holiday', 'short', 'working'] as const;
export const CalendarDayKind = z.enum(calendarDayKinds);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;
