import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.js';
import { absenceKinds } from './absences.contracts.js';

export const absenceKindEnum = pgEnum('absence_kind', absenceKinds);

/** An absence with its deputy (B3); days are calendar days in the company's time zone. */
export const absences = pgTable(
  'absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => users.id),
    kind: absenceKindEnum('kind').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    /** ended early: the deputy's rights ended at this moment */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    note: text('note'),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('absences_user_idx').on(t.userId, t.firstDay),
    index('absences_deputy_idx').on(t.deputyId, t.lastDay),
    check('absences_days_check', sql`${t.lastDay} >= ${t.firstDay}`),
    check('absences_not_self_check', sql`${t.deputyId} <> ${t.userId}`),
  ],
);
