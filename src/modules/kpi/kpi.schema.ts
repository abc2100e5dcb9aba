import { date, index, numeric, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { products } from '../products/products.schema.js';
import { users } from '../users/users.schema.js';

/*
 * Summaries the KPI report reads instead of the facts. They are derived data, rebuilt exactly from the
 * facts by kpi_refresh_* (migration 0010) whenever lines, returns or the ownership history change.
 */

/** Revenue and margin (lines less returns) per owner and day; owner null = days an account had none. */
export const kpiOwnerDays = pgTable(
  'kpi_owner_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    revenue: numeric('revenue').notNull(),
    margin: numeric('margin').notNull(),
  },
  (t) => [index('kpi_owner_days_day_idx').on(t.day, t.ownerId)],
);

/** The first confirmed order date of each account and product (upsell pairs). */
export const kpiFirstLines = pgTable(
  'kpi_first_lines',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    firstDate: date('first_date', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.productId] }), index('kpi_first_lines_date_idx').on(t.firstDate)],
);

/** The first confirmed order date of each account (new clients). */
export const kpiAccountFirsts = pgTable(
  'kpi_account_firsts',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    firstDate: date('first_date', { mode: 'string' }).notNull(),
  },
  (t) => [index('kpi_account_firsts_date_idx').on(t.firstDate)],
);

/**
 * Receivables of an account as running balances: from `day` on (until its next row) the account's
 * open invoices add up to `outstanding`, of which `overdue` is past due. Rebuilt per account by
 * kpi_refresh_receivables whenever its invoices or payments change.
 */
export const kpiAccountReceivables = pgTable(
  'kpi_account_receivables',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    outstanding: numeric('outstanding').notNull(),
    overdue: numeric('overdue').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] })],
);
