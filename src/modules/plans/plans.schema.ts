import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgEnum, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { users } from '../users/users.schema.js';
import { needStatuses, opportunityKinds, opportunityStatuses, solutionStatuses, swotQuadrants } from './plans.contracts.js';

export const planNeedStatusEnum = pgEnum('plan_need_status', needStatuses);
export const planSolutionStatusEnum = pgEnum('plan_solution_status', solutionStatuses);
export const planSwotQuadrantEnum = pgEnum('plan_swot_quadrant', swotQuadrants);
export const planOpportunityKindEnum = pgEnum('plan_opportunity_kind', opportunityKinds);
export const planOpportunityStatusEnum = pgEnum('plan_opportunity_status', opportunityStatuses);

/** The head of an account plan (A4): one per account, created when someone starts the plan. */
export const accountPlans = pgTable('account_plans', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  businessGoals: text('business_goals'),
  nextReviewDate: date('next_review_date', { mode: 'string' }),
  lastReviewedAt: timestamp('last_reviewed_at', { withTimezone: true }),
  lastReviewedBy: uuid('last_reviewed_by').references(() => users.id),
  /** optimistic concurrency of the head fields (items carry their own versions) */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** the last change anywhere in the plan, and who made it */
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** Columns every list item of a plan has. */
const item = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  /** display order within the list (new items go last) */
  position: integer('position').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The client's needs as the KAM tracks them (JD: "analyse and track the needs of a key client"). */
export const planNeeds = pgTable(
  'plan_needs',
  {
    ...item(),
    title: text('title').notNull(),
    detail: text('detail'),
    status: planNeedStatusEnum('status').notNull().default('open'),
  },
  (t) => [index('plan_needs_account_idx').on(t.accountId, t.position)],
);

/** Individual solutions beyond the standard offer. */
export const planSolutions = pgTable(
  'plan_solutions',
  {
    ...item(),
    title: text('title').notNull(),
    description: text('description'),
    status: planSolutionStatusEnum('status').notNull().default('proposed'),
  },
  (t) => [index('plan_solutions_account_idx').on(t.accountId, t.position)],
);

/** The client's long-term goals, with a deadline and progress. */
export const planGoals = pgTable(
  'plan_goals',
  {
    ...item(),
    title: text('title').notNull(),
    description: text('description'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    progress: smallint('progress').notNull().default(0),
  },
  (t) => [index('plan_goals_account_idx').on(t.accountId, t.position), check('plan_goals_progress', sql`${t.progress} BETWEEN 0 AND 100`)],
);

/** One line of the SWOT analysis of the account. */
export const planSwotItems = pgTable(
  'plan_swot_items',
  {
    ...item(),
    quadrant: planSwotQuadrantEnum('quadrant').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('plan_swot_items_account_idx').on(t.accountId, t.position)],
);

/** Upsell, cross-sell, new product and renewal opportunities, in the account's currency. */
export const planOpportunities = pgTable(
  'plan_opportunities',
  {
    ...item(),
    title: text('title').notNull(),
    kind: planOpportunityKindEnum('kind').notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    probability: smallint('probability').notNull(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    status: planOpportunityStatusEnum('status').notNull().default('open'),
    notes: text('notes'),
  },
  (t) => [
    index('plan_opportunities_account_idx').on(t.accountId, t.position),
    check('plan_opportunities_probability', sql`${t.probability} BETWEEN 0 AND 100`),
    check('plan_opportunities_amount', sql`${t.amount} >= 0`),
  ],
);
