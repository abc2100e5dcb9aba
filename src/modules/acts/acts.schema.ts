import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { returnReasonEnum } from '../orders/orders.schema.js';
import { users } from '../users/users.schema.js';
import { actKinds, actStatuses } from './acts.contracts.js';

export const actKindEnum = pgEnum('act_kind', actKinds);
export const actStatusEnum = pgEnum('act_status', actStatuses);

/** A return, refusal, shortage or mis-sort act against one order (D3). */
export const serviceActs = pgTable(
  'service_acts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique().default(sql`'A-' || to_char(nextval('act_reference_seq'), 'FM000000')`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    orderId: text('order_id').notNull(),
    kind: actKindEnum('kind').notNull(),
    actDate: date('act_date', { mode: 'string' }).notNull(),
    status: actStatusEnum('status').notNull().default('draft'),
    note: text('note'),
    /** what will keep it from happening again (JD 2.17) */
    preventionNote: text('prevention_note'),
    createdById: uuid('created_by_id').references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_acts_account_idx').on(t.accountId, t.actDate), index('service_acts_order_idx').on(t.orderId)],
);

/** The order lines an act concerns; a signed act books each as a return of the KPI facts. */
export const serviceActLines = pgTable(
  'service_act_lines',
  {
    actId: uuid('act_id')
      .notNull()
      .references(() => serviceActs.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    quantity: numeric('quantity', { precision: 18, scale: 3 }).notNull(),
    reason: returnReasonEnum('reason').notNull(),
    note: text('note'),
    /** the order_returns row the signed act created */
    returnId: text('return_id'),
  },
  (t) => [primaryKey({ columns: [t.actId, t.lineNo] }), check('service_act_lines_quantity', sql`${t.quantity} > 0`)],
);
