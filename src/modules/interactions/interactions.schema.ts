import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { contacts } from '../contacts/contacts.schema.js';
import { users } from '../users/users.schema.js';
import {
  type ChecklistAnswer,
  checklistKinds,
  interactionOrigins,
  interactionStatuses,
  interactionTypes,
} from './interactions.contracts.js';

export const interactionTypeEnum = pgEnum('interaction_type', interactionTypes);
export const interactionStatusEnum = pgEnum('interaction_status', interactionStatuses);
export const interactionOriginEnum = pgEnum('interaction_origin', interactionOrigins);
export const checklistKindEnum = pgEnum('checklist_kind', checklistKinds);

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
    /** planned in the weekly plan, logged off-plan in the app, or imported (C2) */
    origin: interactionOriginEnum('origin').notNull().default('import'),
    /** when a planned item was first planned for; moves change occurred_at, not this (plan adherence) */
    plannedFor: timestamp('planned_for', { withTimezone: true }),
    durationMinutes: integer('duration_minutes'),
    nextStep: text('next_step'),
    cancelReason: text('cancel_reason'),
    /** a training or a merchandising check carries its checklist (C4) */
    checklistKind: checklistKindEnum('checklist_kind'),
    checklist: jsonb('checklist').$type<ChecklistAnswer[]>(),
    /** when a planned item was marked done */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('interactions_account_idx').on(t.accountId, t.occurredAt),
    index('interactions_user_idx').on(t.userId, t.occurredAt),
    index('interactions_occurred_idx').on(t.occurredAt),
    index('interactions_planned_idx').on(t.userId, t.plannedFor).where(sql`planned_for IS NOT NULL`),
  ],
);

/** The client's people who took part in an interaction. */
export const interactionContacts = pgTable(
  'interaction_contacts',
  {
    interactionId: uuid('interaction_id')
      .notNull()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.interactionId, t.contactId] }), index('interaction_contacts_contact_idx').on(t.contactId)],
);

/** Each time a planned item is moved, from when to when and why (C2: plan vs done). */
export const interactionMoves = pgTable(
  'interaction_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interactionId: uuid('interaction_id')
      .notNull()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    movedBy: uuid('moved_by').references(() => users.id),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('interaction_moves_interaction_idx').on(t.interactionId)],
);
