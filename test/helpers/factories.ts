import crypto from 'node:crypto';
import * as OTPAuth from 'otpauth';
import type { Department, Role } from '../../src/core/contracts.js';
import type { Db } from '../../src/core/db/database.js';
import { hashPassword } from '../../src/modules/auth/secrets.js';
import { newTotpSecret } from '../../src/modules/auth/totp.js';
import { company } from '../../src/modules/company/company.schema.js';
import { users } from '../../src/modules/users/users.schema.js';
import type { TeamRole } from '../../src/modules/accounts/accounts.contracts.js';
import { accountOwners, accounts, accountTeam } from '../../src/modules/accounts/accounts.schema.js';
import { contacts } from '../../src/modules/contacts/contacts.schema.js';
import { sql } from 'drizzle-orm';
import { products } from '../../src/modules/products/products.schema.js';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export async function makeCompany(db: Db, patch: Partial<typeof company.$inferInsert> = {}) {
  await db
    .insert(company)
    .values({ name: 'Test Company', currency: 'RUB', timeZone: 'Europe/Moscow', defaultLocale: 'en', ...patch })
    .onConflictDoNothing();
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  totpSecret: string | null;
}

export async function makeUser(
  db: Db,
  opts: {
    role?: Role;
    managerId?: string;
    department?: Department;
    locale?: 'en' | 'ru';
    totp?: boolean;
    disabled?: boolean;
    name?: string;
  } = {},
): Promise<TestUser> {
  const role = opts.role ?? 'kam';
  // admin, head and hr must use two-factor: give them a confirmed second factor unless told otherwise
  const totp = opts.totp ?? ['admin', 'head', 'hr'].includes(role);
  const totpSecret = totp ? newTotpSecret() : null;
  passwordHash ??= hashPassword(PASSWORD);
  const email = `${role}-${crypto.randomBytes(4).toString('hex')}@example.test`;
  const [row] = await db
    .insert(users)
    .values({
      email,
      name: opts.name ?? `Test ${role}`,
      role,
      department: role === 'department' ? (opts.department ?? 'logistics') : null,
      managerId: opts.managerId ?? null,
      locale: opts.locale ?? 'en',
      passwordHash: await passwordHash,
      totpSecret,
      totpEnabled: totp,
      disabledAt: opts.disabled ? new Date() : null,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('user not created');
  return { id: row.id, email, role, totpSecret };
}

export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
}

let accountSeq = 0;

/** An account with an owner (and its first assignment), optionally with a team. */
export async function makeAccount(
  db: Db,
  opts: {
    ownerId: string;
    name?: string;
    tier?: 'key' | 'potential' | 'regular';
    status?: 'prospect' | 'active' | 'at_risk' | 'lost';
    team?: { userId: string; role: TeamRole }[];
    patch?: Partial<typeof accounts.$inferInsert>;
  },
): Promise<{ id: string; name: string }> {
  const name = opts.name ?? `Account ${++accountSeq} ${crypto.randomBytes(3).toString('hex')}`;
  const [row] = await db
    .insert(accounts)
    .values({
      name,
      ownerId: opts.ownerId,
      tier: opts.tier ?? 'regular',
      status: opts.status ?? 'active',
      lostDate: opts.status === 'lost' ? '2026-01-01' : null,
      currency: 'RUB',
      ...opts.patch,
    })
    .returning({ id: accounts.id });
  if (!row) throw new Error('account not created');
  await db.insert(accountOwners).values({ accountId: row.id, ownerId: opts.ownerId, startDate: '-infinity' });
  if (opts.team?.length) await db.insert(accountTeam).values(opts.team.map((m) => ({ accountId: row.id, ...m })));
  return { id: row.id, name };
}

export async function makeContact(
  db: Db,
  opts: { accountId: string; fullName?: string; patch?: Partial<typeof contacts.$inferInsert> },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(contacts)
    .values({ accountId: opts.accountId, fullName: opts.fullName ?? `Contact ${crypto.randomBytes(3).toString('hex')}`, ...opts.patch })
    .returning({ id: contacts.id });
  if (!row) throw new Error('contact not created');
  return row;
}

/** A product of the catalogue (products import), with exact decimal cost and price. */
export async function makeProduct(db: Db, patch: Partial<typeof products.$inferInsert> = {}): Promise<{ id: string; sku: string }> {
  const sku = patch.sku ?? `SKU-${crypto.randomBytes(4).toString('hex')}`;
  const [row] = await db
    .insert(products)
    .values({ name: `Product ${sku}`, type: 'product', unitCost: '10.0000', basePrice: '15.0000', ...patch, sku })
    .returning({ id: products.id });
  if (!row) throw new Error('product not created');
  return { id: row.id, sku };
}

/**
 * An order line, stamped with the account's owner on the order date and counted in the KPI summaries,
 * as the orders import stores one.
 */
export async function makeOrderLine(
  db: Db,
  opts: {
    orderId: string;
    lineNo?: number;
    accountId: string;
    productId: string;
    orderDate: string;
    quantity: string;
    unitPrice: string;
    discountPct?: string;
    unitCost?: string;
    status?: 'confirmed' | 'cancelled';
  },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO order_lines (order_id, line_no, account_id, order_date, product_id, quantity, unit_price, discount_pct, unit_cost, status, owner_id)
    VALUES (${opts.orderId}, ${opts.lineNo ?? 1}, ${opts.accountId}, ${opts.orderDate}, ${opts.productId}, ${opts.quantity},
            ${opts.unitPrice}, ${opts.discountPct ?? '0'}, ${opts.unitCost ?? '0'}, ${opts.status ?? 'confirmed'},
            kpi_owner_on(${opts.accountId}::uuid, ${opts.orderDate}::date))`);
  await db.execute(sql`SELECT kpi_refresh_days(ARRAY[${opts.orderDate}]::date[]), kpi_refresh_firsts(ARRAY[${opts.accountId}]::uuid[])`);
}
