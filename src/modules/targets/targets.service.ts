import { and, asc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor, Tx } from '../../core/db/tx.js';
import { AppError, conflict } from '../../core/errors.js';
import { assertCan, can } from '../../core/policy/policy.js';
import { visibleManagerIds } from '../kpi/kpi.service.js';
import { users } from '../users/users.schema.js';
import { type ManagerTargetRow, plannedRoles, type SaveTargetsRequest, type TargetGrid, type TargetRow } from './targets.contracts.js';
import { departmentTargets, managerTargets } from './targets.schema.js';
import { sumDecimals, toUnits } from './targets.split.js';

const monthOf = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}-01`;
const bounds = (year: number) => ({ from: monthOf(year, 1), to: monthOf(year + 1, 1) });
const monthIndex = (date: string) => Number(date.slice(5, 7)) - 1;
const emptyRow = (): TargetRow => ({
  revenue: Array(12).fill(null),
  activeClients: Array(12).fill(null),
  newClients: Array(12).fill(null),
});

interface Values {
  revenueTarget: string;
  activeClientsTarget: number | null;
  newClientsTarget: number | null;
}

function place(row: TargetRow, month: string, v: Values) {
  const i = monthIndex(month);
  row.revenue[i] = v.revenueTarget;
  row.activeClients[i] = v.activeClientsTarget;
  row.newClients[i] = v.newClientsTarget;
}

/**
 * A fingerprint of every department and manager plan of the year: any change (in the app or by an
 * import) gives another one. The rule of concurrent saves: a save must name the fingerprint it read.
 */
export async function yearVersion(db: Executor, year: number): Promise<string> {
  const { from, to } = bounds(year);
  const { rows } = await db.execute<{ v: string }>(sql`
    SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS v FROM (
      SELECT 'd' || month || ':' || revenue_target || ':' || coalesce(active_clients_target::text, '-') || ':' ||
             coalesce(new_clients_target::text, '-') AS x
      FROM department_targets WHERE month >= ${from} AND month < ${to}
      UNION ALL
      SELECT 'm' || user_id || ':' || month || ':' || revenue_target || ':' || coalesce(active_clients_target::text, '-') || ':' ||
             coalesce(new_clients_target::text, '-')
      FROM manager_targets WHERE month >= ${from} AND month < ${to}
    ) s`);
  return rows[0]?.v ?? '';
}

/** Users with a row in the grid of a year: active KAMs and senior KAMs, and anyone with a plan that year (a manager who left). */
function plannable(year: number): SQL {
  const { from, to } = bounds(year);
  return sql`((${users.role} IN ${plannedRoles} AND ${users.disabledAt} IS NULL)
    OR EXISTS (SELECT 1 FROM manager_targets t WHERE t.user_id = ${users.id} AND t.month >= ${from} AND t.month < ${to}))`;
}

/** The plans grid of a year: the department's row, the managers' rows the reader may see, and the sums. */
export async function getTargets(ctx: Ctx, year: number, db: Executor = ctx.db): Promise<TargetGrid> {
  const actor = actorOf(ctx);
  assertCan(actor, 'targets.read');
  const { from, to } = bounds(year);
  // the plans of the managers whose figures the reader may see (policy.kpiScope)
  const ids = await visibleManagerIds(ctx);
  const visible = ids ? [...ids] : null;
  const inYear = and(gte(managerTargets.month, from), lt(managerTargets.month, to));
  const [version, deptRows, planRows, people] = await Promise.all([
    yearVersion(db, year),
    db
      .select()
      .from(departmentTargets)
      .where(and(gte(departmentTargets.month, from), lt(departmentTargets.month, to))),
    db.select().from(managerTargets).where(inYear),
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(
        and(plannable(year), visible ? inArray(users.id, visible.length ? visible : ['00000000-0000-4000-8000-000000000000']) : undefined),
      )
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id)),
  ]);
  const department = emptyRow();
  for (const d of deptRows) place(department, d.month, d);
  const byUser = new Map<string, TargetRow>();
  for (const p of planRows) {
    const row = byUser.get(p.userId) ?? emptyRow();
    byUser.set(p.userId, row);
    place(row, p.month, p);
  }
  const managers = people.map(
    (u): ManagerTargetRow => ({
      user: { id: u.id, name: u.name, email: u.email, role: u.role },
      planned: (plannedRoles as readonly string[]).includes(u.role) && u.disabledAt === null,
      disabled: u.disabledAt !== null,
      ...(byUser.get(u.id) ?? emptyRow()),
    }),
  );
  let totals: TargetRow | null = null;
  if (!visible) {
    const all = [...byUser.values()];
    totals = {
      revenue: Array.from({ length: 12 }, (_, i) =>
        sumDecimals(
          all.map((r) => r.revenue[i]),
          2,
        ),
      ),
      activeClients: Array.from({ length: 12 }, (_, i) => all.reduce((s, r) => s + (r.activeClients[i] ?? 0), 0)),
      newClients: Array.from({ length: 12 }, (_, i) => all.reduce((s, r) => s + (r.newClients[i] ?? 0), 0)),
    };
  }
  return { year, version, department, managers, totals, can: { edit: can(actor, 'targets.write') } };
}

type Change = SaveTargetsRequest['department'][number];

/** The row after a change: undefined fields keep their value; a row with nothing planned is removed (null). */
function merge(before: Values | undefined, change: Change): Values | null {
  const pick = <K extends keyof Change>(k: K, current: Change[K] | undefined) => (change[k] === undefined ? current : change[k]);
  const revenue = pick('revenue', before?.revenueTarget) ?? null;
  const active = pick('activeClients', before?.activeClientsTarget) ?? null;
  const fresh = pick('newClients', before?.newClientsTarget) ?? null;
  // revenue is stored (0 for none) while a count is planned; a row with no count and no revenue is no plan
  if ((revenue === null || toUnits(revenue, 2) === 0n) && active === null && fresh === null) return null;
  return { revenueTarget: revenue ?? '0', activeClientsTarget: active, newClientsTarget: fresh };
}

function same(a: Values | undefined, b: Values | null): boolean {
  if (!a || !b) return !a && !b;
  return (
    toUnits(a.revenueTarget, 2) === toUnits(b.revenueTarget, 2) &&
    a.activeClientsTarget === b.activeClientsTarget &&
    a.newClientsTarget === b.newClientsTarget
  );
}

const shown = (v: Values | null | undefined) =>
  v ? { revenue: v.revenueTarget, activeClients: v.activeClientsTarget, newClients: v.newClientsTarget } : null;

/** Managers a plan may be given to: active KAMs and senior KAMs, or whoever already has one this year. */
async function assertPlannable(tx: Tx, year: number, userIds: string[]) {
  if (!userIds.length) return;
  const ok = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), plannable(year)));
  const found = new Set(ok.map((r) => r.id));
  const missing = userIds.find((id) => !found.has(id));
  if (missing) throw new AppError('TARGET_MANAGER_INVALID', 400, { userId: missing });
}

/**
 * Saves changed cells of a year's plans, all or nothing. The request names the grid version it was
 * made on; if the year's plans changed since, nothing is stored and the answer is 409 (the web app
 * keeps the user's edits and offers to apply them to the fresh grid).
 */
export async function saveTargets(ctx: Ctx, year: number, input: SaveTargetsRequest): Promise<TargetGrid> {
  assertCan(actorOf(ctx), 'targets.write');
  const { from, to } = bounds(year);
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`targets:${year}`}))`);
    if ((await yearVersion(tx, year)) !== input.version) throw conflict();
    const userIds = [...new Set(input.managers.map((m) => m.userId))];
    await assertPlannable(tx, year, userIds);

    const audit: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
    const deptBefore = new Map(
      (
        await tx
          .select()
          .from(departmentTargets)
          .where(and(gte(departmentTargets.month, from), lt(departmentTargets.month, to)))
      ).map((r) => [r.month, r]),
    );
    for (const change of input.department) {
      const month = monthOf(year, change.month);
      const before = deptBefore.get(month);
      const after = merge(before, change);
      if (same(before, after)) continue;
      audit.before[`department ${month}`] = shown(before);
      audit.after[`department ${month}`] = shown(after);
      if (!after) await tx.delete(departmentTargets).where(eq(departmentTargets.month, month));
      else
        await tx
          .insert(departmentTargets)
          .values({ month, ...after })
          .onConflictDoUpdate({ target: departmentTargets.month, set: { ...after, updatedAt: sql`now()` } });
    }

    const planBefore = new Map(
      (userIds.length
        ? await tx
            .select()
            .from(managerTargets)
            .where(and(inArray(managerTargets.userId, userIds), gte(managerTargets.month, from), lt(managerTargets.month, to)))
        : []
      ).map((r) => [`${r.userId}:${r.month}`, r]),
    );
    const upserts: (Values & { userId: string; month: string })[] = [];
    const removed: { userId: string; month: string }[] = [];
    for (const change of input.managers) {
      const month = monthOf(year, change.month);
      const key = `${change.userId}:${month}`;
      const before = planBefore.get(key);
      const after = merge(before, change);
      if (same(before, after)) continue;
      audit.before[key] = shown(before);
      audit.after[key] = shown(after);
      if (!after) removed.push({ userId: change.userId, month });
      else upserts.push({ userId: change.userId, month, ...after });
    }
    // one statement for the cleared cells, however many (a year cleared for the whole department)
    if (removed.length)
      await tx.execute(sql`
        DELETE FROM manager_targets t
        USING unnest(${sql.param(removed.map((r) => r.userId))}::uuid[], ${sql.param(removed.map((r) => r.month))}::date[]) AS d(user_id, month)
        WHERE t.user_id = d.user_id AND t.month = d.month`);
    for (let i = 0; i < upserts.length; i += 1000) {
      await tx
        .insert(managerTargets)
        .values(upserts.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: [managerTargets.userId, managerTargets.month],
          set: {
            revenueTarget: sql`excluded.revenue_target`,
            activeClientsTarget: sql`excluded.active_clients_target`,
            newClientsTarget: sql`excluded.new_clients_target`,
            updatedAt: sql`now()`,
          },
        });
    }
    if (Object.keys(audit.after).length)
      await recordAudit(ctx, { action: 'targets.update', entity: 'targets', entityId: String(year), ...audit }, tx);
  });
  return getTargets(ctx, year);
}
