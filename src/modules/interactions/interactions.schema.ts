import { boolean, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { users } from '../users/users.schema.js';
import { interactionStatuses, interactionTypes } from './interactions.contracts.js';

export const interactionTypeEnum = pgEnum('interaction_type', interactionTypes);
export const interactionStatusEnum = pgEnum('interaction_status', interactionStatuses);

/** A meeting, visit, call… with a client (C1; import-format.md, interactions). */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the natural key of imports; null for interactions logged in the app */
    externalId: text('external_id').unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    type: interactionTypeEnum('type').notNull(),
    status: interactionStatusEnum('status').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** given as a date without a time: it happened on that day of the company calendar */
    allDay: boolean('all_day').notNull().default(false),
    subject: text('subject'),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('interactions_account_idx').on(t.accountId, t.occurredAt),
    index('interactions_user_idx').on(t.userId, t.occurredAt),
    index('interactions_occurred_idx').on(t.occurredAt),
  ],
);
