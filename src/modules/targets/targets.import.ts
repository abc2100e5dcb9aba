import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { decimal, email, integer, month } from '../imports/cells.js';
import { type EntityImporter, type ImportEnv, type Issue, type ParsedRow, type Plan, unparsed } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import { knownUser, rowAction, userIdsByEmail } from '../imports/lookups.js';

/**
 * plans (import-format.md): a manager's targets for a month (kpi.md `revenue_plan`), stored in
 * manager_targets with the month as its first day.
 */
export const plansImporter: EntityImporter = {
  entity: 'plans',
  key: ['manager_email', 'month'],
  columns: [
    { name: 'manager_email', required: true, parse: email },
    { name: 'month', required: true, parse: month },
    { name: 'revenue_target', required: true, parse: decimal({ scale: 2, min: 0 }) },
    { name: 'active_clients_target', parse: integer(0, 999_999_999) },
    { name: 'new_clients_target', parse: integer(0, 999_999_999) },
  ],
  plan: planTargets,
};

type Target = {
  user_id: string;
  month: string;
  revenue_target: string;
  active_clients_target: number | null;
  new_clients_target: number | null;
};
const optional = ['active_clients_target', 'new_clients_target'] as const;

const BATCH = 5000;

async function planTargets(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const userIds = await userIdsByEmail(
    tx,
    rows.map((r) => r.values.manager_email),
  );
  const stored = new Map(
    (
      await tx.execute<Target>(sql`
        SELECT user_id, month::text, revenue_target::text, active_clients_target, new_clients_target FROM manager_targets
        WHERE user_id = ANY(${sql.param([...new Set(userIds.values())])}::uuid[])`)
    ).rows.map((r) => [`${r.user_id}|${r.month}`, r]),
  );

  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const changed: Target[] = [];
  for (const row of rows) {
    const v = row.values;
    const userId = knownUser(row, 'manager_email', userIds, issues);
    if (!userId || typeof v.month !== 'string' || typeof v.revenue_target !== 'string') continue;
    if (optional.some((f) => unparsed(row, env.columns, f))) continue;
    const firstDay = `${v.month}-01`;
    const before = stored.get(`${userId}|${firstDay}`);
    const keep = (f: (typeof optional)[number]) => (env.columns.has(f) ? ((v[f] as number | null) ?? null) : (before?.[f] ?? null));
    const next: Target = {
      user_id: userId,
      month: firstDay,
      revenue_target: v.revenue_target,
      active_clients_target: keep('active_clients_target'),
      new_clients_target: keep('new_clients_target'),
    };
    const action = rowAction(before, next);
    actions.set(row.line, action);
    if (action !== 'unchanged') changed.push(next);
  }
  return { issues, actions, apply: (t) => applyTargets(t, changed, env) };
}

async function applyTargets(tx: Tx, changed: Target[], env: ImportEnv): Promise<void> {
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = JSON.stringify(changed.slice(i, i + BATCH));
    await tx.execute(sql`
      INSERT INTO manager_targets (user_id, month, revenue_target, active_clients_target, new_clients_target)
      SELECT user_id, month, revenue_target, active_clients_target, new_clients_target
      FROM jsonb_to_recordset(${batch}::jsonb) AS r(
        user_id uuid, month date, revenue_target numeric, active_clients_target integer, new_clients_target integer)
      ON CONFLICT (user_id, month) DO UPDATE SET
        revenue_target = excluded.revenue_target, active_clients_target = excluded.active_clients_target,
        new_clients_target = excluded.new_clients_target, updated_at = now()`);
    env.progress(Math.min(i + BATCH, changed.length), changed.length);
  }
}
