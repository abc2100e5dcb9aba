import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { boolean, dateTime, instantOf, oneOf, text } from '../imports/cells.js';
import { type EntityImporter, type ImportEnv, type Issue, type ParsedRow, type Plan, unparsed } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import { accountIdsByExternalId, companyTimeZone, distinctStrings, knownAccount, rowAction } from '../imports/lookups.js';
import { complaintSeverities } from './complaints.contracts.js';

/**
 * complaints (import-format.md): what a client complained about, when, and when it was answered and
 * resolved. Date-times without an offset are in the company time zone. Each new complaint appears on
 * its account's timeline at the time it was received.
 */
export const complaintsImporter: EntityImporter = {
  entity: 'complaints',
  key: ['complaint_id'],
  columns: [
    { name: 'complaint_id', required: true, parse: text(100) },
    { name: 'account_external_id', required: true, parse: text(100) },
    { name: 'received_at', required: true, parse: dateTime },
    { name: 'first_response_at', parse: dateTime },
    { name: 'resolved_at', parse: dateTime },
    { name: 'severity', parse: oneOf(complaintSeverities) },
    { name: 'justified', parse: boolean },
    { name: 'category', parse: text(200) },
  ],
  plan: planComplaints,
};

type Complaint = {
  external_id: string;
  account_id: string;
  received_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  severity: string;
  justified: boolean | null;
  category: string | null;
};
type Changed = Complaint & { action: RowAction };
const optional = ['first_response_at', 'resolved_at', 'severity', 'justified', 'category'] as const;
type Optional = (typeof optional)[number];
const defaults: Pick<Complaint, Optional> = {
  first_response_at: null,
  resolved_at: null,
  severity: 'normal',
  justified: null,
  category: null,
};

const BATCH = 5000;
const iso = '\'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\'';

async function planComplaints(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const timeZone = await companyTimeZone(tx);
  const accountIds = await accountIdsByExternalId(
    tx,
    rows.map((r) => r.values.account_external_id),
  );
  const utc = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', ${iso}) AS ${column}`);
  const stored = new Map(
    (
      await tx.execute<Complaint>(sql`
        SELECT external_id, account_id, ${utc('received_at')}, ${utc('first_response_at')}, ${utc('resolved_at')},
               severity::text, justified, category
        FROM complaints
        WHERE external_id = ANY(${sql.param(distinctStrings(rows.map((r) => r.values.complaint_id)))}::text[])`)
    ).rows.map((r) => [r.external_id, r]),
  );
  const instant = (value: unknown) => (typeof value === 'string' ? instantOf(value, timeZone).at.toISOString() : null);

  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const changed: Changed[] = [];
  for (const row of rows) {
    const v = row.values;
    const accountId = knownAccount(row, accountIds, issues);
    const received = instant(v.received_at);
    const before = typeof v.complaint_id === 'string' ? stored.get(v.complaint_id) : undefined;
    let ok = true;
    for (const column of ['first_response_at', 'resolved_at'] as const) {
      // a column absent from the file keeps the stored time, which must not come before a new received_at either
      const at = env.columns.has(column) ? instant(v[column]) : (before?.[column] ?? null);
      if (received && at && at < received) {
        issues.push({ line: row.line, column, code: 'BEFORE_RECEIVED' });
        ok = false;
      }
    }
    if (!ok || !accountId || typeof v.complaint_id !== 'string' || !received) continue;
    if (optional.some((f) => unparsed(row, env.columns, f))) continue;
    const given: Record<Optional, unknown> = {
      first_response_at: instant(v.first_response_at),
      resolved_at: instant(v.resolved_at),
      severity: v.severity ?? defaults.severity,
      justified: v.justified ?? null,
      category: v.category ?? null,
    };
    // an optional column absent from the file keeps what is stored
    const kept = Object.fromEntries(optional.map((f) => [f, env.columns.has(f) ? given[f] : before ? before[f] : defaults[f]])) as Pick<
      Complaint,
      Optional
    >;
    const next: Complaint = { external_id: v.complaint_id, account_id: accountId, received_at: received, ...kept };
    const action = rowAction(before, next);
    actions.set(row.line, action);
    if (action !== 'unchanged') changed.push({ ...next, action });
  }
  return { issues, actions, apply: (t) => applyComplaints(t, changed, env) };
}

async function applyComplaints(tx: Tx, changed: Changed[], env: ImportEnv): Promise<void> {
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = JSON.stringify(changed.slice(i, i + BATCH));
    await tx.execute(sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${batch}::jsonb) AS r(
          external_id text, account_id uuid, received_at timestamptz, first_response_at timestamptz,
          resolved_at timestamptz, severity complaint_severity, justified boolean, category text, action text)
      ),
      upserted AS (
        INSERT INTO complaints (external_id, account_id, received_at, first_response_at, resolved_at, severity, justified, category)
        SELECT external_id, account_id, received_at, first_response_at, resolved_at, severity, justified, category FROM input
        ON CONFLICT (external_id) DO UPDATE SET
          account_id = excluded.account_id, received_at = excluded.received_at,
          first_response_at = excluded.first_response_at, resolved_at = excluded.resolved_at,
          severity = excluded.severity, justified = excluded.justified, category = excluded.category, updated_at = now()
      )
      -- one timeline event per new complaint, at the time it was received
      INSERT INTO account_events (account_id, occurred_at, kind, actor_id, data)
      SELECT account_id, received_at, 'complaint.received', ${env.actorId}::uuid,
             jsonb_build_object('complaintId', external_id, 'severity', severity, 'category', category,
                                'justified', justified, 'via', 'import')
      FROM input WHERE action = 'insert'`);
    env.progress(Math.min(i + BATCH, changed.length), changed.length);
  }
}
