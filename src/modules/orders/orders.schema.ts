import { type SQL, sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { users } from '../users/users.schema.js';
import { lineStatuses, returnReasons } from './orders.contracts.js';

export const lineStatusEnum = pgEnum('order_line_status', lineStatuses);
export const returnReasonEnum = pgEnum('return_reason', returnReasons);

/**
 * One line of a client's order (import-format.md, orders). `owner_id` is the account's owner on the
 * order date, given when the line is stored and kept in step with the ownership history (kpi module).
 */
export const orderLines = pgTable(
  'order_lines',
  {
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    /**
     * account_id, product_id and owner_id are checked once per statement by a trigger (migration 0012),
     * not per row by foreign keys: row-level checks were 40 % of a 1M-line import
     */
    accountId: uuid('account_id').notNull(),
    orderDate: date('order_date', { mode: 'string' }).notNull(),
    productId: uuid('product_id').notNull(),
    quantity: numeric('quantity', { precision: 18, scale: 3 }).notNull(),
    unitPrice: numeric('unit_price', { precision: 18, scale: 4 }).notNull(),
    discountPct: numeric('discount_pct', { precision: 7, scale: 4 }).notNull().default('0'),
    unitCost: numeric('unit_cost', { precision: 18, scale: 4 }).notNull(),
    status: lineStatusEnum('status').notNull().default('confirmed'),
    /** quantity × unit_price × (1 − discount_pct / 100), exact (kpi.md) */
    netAmount: numeric('net_amount').generatedAlwaysAs(
      (): SQL => sql`${orderLines.quantity} * ${orderLines.unitPrice} * (100 - ${orderLines.discountPct}) / 100`,
    ),
    ownerId: uuid('owner_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.lineNo] }),
    index('order_lines_date_idx').on(t.orderDate),
    index('order_lines_account_date_idx').on(t.accountId, t.orderDate).where(sql`${t.status} = 'confirmed'`),
    check('order_lines_quantity', sql`${t.quantity} > 0`),
    check('order_lines_discount', sql`${t.discountPct} BETWEEN 0 AND 100`),
  ],
);

/** Goods a client sent back from an order line (import-format.md, returns). */
export const orderReturns = pgTable(
  'order_returns',
  {
    returnId: text('return_id').primaryKey(),
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    returnDate: date('return_date', { mode: 'string' }).notNull(),
    quantity: numeric('quantity', { precision: 18, scale: 3 }).notNull(),
    reason: returnReasonEnum('reason'),
    /** the account's owner on the return date (kpi module) */
    ownerId: uuid('owner_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.orderId, t.lineNo], foreignColumns: [orderLines.orderId, orderLines.lineNo] }),
    index('order_returns_line_idx').on(t.orderId, t.lineNo),
    index('order_returns_date_idx').on(t.returnDate),
    index('order_returns_account_idx').on(t.accountId, t.returnDate),
    check('order_returns_quantity', sql`${t.quantity} > 0`),
  ],
);
