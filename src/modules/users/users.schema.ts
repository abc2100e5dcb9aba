import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { departments, locales, roles } from '../../core/contracts.js';

export const roleEnum = pgEnum('role', roles);
export const departmentEnum = pgEnum('department', departments);
export const localeEnum = pgEnum('locale', locales);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** always stored lower-case */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    department: departmentEnum('department'),
    managerId: uuid('manager_id').references((): AnyPgColumn => users.id),
    locale: localeEnum('locale').notNull().default('en'),
    passwordHash: text('password_hash'),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_manager_idx').on(t.managerId), index('users_name_idx').on(sql`lower(${t.name})`)],
);
