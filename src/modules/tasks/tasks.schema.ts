import { date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { users } from '../users/users.schema.js';
import { taskPriorities, taskStatuses } from './tasks.contracts.js';

export const taskPriorityEnum = pgEnum('task_priority', taskPriorities);
export const taskStatusEnum = pgEnum('task_status', taskStatuses);

/** A task one user gives another (or themselves) (B2, B4). */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description'),
    accountId: uuid('account_id').references(() => accounts.id),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id),
    giverId: uuid('giver_id')
      .notNull()
      .references(() => users.id),
    dueDate: date('due_date'),
    priority: taskPriorityEnum('priority').notNull().default('normal'),
    status: taskStatusEnum('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_assignee_idx').on(t.assigneeId, t.status),
    index('tasks_giver_idx').on(t.giverId, t.status),
    index('tasks_account_idx').on(t.accountId),
  ],
);

export const taskComments = pgTable(
  'task_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_comments_task_idx').on(t.taskId, t.createdAt)],
);
