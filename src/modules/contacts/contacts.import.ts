import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { email, integer, oneOf, text } from '../imports/cells.js';
import type { EntityImporter, ImportEnv, Issue, ParsedRow, Plan } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import { accountIdsByExternalId, knownAccount } from '../imports/lookups.js';
import { attitudes, buyingRoles } from './contacts.contracts.js';

const fields = ['full_name', 'title', 'email', 'phone', 'buying_role', 'influence', 'attitude'] as const;
type Field = (typeof fields)[number];

export const contactsImporter: EntityImporter = {
  entity: 'contacts',
  key: ['contact_id'],
  columns: [
    { name: 'contact_id', required: true, parse: text(100) },
    { name: 'account_external_id', required: true, parse: text(100) },
    { name: 'full_name', required: true, parse: text(300) },
    { name: 'title', parse: text(300) },
    { name: 'email', parse: email },
    { name: 'phone', parse: text(50) },
    { name: 'buying_role', parse: oneOf(buyingRoles) },
    { name: 'influence', parse: integer(1, 5) },
    { name: 'attitude', parse: oneOf(attitudes) },
  ],
  plan: planContacts,
};

type Stored = Record<Field, string | number | null> & { external_id: string; account_id: string };
type Changed = Record<Field, string | number | null> & { external_id: string; account_id: string; action: RowAction };

async function planContacts(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const accountIds = await accountIdsByExternalId(
    tx,
    rows.map((r) => r.values.account_external_id),
  );
  const stored = new Map(
    (
      await tx.execute<Stored>(sql`
        SELECT external_id, account_id, full_name, title, email, phone, buying_role::text, influence, attitude::text
        FROM contacts WHERE external_id = ANY(${sql.param(rows.map((r) => r.values.contact_id as string))}::text[])`)
    ).rows.map((r) => [r.external_id, r]),
  );
  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const changed: Changed[] = [];
  for (const row of rows) {
    const v = row.values;
    const accountId = knownAccount(row, accountIds, issues);
    if (!accountId) continue;
    const before = stored.get(v.contact_id as string);
    const next = Object.fromEntries(
      fields.map((f) => [f, env.columns.has(f) ? ((v[f] as string | number | null) ?? null) : (before?.[f] ?? null)]),
    ) as Record<Field, string | number | null>;
    const same = before && before.account_id === accountId && fields.every((f) => String(before[f] ?? '') === String(next[f] ?? ''));
    const action: RowAction = !before ? 'insert' : same ? 'unchanged' : 'update';
    actions.set(row.line, action);
    if (action !== 'unchanged') changed.push({ ...next, external_id: v.contact_id as string, account_id: accountId, action });
  }
  return { issues, actions, apply: (t) => applyContacts(t, changed, env) };
}

async function applyContacts(tx: Tx, changed: Changed[], env: ImportEnv): Promise<void> {
  const BATCH = 5000;
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = JSON.stringify(changed.slice(i, i + BATCH));
    await tx.execute(sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${batch}::jsonb) AS r(
          external_id text, account_id uuid, full_name text, title text, email text, phone text,
          buying_role buying_role, influence smallint, attitude attitude, action text)
      ),
      upserted AS (
        INSERT INTO contacts (external_id, account_id, full_name, title, email, phone, buying_role, influence, attitude)
        SELECT external_id, account_id, full_name, title, email, phone, buying_role, influence, attitude FROM input
        ON CONFLICT (external_id) DO UPDATE SET
          account_id = excluded.account_id, full_name = excluded.full_name, title = excluded.title, email = excluded.email,
          phone = excluded.phone, buying_role = excluded.buying_role, influence = excluded.influence,
          attitude = excluded.attitude, version = contacts.version + 1, updated_at = now()
        RETURNING account_id, external_id
      )
      -- one line per account on its timeline, not one per person
      INSERT INTO account_events (account_id, kind, actor_id, data)
      SELECT u.account_id, 'contacts.imported', ${env.actorId}::uuid,
             jsonb_build_object('added', count(*) FILTER (WHERE i.action = 'insert'), 'updated', count(*) FILTER (WHERE i.action = 'update'))
      FROM upserted u JOIN input i USING (external_id) GROUP BY u.account_id`);
    env.progress(Math.min(i + BATCH, changed.length), changed.length);
  }
}
