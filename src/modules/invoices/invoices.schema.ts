import { sql } from 'drizzle-orm';
import { check, date, index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';

/** A bill to a client (import-format.md, invoices). */
export const invoices = pgTable(
  'invoices',
  {
    invoiceId: text('invoice_id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    orderId: text('order_id'),
    /**
     * the day its payments first add up to the amount (null while they do not): the invoice is open
     * on the days [issue_date, settled_on). Kept by the invoices service whenever payments change.
     */
    settledOn: date('settled_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invoices_account_idx').on(t.accountId, t.issueDate),
    index('invoices_settled_idx').on(t.settledOn),
    index('invoices_open_idx').on(t.issueDate).where(sql`${t.settledOn} IS NULL`),
    check('invoices_amount', sql`${t.amount} > 0`),
  ],
);

/** Money received against an invoice (import-format.md, payments). */
export const payments = pgTable(
  'payments',
  {
    paymentId: text('payment_id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.invoiceId),
    /** the invoice's account, so that every commercial fact carries it (design.md) */
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    paymentDate: date('payment_date', { mode: 'string' }).notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payments_invoice_idx').on(t.invoiceId, t.paymentDate), check('payments_amount', sql`${t.amount} > 0`)],
);
