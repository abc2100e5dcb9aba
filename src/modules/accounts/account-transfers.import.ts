import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { date, email, text } from '../imports/cells.js';
import type { EntityImporter, ImportEnv, Issue, ParsedRow, Plan } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import { accountIdsByExternalId, knownAccount, knownUser, userIdsByEmail } from '../imports/lookups.js';
import { syncCurrentOwners } from './ownership.js';

/**
 * account_transfers (import-format.md): from `date` on, the account is with `to_owner_email`. A transfer
 * on the same date as another assignment of the account replaces it; nothing else is rewritten.
 */
export const accountTransfersImporter: EntityImporter = {
  entity: 'account_transfers',
  key: ['account_external_id', 'date'],
  columns: [
    { name: 'account_external_id', required: true, parse: text(100) },
    { name: 'to_owner_email', required: true, parse: email },
    { name: 'date', required: true, parse: date },
  ],
  plan: planTransfers,
};

interface Transfer {
  account_id: string;
  start_date: string;
  owner_id: string;
  previous_owner_id: string | null;
}

async function planTransfers(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const accountIds = await accountIdsByExternalId(
    tx,
    rows.map((r) => r.values.account_external_id),
  );
  const users = await userIdsByEmail(
    tx,
    rows.map((r) => r.values.to_owner_email),
  );
  const stored = new Map(
    (
      await tx.execute<{ account_id: string; start_date: string; owner_id: string; origin: string }>(sql`
        SELECT account_id, start_date::text, owner_id, origin FROM account_owners
        WHERE account_id = ANY(${sql.param([...accountIds.values()])}::uuid[])`)
    ).rows.map((r) => [`${r.account_id}|${r.start_date}`, r]),
  );

  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const changed: Transfer[] = [];
  for (const row of rows) {
    const v = row.values;
    // a cell that did not parse is undefined: the row is refused already, and its rules are skipped
    const accountId = knownAccount(row, accountIds, issues);
    const ownerId = knownUser(row, 'to_owner_email', users, issues);
    if (!accountId || !ownerId || typeof v.date !== 'string') continue;
    const before = stored.get(`${accountId}|${v.date as string}`);
    const action: RowAction = !before ? 'insert' : before.owner_id === ownerId && before.origin === 'transfer' ? 'unchanged' : 'update';
    actions.set(row.line, action);
    if (action !== 'unchanged')
      changed.push({ account_id: accountId, start_date: v.date as string, owner_id: ownerId, previous_owner_id: before?.owner_id ?? null });
  }
  return { issues, actions, apply: (t) => applyTransfers(t, changed, env) };
}

async function applyTransfers(tx: Tx, changed: Transfer[], env: ImportEnv): Promise<void> {
  const BATCH = 5000;
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = JSON.stringify(changed.slice(i, i + BATCH));
    await tx.execute(sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${batch}::jsonb) AS r(account_id uuid, start_date date, owner_id uuid, previous_owner_id uuid)
      ),
      assigned AS (
        INSERT INTO account_owners (account_id, start_date, owner_id, origin, created_by)
        SELECT account_id, start_date, owner_id, 'transfer', ${env.actorId}::uuid FROM input
        ON CONFLICT (account_id, start_date) DO UPDATE SET owner_id = excluded.owner_id, origin = 'transfer', created_at = now()
      )
      INSERT INTO account_events (account_id, kind, actor_id, data)
      SELECT i.account_id, 'ownership.changed', ${env.actorId}::uuid,
             jsonb_build_object('to', jsonb_build_object('id', u.id, 'name', u.name), 'startDate', i.start_date, 'via', 'import')
      FROM input i JOIN users u ON u.id = i.owner_id`);
    env.progress(Math.min(i + BATCH, changed.length), changed.length);
  }
  if (changed.length) await syncCurrentOwners(tx, [...new Set(changed.map((c) => c.account_id))]);
}
