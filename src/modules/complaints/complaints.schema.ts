import { boolean, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { complaintSeverities } from './complaints.contracts.js';

export const complaintSeverityEnum = pgEnum('complaint_severity', complaintSeverities);

/** A client's complaint (D1; import-format.md, complaints). */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the natural key of imports; null for complaints taken in the app */
    externalId: text('external_id').unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    severity: complaintSeverityEnum('severity').notNull().default('normal'),
    justified: boolean('justified'),
    category: text('category'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('complaints_account_idx').on(t.accountId, t.receivedAt), index('complaints_received_idx').on(t.receivedAt)],
);
