import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { slaUnitEnum } from '../complaints/complaints.schema.js';
import { users } from '../users/users.schema.js';
import { requestDepartments, requestStatuses } from './requests.contracts.js';

export const requestDepartmentEnum = pgEnum('request_department', requestDepartments);
export const requestStatusEnum = pgEnum('request_status', requestStatuses);

/** A KAM's request to another department on behalf of a key client (D2). */
export const departmentRequests = pgTable(
  'department_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique().default(sql`'R-' || to_char(nextval('request_reference_seq'), 'FM000000')`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    department: requestDepartmentEnum('department').notNull(),
    /** what is asked, from the department's list of request types */
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** the date the KAM needs it by */
    dueDate: date('due_date', { mode: 'string' }),
    status: requestStatusEnum('status').notNull().default('new'),
    requestedById: uuid('requested_by_id')
      .notNull()
      .references(() => users.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    /** the department's SLA in business minutes at creation, and the deadline it gives */
    slaMinutes: integer('sla_minutes'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    warnedAt: timestamp('warned_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('department_requests_queue_idx').on(t.department, t.status),
    index('department_requests_account_idx').on(t.accountId, t.createdAt),
    index('department_requests_due_idx').on(t.dueAt).where(sql`breached_at IS NULL AND due_at IS NOT NULL`),
  ],
);

/** The request's story: status changes, comments, escalations. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => departmentRequests.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.createdAt)],
);

/** Each department's SLA for requests, in business hours or days. */
export const departmentSla = pgTable(
  'department_sla',
  {
    department: requestDepartmentEnum('department').primaryKey(),
    amount: integer('amount').notNull(),
    unit: slaUnitEnum('unit').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('department_sla_amount', sql`amount > 0`)],
);
