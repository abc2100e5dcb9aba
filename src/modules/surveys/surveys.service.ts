import crypto from 'node:crypto';
import { and, count, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Locale } from '../../core/contracts.js';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError, notFound } from '../../core/errors.js';
import { startPeriodic } from '../../core/jobs/periodic.js';
import { assertCan } from '../../core/policy/policy.js';
import { visibleAccountsSql } from '../accounts/accounts.scope.js';
import { accounts } from '../accounts/accounts.schema.js';
import { requireAccount } from '../accounts/accounts.service.js';
import { sha256 } from '../auth/secrets.js';
import { dayRange } from '../company/calendar.js';
import { findCompany } from '../company/company.service.js';
import { contacts } from '../contacts/contacts.schema.js';
import { enqueueMail } from '../mail/mail.service.js';
import { users } from '../users/users.schema.js';
import type { NewSurvey, Survey, SurveyKind, Trend } from './surveys.contracts.js';
import { invitation } from './surveys.mail.js';
import { surveys } from './surveys.schema.js';

/**
 * Client feedback (D4): a short survey (a score from 1 to 5 and a comment) sent by e-mail after a
 * complaint is resolved, periodically to the decision makers of key accounts, or by the KAM. The link
 * carries a secret (only its SHA-256 is stored) and is answered once, without signing in.
 */

const VALID_DAYS = 30;
const PERIODIC_EVERY_DAYS = 90;
const DAY = 86_400_000;

export interface SurveyToSend {
  accountId: string;
  contactId: string | null;
  email: string;
  locale: Locale;
  kind: SurveyKind;
  complaintId?: string | null;
  reference?: string | null;
  sentById: string | null;
}

/** Creates the survey and queues its invitation in the caller's transaction. */
export async function sendSurveyIn(tx: Executor, publicUrl: string, s: SurveyToSend): Promise<string> {
  const token = crypto.randomBytes(24).toString('base64url');
  const [row] = await tx
    .insert(surveys)
    .values({
      accountId: s.accountId,
      contactId: s.contactId,
      email: s.email,
      locale: s.locale,
      kind: s.kind,
      complaintId: s.complaintId ?? null,
      tokenHash: sha256(token),
      sentById: s.sentById,
      expiresAt: new Date(Date.now() + VALID_DAYS * DAY),
    })
    .returning({ id: surveys.id });
  if (!row) throw new Error('survey not inserted');
  const company = (await findCompany(tx))?.name ?? 'Grove';
  const mail = invitation(s.locale, { company, url: `${publicUrl.replace(/\/$/, '')}/survey/${token}`, reference: s.reference ?? null });
  await enqueueMail(tx, { to: s.email, ...mail, kind: 'survey' });
  return row.id;
}

export async function sendSurvey(ctx: Ctx, body: NewSurvey): Promise<Survey> {
  const a = actorOf(ctx);
  assertCan(a, 'complaints.write');
  await requireAccount(ctx, body.accountId, 'full');
  let email = body.email;
  if (body.contactId) {
    const [c] = await ctx.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, body.contactId), eq(contacts.accountId, body.accountId)));
    if (!c) throw new AppError('SURVEY_CONTACT_NOT_ON_ACCOUNT', 422);
    email ??= c.email ?? undefined;
  }
  if (!email) throw new AppError('SURVEY_NO_EMAIL', 422);
  const locale = body.locale ?? (await findCompany(ctx.db))?.defaultLocale ?? 'en';
  const id = await ctx.db.transaction(async (tx) => {
    const created = await sendSurveyIn(tx, ctx.publicUrl, {
      accountId: body.accountId,
      contactId: body.contactId ?? null,
      email: email as string,
      locale,
      kind: 'periodic',
      sentById: a.userId,
    });
    await recordAudit(ctx, { action: 'survey.send', entity: 'survey', entityId: created, after: { accountId: body.accountId, email } }, tx);
    return created;
  });
  const [survey] = (await listSurveys(ctx, { accountId: body.accountId, limit: 200, offset: 0 })).items.filter((s) => s.id === id);
  if (!survey) throw notFound();
  return survey;
}

export async function listSurveys(ctx: Ctx, q: { accountId?: string; answered?: 'true' | 'false'; limit: number; offset: number }) {
  assertCan(actorOf(ctx), 'complaints.read');
  const where = and(
    await visibleAccountsSql(ctx),
    q.accountId ? eq(surveys.accountId, q.accountId) : undefined,
    q.answered === 'true' ? isNotNull(surveys.answeredAt) : q.answered === 'false' ? isNull(surveys.answeredAt) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        s: surveys,
        account: { id: accounts.id, name: accounts.name },
        contact: { id: contacts.id, name: contacts.fullName },
        by: { id: users.id, name: users.name },
      })
      .from(surveys)
      .innerJoin(accounts, eq(accounts.id, surveys.accountId))
      .leftJoin(contacts, eq(contacts.id, surveys.contactId))
      .leftJoin(users, eq(users.id, surveys.sentById))
      .where(where)
      .orderBy(desc(surveys.sentAt), desc(surveys.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(surveys).innerJoin(accounts, eq(accounts.id, surveys.accountId)).where(where),
  ]);
  return {
    items: rows.map(
      (r): Survey => ({
        id: r.s.id,
        account: r.account,
        contact: r.contact?.id ? r.contact : null,
        email: r.s.email,
        kind: r.s.kind,
        complaintId: r.s.complaintId,
        sentBy: r.by?.id ? r.by : null,
        sentAt: r.s.sentAt.toISOString(),
        expiresAt: r.s.expiresAt.toISOString(),
        answeredAt: r.s.answeredAt?.toISOString() ?? null,
        score: r.s.score,
        comment: r.s.comment,
      }),
    ),
    total: total?.n ?? 0,
  };
}

/** Average score per month answered, per account or per KAM (the account's owner), for the reader's accounts. */
export async function surveyTrend(ctx: Ctx, q: { from: string; to: string; by: 'account' | 'kam' }): Promise<Trend> {
  assertCan(actorOf(ctx), 'complaints.read');
  const scope = (await visibleAccountsSql(ctx)) ?? sql`true`;
  const zone = (await findCompany(ctx.db))?.timeZone ?? 'UTC';
  const range = sql.join(await dayRange(ctx, sql`s.answered_at`, q.from, q.to), sql` AND `);
  const key = q.by === 'account' ? sql`accounts.id, accounts.name` : sql`u.id, u.name`;
  const { rows } = await ctx.db.execute<{ id: string; name: string; month: string; sum: number; answers: number }>(sql`
    SELECT ${key}, to_char(s.answered_at AT TIME ZONE ${zone}, 'YYYY-MM') AS month, sum(s.score)::int AS sum, count(*)::int AS answers
    FROM surveys s JOIN accounts ON accounts.id = s.account_id JOIN users u ON u.id = accounts.owner_id
    WHERE s.answered_at IS NOT NULL AND ${range} AND ${scope}
    GROUP BY 1, 2, 3 ORDER BY 2, 3`);
  const byKey = new Map<string, Trend['rows'][number] & { sum: number }>();
  const one = (n: number) => Math.round(n * 10) / 10;
  for (const r of rows) {
    const row = byKey.get(r.id) ?? { key: { id: r.id, name: r.name }, months: [], average: 0, answers: 0, sum: 0 };
    row.months.push({ month: r.month, average: one(r.sum / r.answers), answers: r.answers });
    row.sum += r.sum;
    row.answers += r.answers;
    byKey.set(r.id, row);
  }
  return { rows: [...byKey.values()].map(({ sum, ...r }) => ({ ...r, average: one(sum / r.answers) })) };
}

async function byToken(db: Db | Executor, token: string) {
  const [row] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.tokenHash, sha256(token)), gt(surveys.expiresAt, new Date())));
  if (!row) throw notFound();
  return row;
}

/** What the client's survey page shows (no session: the secret is the credential; unknown or expired: 404). */
export async function publicSurvey(db: Db, token: string) {
  const row = await byToken(db, token);
  const company = (await findCompany(db))?.name ?? 'Grove';
  const [ref] = row.complaintId
    ? ((await db.execute<{ reference: string }>(sql`SELECT reference FROM complaints WHERE id = ${row.complaintId}`)).rows as {
        reference: string;
      }[])
    : [];
  return { company, locale: row.locale, answered: row.answeredAt !== null, reference: ref?.reference ?? null };
}

export async function answerSurvey(db: Db, token: string, body: { score: number; comment?: string }): Promise<void> {
  const row = await byToken(db, token);
  const [done] = await db
    .update(surveys)
    .set({ score: body.score, comment: body.comment || null, answeredAt: new Date() })
    .where(and(eq(surveys.id, row.id), isNull(surveys.answeredAt)))
    .returning({ id: surveys.id });
  if (!done) throw new AppError('SURVEY_ANSWERED', 409);
}

/**
 * Every 90 days each decision maker of a key account with an e-mail address gets a survey. One
 * process at a time sends (a transaction-level advisory lock), and "none in the last 90 days" is
 * checked inside it, so two processes never send the same contact two.
 */
export async function runPeriodicSurveys(db: Db, publicUrl: string, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows: lock } = await tx.execute<{ ok: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(hashtext('grove.surveys.periodic')) AS ok`,
    );
    if (!lock[0]?.ok) return 0;
    const locale = (await findCompany(tx))?.defaultLocale ?? 'en';
    const { rows } = await tx.execute<{ contact_id: string; account_id: string; email: string; owner_id: string | null }>(sql`
      SELECT c.id AS contact_id, c.account_id, c.email, a.owner_id
      FROM contacts c JOIN accounts a ON a.id = c.account_id
      WHERE a.tier = 'key' AND a.status <> 'lost' AND a.archived_at IS NULL AND c.archived_at IS NULL
        AND c.buying_role = 'decision_maker' AND c.email IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.contact_id = c.id AND s.sent_at > ${new Date(now.getTime() - PERIODIC_EVERY_DAYS * DAY)})
      ORDER BY c.id LIMIT 200`);
    for (const r of rows)
      await sendSurveyIn(tx, publicUrl, {
        accountId: r.account_id,
        contactId: r.contact_id,
        email: r.email,
        locale,
        kind: 'periodic',
        sentById: null,
      });
    return rows.length;
  });
}

export function startPeriodicSurveys(db: Db, publicUrl: string, log: Pick<Logger, 'warn'>): () => Promise<void> {
  return startPeriodic('periodic surveys', 6 * 3_600_000, () => runPeriodicSurveys(db, publicUrl), log);
}
