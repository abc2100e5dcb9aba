import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { dateTime, email, instantOf, oneOf, text } from '../imports/cells.js';
import { type EntityImporter, type ImportEnv, type Issue, type ParsedRow, type Plan, unparsed } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import {
  accountIdsByExternalId,
  companyTimeZone,
  distinctStrings,
  knownAccount,
  knownUser,
  rowAction,
  userIdsByEmail,
} from '../imports/lookups.js';
import { interactionStatuses, interactionTypes } from './interactions.contracts.js';

/**
 * interactions (import-format.md): meetings, visits, calls… of a user with an account. `occurred_at` is
 * a date-time, or a date alone for something that happened on that day (all day, from midnight of the
 * company calendar). Each new interaction appears on its account's timeline at the time it happened.
 */
export const interactionsImporter: EntityImporter = {
  entity: 'interactions',
  key: ['interaction_id'],
  columns: [
    { name: 'interaction_id', required: true, parse: text(100) },
    { name: 'account_external_id', required: true, parse: text(100) },
    { name: 'user_email', required: true, parse: email },
    { name: 'type', required: true, parse: oneOf(interactionTypes) },
    { name: 'status', required: true, parse: oneOf(interactionStatuses) },
    { name: 'occurred_at', required: true, parse: dateTime },
    { name: 'subject', parse: text(500) },
    { name: 'outcome', parse: text(5000) },
  ],
  plan: planInteractions,
};

type Interaction = {
  external_id: string;
  account_id: string;
  user_id: string;
  type: string;
  status: string;
  occurred_at: string;
  all_day: boolean;
  subject: string | null;
  outcome: string | null;
};
type Changed = Interaction & { action: RowAction };

const BATCH = 5000;
const optional = ['subject', 'outcome'] as const;

async function planInteractions(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const timeZone = await companyTimeZone(tx);
  const accountIds = await accountIdsByExternalId(
    tx,
    rows.map((r) => r.values.account_external_id),
  );
  const userIds = await userIdsByEmail(
    tx,
    rows.map((r) => r.values.user_email),
  );
  const stored = new Map(
    (
      await tx.execute<Interaction>(sql`
        SELECT external_id, account_id, user_id, type::text, status::text,
               to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
               all_day, subject, outcome
        FROM interactions
        WHERE external_id = ANY(${sql.param(distinctStrings(rows.map((r) => r.values.interaction_id)))}::text[])`)
    ).rows.map((r) => [r.external_id, r]),
  );

  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const changed: Changed[] = [];
  for (const row of rows) {
    const v = row.values;
    const accountId = knownAccount(row, accountIds, issues);
    const userId = knownUser(row, 'user_email', userIds, issues);
    if (!accountId || !userId || typeof v.interaction_id !== 'string' || typeof v.occurred_at !== 'string') continue;
    if (typeof v.type !== 'string' || typeof v.status !== 'string' || optional.some((f) => unparsed(row, env.columns, f))) continue;
    const before = stored.get(v.interaction_id);
    const when = instantOf(v.occurred_at, timeZone);
    const next: Interaction = {
      external_id: v.interaction_id,
      account_id: accountId,
      user_id: userId,
      type: v.type,
      status: v.status,
      occurred_at: when.at.toISOString(),
      all_day: when.allDay,
      // an optional column absent from the file keeps what is stored
      subject: env.columns.has('subject') ? ((v.subject as string | null) ?? null) : (before?.subject ?? null),
      outcome: env.columns.has('outcome') ? ((v.outcome as string | null) ?? null) : (before?.outcome ?? null),
    };
    const action = rowAction(before, next);
    actions.set(row.line, action);
    if (action !== 'unchanged') changed.push({ ...next, action });
  }
  return { issues, actions, apply: (t) => applyInteractions(t, changed, env) };
}

async function applyInteractions(tx: Tx, changed: Changed[], env: ImportEnv): Promise<void> {
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = JSON.stringify(changed.slice(i, i + BATCH));
    await tx.execute(sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${batch}::jsonb) AS r(
          external_id text, account_id uuid, user_id uuid, type interaction_type, status interaction_status,
          occurred_at timestamptz, all_day boolean, subject text, outcome text, action text)
      ),
      upserted AS (
        INSERT INTO interactions (external_id, account_id, user_id, type, status, occurred_at, all_day, subject, outcome)
        SELECT external_id, account_id, user_id, type, status, occurred_at, all_day, subject, outcome FROM input
        ON CONFLICT (external_id) DO UPDATE SET
          account_id = excluded.account_id, user_id = excluded.user_id, type = excluded.type, status = excluded.status,
          occurred_at = excluded.occurred_at, all_day = excluded.all_day, subject = excluded.subject,
          outcome = excluded.outcome, updated_at = now()
      )
      -- one timeline event per new interaction, at the time it happened
      INSERT INTO account_events (account_id, occurred_at, kind, actor_id, data)
      SELECT i.account_id, i.occurred_at, 'interaction.logged', ${env.actorId}::uuid,
             jsonb_build_object('interactionId', i.external_id, 'type', i.type, 'status', i.status, 'subject', i.subject,
                                'allDay', i.all_day, 'user', jsonb_build_object('id', u.id, 'name', u.name), 'via', 'import')
      FROM input i JOIN users u ON u.id = i.user_id
      WHERE i.action = 'insert'`);
    env.progress(Math.min(i + BATCH, changed.length), changed.length);
  }
}
