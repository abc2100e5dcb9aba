import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts, accountTierEnum } from '../accounts/accounts.schema.js';
import { contacts } from '../contacts/contacts.schema.js';
import { products } from '../products/products.schema.js';
import { localeEnum, users } from '../users/users.schema.js';
import { complaintChannels, complaintSeverities, complaintStatuses, slaUnits } from './complaints.contracts.js';

export const complaintSeverityEnum = pgEnum('complaint_severity', complaintSeverities);
export const complaintStatusEnum = pgEnum('complaint_status', complaintStatuses);
export const complaintChannelEnum = pgEnum('complaint_channel', complaintChannels);
export const slaUnitEnum = pgEnum('sla_unit', slaUnits);

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
    /** the number the client quotes, C-000123; imported complaints get one too */
    reference: text('reference').notNull().unique().default(sql`'C-' || to_char(nextval('complaint_reference_seq'), 'FM000000')`),
    channel: complaintChannelEnum('channel').notNull().default('import'),
    status: complaintStatusEnum('status').notNull().default('new'),
    subject: text('subject'),
    description: text('description'),
    /** who complained: a stakeholder of the account, or just an address (e-mail intake) */
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    contactEmail: text('contact_email'),
    contactName: text('contact_name'),
    /** the language of the client's acknowledgement and survey */
    clientLocale: localeEnum('client_locale'),
    /** who handles it: the account's owner at intake (the KAM handles complaints personally) */
    handlerId: uuid('handler_id').references(() => users.id),
    productId: uuid('product_id').references(() => products.id),
    orderId: text('order_id'),
    rootCause: text('root_cause'),
    correctiveAction: text('corrective_action'),
    resolution: text('resolution'),
    clientConfirmedAt: timestamp('client_confirmed_at', { withTimezone: true }),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** the SLA targets in business minutes, fixed at intake from the tier and severity */
    responseTargetMinutes: integer('response_target_minutes'),
    resolutionTargetMinutes: integer('resolution_target_minutes'),
    /** deadlines as of the pauses so far; null while paused or done */
    responseDueAt: timestamp('response_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    /** waiting for the client since (the clocks are stopped) */
    pausedSince: timestamp('paused_since', { withTimezone: true }),
    /** escalation steps, each recorded once: 75 % warning to the handler, breach to the senior and the head */
    responseWarnedAt: timestamp('response_warned_at', { withTimezone: true }),
    responseBreachedAt: timestamp('response_breached_at', { withTimezone: true }),
    resolutionWarnedAt: timestamp('resolution_warned_at', { withTimezone: true }),
    resolutionBreachedAt: timestamp('resolution_breached_at', { withTimezone: true }),
    /** a legal claim (претензия) adds the statutory clock in calendar days */
    legalClaim: boolean('legal_claim').notNull().default(false),
    legalDueAt: timestamp('legal_due_at', { withTimezone: true }),
    legalBreachedAt: timestamp('legal_breached_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('complaints_account_idx').on(t.accountId, t.receivedAt),
    index('complaints_received_idx').on(t.receivedAt),
    index('complaints_open_idx').on(t.status).where(sql`status NOT IN ('resolved', 'closed')`),
    index('complaints_response_due_idx').on(t.responseDueAt).where(sql`response_breached_at IS NULL AND response_due_at IS NOT NULL`),
    index('complaints_resolution_due_idx')
      .on(t.resolutionDueAt)
      .where(sql`resolution_breached_at IS NULL AND resolution_due_at IS NOT NULL`),
  ],
);

/** When the clocks stood still while the service desk waited for the client. */
export const complaintPauses = pgTable(
  'complaint_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('complaint_pauses_complaint_idx').on(t.complaintId, t.startedAt)],
);

/** The complaint's story: replies, status changes, pauses, escalations, notes. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.createdAt)],
);

/** SLA targets per tier and severity (D1), set by the head; key accounts may get tighter clocks. */
export const slaTargets = pgTable(
  'sla_targets',
  {
    tier: accountTierEnum('tier').notNull(),
    severity: complaintSeverityEnum('severity').notNull(),
    responseAmount: integer('response_amount').notNull(),
    responseUnit: slaUnitEnum('response_unit').notNull(),
    resolutionAmount: integer('resolution_amount').notNull(),
    resolutionUnit: slaUnitEnum('resolution_unit').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tier, t.severity] }), check('sla_targets_amounts', sql`response_amount > 0 AND resolution_amount > 0`)],
);
