import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts, accountTierEnum } from '../accounts/accounts.schema.js';
import { users } from '../users/users.schema.js';
import { criteria } from './scoring.js';

export const scoringCriterionEnum = pgEnum('scoring_criterion', criteria);
export const retierRunKindEnum = pgEnum('retier_run_kind', ['manual', 'monthly']);
export const retierProposalStatusEnum = pgEnum('retier_proposal_status', ['pending', 'approved', 'rejected', 'superseded']);
export const retierDirectionEnum = pgEnum('retier_direction', ['promote', 'demote']);

/** The tier thresholds of the company (one row; the defaults apply until someone saves). */
export const scoringSettings = pgTable(
  'scoring_settings',
  {
    id: integer('id').primaryKey().default(1),
    keyThreshold: smallint('key_threshold').notNull(),
    potentialThreshold: smallint('potential_threshold').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('scoring_settings_single_row', sql`${t.id} = 1`),
    check(
      'scoring_settings_thresholds',
      sql`0 <= ${t.potentialThreshold} AND ${t.potentialThreshold} < ${t.keyThreshold} AND ${t.keyThreshold} <= 100`,
    ),
  ],
);

/** The weight of each criterion in the score, 0..100. */
export const scoringWeights = pgTable(
  'scoring_weights',
  {
    criterion: scoringCriterionEnum('criterion').primaryKey(),
    weight: smallint('weight').notNull(),
  },
  (t) => [check('scoring_weights_range', sql`${t.weight} BETWEEN 0 AND 100`)],
);

/** That an account has been assessed, and the version editors must name to change it. */
export const accountScorecards = pgTable('account_scorecards', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One assessed criterion of an account, 0..5, with the assessor's reasoning. */
export const accountCriteria = pgTable(
  'account_criteria',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    criterion: scoringCriterionEnum('criterion').notNull(),
    value: smallint('value').notNull(),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.criterion] }), check('account_criteria_range', sql`${t.value} BETWEEN 0 AND 5`)],
);

/**
 * A re-tiering run. A monthly run claims its month with the unique (kind, period), so that several
 * `grove serve` processes on one database run it exactly once; manual runs have no period.
 */
export const retierRuns = pgTable(
  'retier_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: retierRunKindEnum('kind').notNull(),
    /** YYYY-MM of a monthly run in the company's time zone */
    period: text('period'),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    created: integer('created').notNull().default(0),
    superseded: integer('superseded').notNull().default(0),
    kept: integer('kept').notNull().default(0),
  },
  (t) => [unique('retier_runs_kind_period').on(t.kind, t.period), index('retier_runs_started_idx').on(t.startedAt)],
);

/** A proposed change of an account's tier, for the head to approve or reject. */
export const retierProposals = pgTable(
  'retier_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => retierRuns.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    fromTier: accountTierEnum('from_tier').notNull(),
    toTier: accountTierEnum('to_tier').notNull(),
    direction: retierDirectionEnum('direction').notNull(),
    /** the score when proposed */
    score: numeric('score', { precision: 5, scale: 2 }).notNull(),
    status: retierProposalStatusEnum('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('retier_proposals_one_pending').on(t.accountId).where(sql`${t.status} = 'pending'`),
    index('retier_proposals_status_idx').on(t.status, t.createdAt),
    index('retier_proposals_account_idx').on(t.accountId, t.createdAt),
    check('retier_proposals_changes', sql`${t.fromTier} <> ${t.toTier}`),
  ],
);
