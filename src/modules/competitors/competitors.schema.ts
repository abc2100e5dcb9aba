import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { users } from '../users/users.schema.js';
import { threatLevels } from './competitors.contracts.js';

export const threatLevelEnum = pgEnum('threat_level', threatLevels);

/** The company's catalogue of competitors (A6). */
export const competitors = pgTable(
  'competitors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    website: text('website'),
    strengths: text('strengths'),
    weaknesses: text('weaknesses'),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('competitors_name_key').on(sql`lower(${t.name})`),
    index('competitors_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** A competitor at one of our accounts: share of wallet, products, prices, threat (JD 2.12). */
export const competitorPresence = pgTable(
  'competitor_presence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitors.id),
    shareOfWallet: smallint('share_of_wallet'),
    products: text('products'),
    priceNotes: text('price_notes'),
    priceIndex: smallint('price_index'),
    threat: threatLevelEnum('threat').notNull(),
    lastObserved: date('last_observed', { mode: 'string' }),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('competitor_presence_account_competitor_key').on(t.accountId, t.competitorId),
    index('competitor_presence_competitor_idx').on(t.competitorId, t.threat),
    check('competitor_presence_share', sql`${t.shareOfWallet} IS NULL OR ${t.shareOfWallet} BETWEEN 0 AND 100`),
    check('competitor_presence_price_index', sql`${t.priceIndex} IS NULL OR ${t.priceIndex} BETWEEN 1 AND 1000`),
  ],
);
