import { sql } from 'drizzle-orm';
import { departments, locales, roles } from '../../core/contracts.js';
import type { Tx } from '../../core/db/tx.js';
import { endAllSessions } from '../auth/sessions.js';
import { email, oneOf, text } from '../imports/cells.js';
import { type EntityImporter, type ImportEnv, type Issue, type ParsedRow, type Plan, unparsed } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';

export const usersImporter: EntityImporter = {
  entity: 'users',
  key: ['email'],
  columns: [
    { name: 'email', required: true, parse: email },
    { name: 'name', required: true, parse: text(200) },
    { name: 'role', required: true, parse: oneOf(roles) },
    { name: 'manager_email', parse: email },
    { name: 'department', parse: oneOf(departments) },
    { name: 'locale', parse: oneOf(locales) },
  ],
  plan: planUsers,
};

type Stored = {
  id: string;
  email: string;
  name: string;
  role: string;
  department: string | null;
  locale: string;
  manager_email: string | null;
  disabled: boolean;
};
type Next = {
  email: string;
  name: string;
  role: string;
  department: string | null;
  locale: string;
  manager_email: string | null;
  action: RowAction;
  role_changed: boolean;
};

async function planUsers(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const { rows: storedRows } = await tx.execute<Stored>(sql`
    SELECT u.id, u.email, u.name, u.role::text, u.department::text, u.locale::text, m.email AS manager_email,
           u.disabled_at IS NOT NULL AS disabled
    FROM users u LEFT JOIN users m ON m.id = u.manager_id`);
  const stored = new Map(storedRows.map((u) => [u.email, u]));
  const [company] = (await tx.execute<{ locale: string }>(sql`SELECT default_locale::text AS locale FROM company WHERE id = 1`)).rows;
  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const next: Next[] = [];
  const lineOf = new Map<string, number>();
  const has = (c: string) => env.columns.has(c);

  for (const row of rows) {
    const v = row.values;
    // a cell that did not parse is undefined: the row is refused already; check only what is known
    if (v.email == null || v.role == null || ['department', 'manager_email'].some((c) => unparsed(row, env.columns, c))) continue;
    const mail = v.email as string;
    lineOf.set(mail, row.line);
    const before = stored.get(mail);
    const role = v.role as string;
    const department = has('department') ? ((v.department as string | null) ?? null) : (before?.department ?? null);
    const manager = has('manager_email') ? ((v.manager_email as string | null) ?? null) : (before?.manager_email ?? null);
    const rowIssues: Issue[] = [];
    if (role === 'department' && !department) rowIssues.push({ line: row.line, column: 'department', code: 'DEPARTMENT_REQUIRED' });
    if (role !== 'department' && department) rowIssues.push({ line: row.line, column: 'department', code: 'DEPARTMENT_NOT_ALLOWED' });
    if (manager === mail) rowIssues.push({ line: row.line, column: 'manager_email', code: 'MANAGER_SELF' });
    else if (manager) {
      // a manager is a user already stored, or one on an earlier line of this file
      const earlier = (lineOf.get(manager) ?? Number.POSITIVE_INFINITY) < row.line;
      if (!stored.has(manager) && !earlier)
        rowIssues.push({ line: row.line, column: 'manager_email', code: 'UNKNOWN_USER', params: { email: manager } });
      else if (stored.get(manager)?.disabled && !earlier)
        rowIssues.push({ line: row.line, column: 'manager_email', code: 'MANAGER_DISABLED', params: { email: manager } });
    }
    issues.push(...rowIssues);
    if (rowIssues.length) continue;
    const n = {
      email: mail,
      name: v.name as string,
      role,
      department,
      locale: has('locale') ? ((v.locale as string | null) ?? company?.locale ?? 'en') : (before?.locale ?? company?.locale ?? 'en'),
      manager_email: manager,
    };
    const same = before && (['name', 'role', 'department', 'locale', 'manager_email'] as const).every((k) => before[k] === n[k]);
    const action: RowAction = !before ? 'insert' : same ? 'unchanged' : 'update';
    actions.set(row.line, action);
    next.push({ ...n, action, role_changed: !!before && before.role !== role });
  }

  issues.push(...cycleIssues(stored, next, lineOf), ...lastAdminIssues(storedRows, next, lineOf));
  const changed = next.filter((n) => n.action !== 'unchanged');
  return { issues, actions, apply: (t) => applyUsers(t, changed, env) };
}

/** A reporting line must not loop back (checked on the whole set of users as it would be). */
function cycleIssues(stored: Map<string, Stored>, next: Next[], lineOf: Map<string, number>): Issue[] {
  const managerOf = new Map<string, string | null>([...stored.values()].map((u) => [u.email, u.manager_email]));
  for (const n of next) managerOf.set(n.email, n.manager_email);
  const issues: Issue[] = [];
  for (const n of next) {
    const seen = new Set<string>([n.email]);
    for (let m = managerOf.get(n.email); m; m = managerOf.get(m)) {
      if (seen.has(m)) {
        if (m === n.email) issues.push({ line: lineOf.get(n.email) ?? 0, column: 'manager_email', code: 'MANAGER_CYCLE' });
        break;
      }
      seen.add(m);
    }
  }
  return issues;
}

function lastAdminIssues(storedRows: Stored[], next: Next[], lineOf: Map<string, number>): Issue[] {
  const roleOf = new Map(storedRows.filter((u) => !u.disabled).map((u) => [u.email, u.role]));
  for (const n of next) roleOf.set(n.email, n.role);
  if ([...roleOf.values()].includes('admin')) return [];
  return next.filter((n) => n.role_changed).map((n) => ({ line: lineOf.get(n.email) ?? 0, column: 'role', code: 'LAST_ADMIN' as const }));
}

async function applyUsers(tx: Tx, changed: Next[], env: ImportEnv): Promise<void> {
  const input = JSON.stringify(changed);
  // people first, then who reports to whom (a manager may be a new user of the same file)
  await tx.execute(sql`
    INSERT INTO users (email, name, role, department, locale)
    SELECT email, name, role::role, department::department, locale::locale
    FROM jsonb_to_recordset(${input}::jsonb) AS r(email text, name text, role text, department text, locale text)
    ON CONFLICT (email) DO UPDATE SET name = excluded.name, role = excluded.role, department = excluded.department,
      locale = excluded.locale, updated_at = now()`);
  await tx.execute(sql`
    UPDATE users u SET manager_id = m.id, updated_at = now()
    FROM jsonb_to_recordset(${input}::jsonb) AS r(email text, manager_email text)
    LEFT JOIN users m ON m.email = r.manager_email
    WHERE u.email = r.email AND u.manager_id IS DISTINCT FROM m.id`);
  // a new role takes effect at once: sessions of people whose role changed end
  const { rows } = await tx.execute<{ id: string }>(sql`
    SELECT id FROM users WHERE email = ANY(${sql.param(changed.filter((c) => c.role_changed).map((c) => c.email))}::text[])`);
  for (const r of rows) await endAllSessions(tx, r.id);
  env.progress(changed.length, changed.length);
}
