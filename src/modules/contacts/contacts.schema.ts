import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, pgEnum, pgTable, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { users } from '../users/users.schema.js';
import { attitudes, buyingRoles } from './contacts.contracts.js';

export const buyingRoleEnum = pgEnum('buying_role', buyingRoles);
export const attitudeEnum = pgEnum('attitude', attitudes);

/** A person at a client (A3): a stakeholder with a buying role, influence and attitude. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** contact_id of imports (import-format.md) */
    externalId: text('external_id').unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    title: text('title'),
    email: text('email'),
    phone: text('phone'),
    buyingRole: buyingRoleEnum('buying_role'),
    influence: smallint('influence'),
    attitude: attitudeEnum('attitude'),
    /** how strong our relation is, 1 (none) to 5 (trusted) */
    relationshipStrength: smallint('relationship_strength'),
    /** who on our side owns the relation */
    relationOwnerId: uuid('relation_owner_id').references(() => users.id),
    reportsToId: uuid('reports_to_id').references((): AnyPgColumn => contacts.id, { onDelete: 'set null' }),
    lastContactOn: date('last_contact_on', { mode: 'string' }),
    notes: text('notes'),
    /** position on the relationship map, when someone placed it by hand */
    mapX: real('map_x'),
    mapY: real('map_y'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contacts_account_idx').on(t.accountId),
    index('contacts_name_trgm_idx').using('gin', sql`${t.fullName} gin_trgm_ops`),
    check('contacts_influence', sql`${t.influence} IS NULL OR ${t.influence} BETWEEN 1 AND 5`),
    check('contacts_strength', sql`${t.relationshipStrength} IS NULL OR ${t.relationshipStrength} BETWEEN 1 AND 5`),
  ],
);
