import { sql } from 'drizzle-orm';
import { check, date, integer, numeric, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.js';

/** A manager's plan for a month (F1; import-format.md, plans). `month` is its first day. */
export const managerTargets = pgTable(
  'manager_targets',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    month: date('month', { mode: 'string' }).notNull(),
    revenueTarget: numeric('revenue_target', { precision: 18, scale: 2 }).notNull(),
    activeClientsTarget: integer('active_clients_target'),
    newClientsTarget: integer('new_clients_target'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.month] }),
    check('manager_targets_month', sql`extract(day FROM ${t.month}) = 1`),
    check('manager_targets_revenue', sql`${t.revenueTarget} >= 0`),
  ],
);

/** The department's plan for a month, which the head splits into the managers' plans (F1). */
export const departmentTargets = pgTable(
  'department_targets',
  {
    month: date('month', { mode: 'string' }).primaryKey(),
    revenueTarget: numeric('revenue_target', { precision: 18, scale: 2 }).notNull(),
    activeClientsTarget: integer('active_clients_target'),
    newClientsTarget: integer('new_clients_target'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('department_targets_month', sql`extract(day FROM ${t.month}) = 1`)],
);
