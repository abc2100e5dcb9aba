import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accountTierEnum } from '../accounts/accounts.schema.js';
import { checklistKindEnum } from '../interactions/interactions.schema.js';
import { users } from '../users/users.schema.js';

/** The contact cadence per tier (C2), set by the head: a visit every N days, a call every M days; null: none. */
export const contactCadences = pgTable(
  'contact_cadences',
  {
    tier: accountTierEnum('tier').primaryKey(),
    visitEveryDays: integer('visit_every_days'),
    callEveryDays: integer('call_every_days'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  () => [
    check('contact_cadences_visit_days', sql`visit_every_days IS NULL OR visit_every_days BETWEEN 1 AND 365`),
    check('contact_cadences_call_days', sql`call_every_days IS NULL OR call_every_days BETWEEN 1 AND 365`),
  ],
);

/** The checklist of a training or merchandising check (C4), as the head wrote it; absent: the built-in one. */
export const checklistTemplates = pgTable('checklist_templates', {
  kind: checklistKindEnum('kind').primaryKey(),
  items: text('items').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
