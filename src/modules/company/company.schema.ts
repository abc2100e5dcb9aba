import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { localeEnum } from '../users/users.schema.js';

/** The one company of an installation (a single row). */
export const company = pgTable(
  'company',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    timeZone: text('time_zone').notNull(),
    defaultLocale: localeEnum('default_locale').notNull(),
    /** W of kpi.md: an account is active on a day with a confirmed order in the W days up to it */
    activityWindowDays: integer('activity_window_days').notNull().default(90),
    demo: boolean('demo').notNull().default(false),
    /** the statutory answer period of a legal claim (претензия), calendar days */
    legalClaimDays: integer('legal_claim_days').notNull().default(30),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('company_single_row', sql`${t.id} = 1`), check('company_activity_window', sql`${t.activityWindowDays} BETWEEN 1 AND 3660`)],
);
