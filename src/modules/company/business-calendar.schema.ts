import { sql } from 'drizzle-orm';
import { check, date, integer, pgEnum, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { calendarDayKinds } from './business-calendar.contracts.js';

export const calendarDayKindEnum = pgEnum('calendar_day_kind', calendarDayKinds);

/**
 * The company's working week (D1 clocks run in business hours): one row per working weekday (ISO
 * 1 = Monday … 7 = Sunday) with its hours as minutes after midnight in the company time zone.
 */
export const businessHours = pgTable(
  'business_hours',
  {
    weekday: smallint('weekday').primaryKey(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
  },
  () => [
    check('business_hours_weekday', sql`weekday BETWEEN 1 AND 7`),
    check('business_hours_span', sql`start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute`),
  ],
);

/**
 * Days that differ from the working week: public holidays, shortened pre-holiday days (an hour
 * shorter) and weekends made working days by a transfer. Ships with the Russian production calendar;
 * the admin edits it.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: calendarDayKindEnum('kind').notNull(),
  name: text('name'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
