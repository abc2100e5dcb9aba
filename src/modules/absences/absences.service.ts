import { and, asc, eq, gte, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { recordAudit } from '../../core/audit/audit.service.js';
import type { Role } from '../../core/contracts.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import type { Actor, ActingFor } from '../../core/policy/policy.js';
import { findCompany } from '../company/company.service.js';
import { notifyAbsenceEndedEarly } from '../notifications/notifications.sweep.js';
import { todayIn } from '../plans/plans.rules.js';
import { reportingLineOf } from '../users/reporting-line.js';
import { users } from '../users/users.schema.js';
import type {
  Absence,
  AbsenceListQuery,
  CoverStatus,
  CreateAbsenceRequest,
  DeputyList,
  UpdateAbsenceRequest,
} from './absences.contracts.js';
import { absenceStatus, canDeputise, deputyRolesFor, overlaps } from './absences.rules.js';
import { absences } from './absences.schema.js';

/** Roles that see every absence. */
const seesAll: readonly Role[] = ['admin', 'head', 'hr'];
/** Roles that record anybody's absence; the others record their own and their reporting line's. */
const recordsAll: readonly Role[] = ['admin', 'head'];

/** The company's calendar day: absences begin and end on company dates. */
export async function companyDay(db: Db): Promise<string> {
  const company = await findCompany(db);
  return todayIn(company?.timeZone ?? 'UTC');
}

/**
 * The absent colleagues a user covers today (B3): absences with them as deputy, under way on the
 * company's calendar day and not ended early, of users still active. One query per request.
 */
export async function actingForToday(db: Executor, userId: string): Promise<ActingFor[]> {
  const { rows } = await db.execute<{ user_id: string; role: Role; last_day: string }>(sql`
    SELECT a.user_id, u.role, a.last_day::text AS last_day
    FROM absences a JOIN users u ON u.id = a.user_id
    CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE coalesce((SELECT time_zone FROM company LIMIT 1), 'UTC'))::date AS today) d
    WHERE a.deputy_id = ${userId} AND a.ended_at IS NULL AND u.disabled_at IS NULL
      AND a.first_day <= d.today AND a.last_day >= d.today
    ORDER BY a.first_day, a.id`);
  return rows.map((r) => ({ userId: r.user_id, role: r.role, until: r.last_day }));
}

const absent = alias(users, 'absent');
const deputy = alias(users, 'deputy');
const creator = alias(users, 'creator');
type Row = typeof absences.$inferSelect;

async function select(tx: Executor, where: SQL | undefined, today: string): Promise<Absence[]> {
  const rows = await tx
    .select({
      a: absences,
      userName: absent.name,
      deputyName: deputy.name,
      creatorName: creator.name,
    })
    .from(absences)
    .innerJoin(absent, eq(absent.id, absences.userId))
    .innerJoin(deputy, eq(deputy.id, absences.deputyId))
    .leftJoin(creator, eq(creator.id, absences.createdById))
    .where(where)
    .orderBy(asc(absences.firstDay), asc(absences.id));
  return rows.map(({ a, userName, deputyName, creatorName }) => ({
    id: a.id,
    user: { id: a.userId, name: userName },
    deputy: { id: a.deputyId, name: deputyName },
    kind: a.kind,
    firstDay: a.firstDay,
    lastDay: a.lastDay,
    endedAt: a.endedAt?.toISOString() ?? null,
    status: absenceStatus(a, today),
    note: a.note,
    createdBy: a.createdById && creatorName ? { id: a.createdById, name: creatorName } : null,
    createdAt: a.createdAt.toISOString(),
  }));
}

export async function listAbsences(ctx: Ctx, q: AbsenceListQuery): Promise<Absence[]> {
  const actor = ctx.actor!;
  const today = await companyDay(ctx.db);
  const where: SQL[] = [];
  if (q.scope === 'mine') where.push(eq(absences.userId, actor.userId));
  else if (q.scope === 'covering') where.push(eq(absences.deputyId, actor.userId));
  else if (q.scope === 'team') {
    const line = await reportingLineOf(ctx.db, [actor.userId]);
    if (!line.length) return [];
    where.push(inArray(absences.userId, line));
  } else if (!seesAll.includes(actor.role)) throw forbidden();
  if (q.past === 'false') where.push(and(isNull(absences.endedAt), gte(absences.lastDay, today))!);
  return select(ctx.db, and(...where), today);
}

/** What the banner shows: whom the user covers today, and who covers them. */
export async function coverStatus(ctx: Ctx): Promise<CoverStatus> {
  const actor = ctx.actor!;
  const today = await companyDay(ctx.db);
  const current = and(isNull(absences.endedAt), sql`${absences.firstDay} <= ${today}`, gte(absences.lastDay, today));
  const rows = await select(ctx.db, and(current, or(eq(absences.deputyId, actor.userId), eq(absences.userId, actor.userId))), today);
  return {
    covering: rows.filter((r) => r.deputy.id === actor.userId).map((r) => ({ absenceId: r.id, user: r.user, lastDay: r.lastDay })),
    coveredBy: rows.filter((r) => r.user.id === actor.userId).map((r) => ({ absenceId: r.id, deputy: r.deputy, lastDay: r.lastDay })),
  };
}

/** May the actor record or change absences of `userId`: themselves, their managers up the line, head, admin. */
async function mayRecordFor(tx: Executor, actor: Actor, userId: string): Promise<boolean> {
  if (userId === actor.userId || recordsAll.includes(actor.role)) return true;
  return (await reportingLineOf(tx, [actor.userId])).includes(userId);
}

/** May the actor see this absence at all (else 404). */
async function maySee(tx: Executor, actor: Actor, a: Row): Promise<boolean> {
  if (seesAll.includes(actor.role) || a.userId === actor.userId || a.deputyId === actor.userId) return true;
  return (await reportingLineOf(tx, [actor.userId])).includes(a.userId);
}

async function activeUser(tx: Executor, id: string) {
  const [u] = await tx
    .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id));
  return u ?? null;
}

/** Checks dates, deputy and overlaps of an absence as it would be saved. */
async function validate(tx: Executor, next: { id?: string; userId: string; deputyId: string; firstDay: string; lastDay: string }) {
  if (next.lastDay < next.firstDay) throw new AppError('ABSENCE_DATES_INVALID', 400);
  const user = await activeUser(tx, next.userId);
  if (!user) throw notFound();
  const dep = await activeUser(tx, next.deputyId);
  if (!dep || dep.disabledAt || dep.id === user.id || !canDeputise(user.role, dep.role)) throw new AppError('ABSENCE_DEPUTY_INVALID', 400);
  const others = await tx
    .select()
    .from(absences)
    .where(and(eq(absences.userId, next.userId), isNull(absences.endedAt), next.id ? ne(absences.id, next.id) : undefined));
  const clash = others.find((o) => overlaps(o, { ...next, endedAt: null }));
  if (clash) throw new AppError('ABSENCE_OVERLAP', 409, { name: user.name, from: clash.firstDay, to: clash.lastDay });
}

async function lockUser(tx: Executor, userId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('absences'), hashtext(${userId}))`);
}

const snapshot = (a: Row) => ({
  userId: a.userId,
  deputyId: a.deputyId,
  kind: a.kind,
  firstDay: a.firstDay,
  lastDay: a.lastDay,
  endedAt: a.endedAt,
});

export async function createAbsence(ctx: Ctx, input: CreateAbsenceRequest): Promise<Absence> {
  const actor = ctx.actor!;
  const userId = input.userId ?? actor.userId;
  const today = await companyDay(ctx.db);
  return ctx.db.transaction(async (tx) => {
    if (!(await mayRecordFor(tx, actor, userId))) {
      // someone the actor may not see answers as missing
      const visible = seesAll.includes(actor.role);
      throw visible ? forbidden() : notFound();
    }
    await lockUser(tx, userId);
    await validate(tx, { userId, deputyId: input.deputyId, firstDay: input.firstDay, lastDay: input.lastDay });
    const [row] = await tx
      .insert(absences)
      .values({
        userId,
        deputyId: input.deputyId,
        kind: input.kind,
        firstDay: input.firstDay,
        lastDay: input.lastDay,
        note: input.note ?? null,
        createdById: actor.userId,
      })
      .returning();
    if (!row) throw new Error('absence not created');
    await recordAudit(ctx, { action: 'absence.created', entity: 'absence', entityId: row.id, after: snapshot(row) }, tx);
    const [out] = await select(tx, eq(absences.id, row.id), today);
    return out!;
  });
}

/** Loads an absence the actor may change: 404 when they may not see it, 403 when they may only look. */
async function forChange(tx: Executor, actor: Actor, id: string): Promise<Row> {
  const [row] = await tx.select().from(absences).where(eq(absences.id, id)).for('update');
  if (!row || !(await maySee(tx, actor, row))) throw notFound();
  if (!(await mayRecordFor(tx, actor, row.userId))) throw forbidden();
  return row;
}

export async function updateAbsence(ctx: Ctx, id: string, input: UpdateAbsenceRequest): Promise<Absence> {
  const actor = ctx.actor!;
  const today = await companyDay(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const before = await forChange(tx, actor, id);
    await lockUser(tx, before.userId);
    const status = absenceStatus(before, today);
    if (status === 'over') throw new AppError('ABSENCE_ENDED', 409);
    if (status === 'active' && input.firstDay && input.firstDay !== before.firstDay) throw new AppError('ABSENCE_ALREADY_STARTED', 409);
    const next = {
      id,
      userId: before.userId,
      deputyId: input.deputyId ?? before.deputyId,
      firstDay: input.firstDay ?? before.firstDay,
      lastDay: input.lastDay ?? before.lastDay,
    };
    if (status === 'active' && next.lastDay < today) throw new AppError('ABSENCE_DATES_INVALID', 400);
    await validate(tx, next);
    const [after] = await tx
      .update(absences)
      .set({
        deputyId: next.deputyId,
        firstDay: next.firstDay,
        lastDay: next.lastDay,
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        updatedAt: new Date(),
      })
      .where(eq(absences.id, id))
      .returning();
    await recordAudit(
      ctx,
      { action: 'absence.updated', entity: 'absence', entityId: id, before: snapshot(before), after: snapshot(after!) },
      tx,
    );
    const [out] = await select(tx, eq(absences.id, id), today);
    return out!;
  });
}

/** Ends an absence under way: the deputy loses the rights at once; the last day becomes today. */
export async function endAbsence(ctx: Ctx, id: string): Promise<Absence> {
  const actor = ctx.actor!;
  const today = await companyDay(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const before = await forChange(tx, actor, id);
    if (absenceStatus(before, today) !== 'active') throw new AppError('ABSENCE_NOT_ACTIVE', 409);
    const [after] = await tx
      .update(absences)
      .set({ endedAt: new Date(), lastDay: today, updatedAt: new Date() })
      .where(eq(absences.id, id))
      .returning();
    await recordAudit(
      ctx,
      { action: 'absence.ended', entity: 'absence', entityId: id, before: snapshot(before), after: snapshot(after!) },
      tx,
    );
    await notifyAbsenceEndedEarly(tx, after!);
    const [out] = await select(tx, eq(absences.id, id), today);
    return out!;
  });
}

/** Deletes an absence that has not started yet (one under way is ended instead). */
export async function deleteAbsence(ctx: Ctx, id: string): Promise<void> {
  const actor = ctx.actor!;
  const today = await companyDay(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const before = await forChange(tx, actor, id);
    const status = absenceStatus(before, today);
    if (status === 'active') throw new AppError('ABSENCE_ALREADY_STARTED', 409);
    if (status === 'over') throw new AppError('ABSENCE_ENDED', 409);
    await tx.delete(absences).where(eq(absences.id, id));
    await recordAudit(ctx, { action: 'absence.deleted', entity: 'absence', entityId: id, before: snapshot(before) }, tx);
  });
}

/** The colleagues who may deputise for `userId` (active, not them, able to do the work), for the picker. */
export async function listDeputies(ctx: Ctx, userId: string | undefined): Promise<DeputyList> {
  const actor = ctx.actor!;
  const id = userId ?? actor.userId;
  if (!(await mayRecordFor(ctx.db, actor, id))) throw seesAll.includes(actor.role) ? forbidden() : notFound();
  const user = await activeUser(ctx.db, id);
  if (!user) throw notFound();
  const items = await ctx.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), ne(users.id, id), inArray(users.role, [...deputyRolesFor(user.role)])))
    .orderBy(asc(users.name));
  return { items };
}
