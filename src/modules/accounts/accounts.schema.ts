import { type SQL, sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.js';
import { accountChannels, accountStatuses, accountTiers, teamRoles } from './accounts.contracts.js';

export const accountTierEnum = pgEnum('account_tier', accountTiers);
export const accountStatusEnum = pgEnum('account_status', accountStatuses);
export const accountChannelEnum = pgEnum('account_channel', accountChannels);
export const teamRoleEnum = pgEnum('account_team_role', teamRoles);

/** A client (legal entity) of the company: prospect, active, at risk or lost (A1, A7). */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the natural key of imports (import-format.md); null for accounts created in the app until given one */
    externalId: text('external_id').unique(),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    /** INN or another registration number */
    registrationNo: text('registration_no'),
    tier: accountTierEnum('tier').notNull().default('regular'),
    status: accountStatusEnum('status').notNull().default('active'),
    lostDate: date('lost_date', { mode: 'string' }),
    lostReason: text('lost_reason'),
    lostToCompetitorId: uuid('lost_to_competitor_id'),
    /** the owner today; the history is in account_owners (kept in step by the accounts service) */
    ownerId: uuid('owner_id').references(() => users.id),
    channel: accountChannelEnum('channel'),
    segment: text('segment'),
    industry: text('industry'),
    region: text('region'),
    city: text('city'),
    address: text('address'),
    website: text('website'),
    phone: text('phone'),
    currency: text('currency').notNull(),
    creditLimit: numeric('credit_limit', { precision: 18, scale: 2 }),
    paymentTermsDays: integer('payment_terms_days'),
    priceColumn: text('price_column'),
    /** prospecting (A7): where the lead came from and what happens next */
    source: text('source'),
    nextStep: text('next_step'),
    /** the weighted key-account score (A2), 0..100; its breakdown lives with the scoring module */
    score: numeric('score', { precision: 5, scale: 2 }),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    /** when the account plan last changed (kept by the plans module; null = no plan) */
    planUpdatedAt: timestamp('plan_updated_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** what the list's search box matches (one trigram index instead of an OR over columns) */
    searchText: text('search_text').generatedAlwaysAs(
      (): SQL =>
        sql`lower(${accounts.name} || ' ' || coalesce(${accounts.registrationNo}, '') || ' ' || coalesce(${accounts.city}, '') || ' ' || coalesce(${accounts.externalId}, ''))`,
    ),
    /** optimistic concurrency: every update must name the version it read */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('accounts_owner_idx').on(t.ownerId),
    index('accounts_name_idx').on(sql`lower(${t.name})`, t.id),
    index('accounts_updated_idx').on(t.updatedAt, t.id),
    index('accounts_tier_status_idx').on(t.tier, t.status),
    index('accounts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('accounts_lost_has_date', sql`${t.status} <> 'lost' OR ${t.lostDate} IS NOT NULL`),
    check('accounts_payment_terms', sql`${t.paymentTermsDays} IS NULL OR ${t.paymentTermsDays} >= 0`),
  ],
);

/**
 * Ownership history (import-format.md): the owner on day d is the assignment with the latest start
 * date on or before d. At most one assignment per account and start date; never rewritten otherwise.
 */
export const accountOwners = pgTable(
  'account_owners',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** '-infinity' when the owner has had the account from the beginning (owner_since empty) */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    /**
     * where the assignment came from: `account_row` (owner_email/owner_since of an accounts import row,
     * replaced when that row changes), `transfer` (account_transfers import), `handover`, `app`
     */
    origin: text('origin').notNull().default('app'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.startDate] }), index('account_owners_owner_idx').on(t.ownerId, t.startDate)],
);

/** The people around an account besides its owner (B2): juniors, sales support, department contacts. */
export const accountTeam = pgTable(
  'account_team',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: teamRoleEnum('role').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] }), index('account_team_user_idx').on(t.userId)],
);

/**
 * The account timeline (A5): one row per event, written by every module through the accounts
 * service. `kind` says which module and what; `data` holds what the timeline shows about it.
 */
export const accountEvents = pgTable(
  'account_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('account_events_account_idx').on(t.accountId, t.occurredAt)],
);

/** Named filters and columns of the account list, per user (A1 saved views). */
export const accountViews = pgTable(
  'account_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    columns: jsonb('columns').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_views_user_idx').on(t.userId)],
);
