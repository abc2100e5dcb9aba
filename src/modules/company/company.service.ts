import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError } from '../../core/errors.js';
import { assertCan } from '../../core/policy/policy.js';
import { hashPassword } from '../auth/secrets.js';
import { users } from '../users/users.schema.js';
import type { Company, CompanyInput, SetupRequest } from './company.contracts.js';
import { invalidateBusinessCalendar } from './business-calendar.service.js';
import { company } from './company.schema.js';

export async function findCompany(db: Db | Executor): Promise<(Company & { demo: boolean; legalClaimDays: number }) | null> {
  const [row] = await db.select().from(company).where(eq(company.id, 1));
  return row
    ? {
        name: row.name,
        currency: row.currency,
        timeZone: row.timeZone,
        defaultLocale: row.defaultLocale,
        activityWindowDays: row.activityWindowDays,
        demo: row.demo,
        legalClaimDays: row.legalClaimDays,
      }
    : null;
}

export async function getCompany(ctx: Ctx): Promise<Company> {
  assertCan(actorOf(ctx), 'company.read');
  const c = await findCompany(ctx.db);
  if (!c) throw new AppError('SERVICE_UNAVAILABLE', 503);
  const { demo: _demo, legalClaimDays: _days, ...rest } = c;
  return rest;
}

export async function updateCompany(ctx: Ctx, input: CompanyInput): Promise<Company> {
  assertCan(actorOf(ctx), 'company.manage');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(company).where(eq(company.id, 1)).for('update');
    await tx.update(company).set(input).where(eq(company.id, 1));
    await recordAudit(ctx, { action: 'company.update', entity: 'company', entityId: '1', before, after: input }, tx);
  });
  // the SLA clocks count in the company's time zone
  invalidateBusinessCalendar();
  return getCompany(ctx);
}

/** First run: the company and its first administrator, once. */
export async function setUp(ctx: Ctx, input: SetupRequest): Promise<void> {
  const passwordHash = await hashPassword(input.admin.password);
  await ctx.db.transaction(async (tx) => {
    const created = await tx.insert(company).values(input.company).onConflictDoNothing().returning({ id: company.id });
    if (!created.length) throw new AppError('SETUP_DONE', 409);
    const [admin] = await tx
      .insert(users)
      .values({ email: input.admin.email, name: input.admin.name, role: 'admin', locale: input.company.defaultLocale, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!admin) throw new AppError('SETUP_DONE', 409);
    await recordAudit(
      ctx,
      {
        action: 'company.setup',
        entity: 'company',
        entityId: '1',
        after: { company: input.company, admin: input.admin.email },
        actorId: admin.id,
      },
      tx,
    );
  });
}

/** The statutory answer period of legal claims (D1), set with the SLA targets. */
export async function setLegalClaimDays(tx: Executor, days: number): Promise<void> {
  await tx.update(company).set({ legalClaimDays: days }).where(eq(company.id, 1));
}
