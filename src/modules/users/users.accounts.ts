import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../core/contracts.js';
import type { Db } from '../../core/db/database.js';
import { users } from './users.schema.js';

/**
 * Credential fields of users, for the auth module only (sign-in, two-factor, invitations).
 * Nothing here checks access: callers are the authentication flows themselves.
 */
export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export async function findActiveUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)));
  return row;
}

export async function markSignedIn(db: Db, id: string, locale?: Locale): Promise<void> {
  await db
    .update(users)
    .set({ lastSignInAt: new Date(), ...(locale ? { locale } : {}) })
    .where(eq(users.id, id));
}

export async function setPasswordHash(db: Pick<Db, 'update'>, id: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, id));
}

export async function setTotp(db: Pick<Db, 'update'>, id: string, totp: { secret: string | null; enabled: boolean }) {
  await db.update(users).set({ totpSecret: totp.secret, totpEnabled: totp.enabled, updatedAt: sql`now()` }).where(eq(users.id, id));
}
