import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { currency, date, decimal, email, integer, oneOf, text } from '../imports/cells.js';
import { type EntityImporter, type ImportEnv, type Issue, type ParsedRow, type Plan, unparsed } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import { knownUser, userIdsByEmail } from '../imports/lookups.js';
import { FROM_THE_BEGINNING, syncCurrentOwners } from './ownership.js';

/** The stored fields an accounts row sets (import-format.md), by column. */
const fields = {
  name: 'name',
  tier: 'tier',
  status: 'status',
  lost_date: 'lost_date',
  segment: 'segment',
  industry: 'industry',
  region: 'region',
  currency: 'currency',
  credit_limit: 'credit_limit',
  payment_terms_days: 'payment_terms_days',
  price_column: 'price_column',
} as const;
type Field = keyof typeof fields;
type Values = Record<Field, string | number | null>;

const BATCH = 5000;

export const accountsImporter: EntityImporter = {
  entity: 'accounts',
  key: ['external_id'],
  columns: [
    { name: 'external_id', required: true, parse: text(100) },
    { name: 'name', required: true, parse: text(300) },
    { name: 'owner_email', required: true, parse: email },
    { name: 'owner_since', parse: date },
    { name: 'tier', parse: oneOf(['key', 'potential', 'regular']) },
    { name: 'status', parse: oneOf(['prospect', 'active', 'lost']) },
    { name: 'lost_date', parse: date },
    { name: 'segment', parse: text(200) },
    { name: 'industry', parse: text(200) },
    { name: 'region', parse: text(200) },
    { name: 'currency', parse: currency },
    { name: 'credit_limit', parse: decimal({ scale: 2, min: 0 }) },
    { name: 'payment_terms_days', parse: integer(0, 3650) },
    { name: 'price_column', parse: text(100) },
  ],
  plan: planAccounts,
};

type Stored = Values & { id: string; external_id: string; assignments: Assignment[] };
interface Assignment {
  start: string;
  owner: string;
  origin: string;
}

/**
 * Whether the row's assignment is already in the history: its own (`account_row`) one with the same
 * owner, or a transfer or hand-over on that date (which wins over the row), and no stale row assignment.
 */
function assignmentStored(assignments: Assignment[], ownerId: string, start: string): boolean {
  const atStart = assignments.find((a) => a.start === start);
  const stale = assignments.some((a) => a.origin === 'account_row' && a.start !== start);
  return !stale && !!atStart && (atStart.origin !== 'account_row' || atStart.owner === ownerId);
}

async function planAccounts(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const users = await userIdsByEmail(
    tx,
    rows.map((r) => r.values.owner_email),
  );
  const [company] = (await tx.execute<{ currency: string }>(sql`SELECT currency FROM company WHERE id = 1`)).rows;
  const stored = await storedAccounts(
    tx,
    rows.map((r) => r.values.external_id as string),
  );
  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const changed: (Values & { external_id: string; owner_id: string; owner_since: string; action: RowAction })[] = [];

  for (const row of rows) {
    const v = row.values;
    const before = stored.get(v.external_id as string);
    // a cell that did not parse is undefined: its row is refused already, and its rules are skipped
    const ownerId = knownUser(row, 'owner_email', users, issues);
    const next = desired(v, before, env.columns, company?.currency ?? 'USD');
    if (!unparsed(row, env.columns, 'status') && !unparsed(row, env.columns, 'lost_date')) {
      if (next.status === 'lost' && !next.lost_date) issues.push({ line: row.line, column: 'lost_date', code: 'LOST_DATE_REQUIRED' });
      if (next.status !== 'lost' && next.lost_date) issues.push({ line: row.line, column: 'lost_date', code: 'LOST_DATE_NOT_LOST' });
    }
    if (!ownerId) continue;
    const ownerSince = (v.owner_since as string | null | undefined) ?? FROM_THE_BEGINNING;
    const sameAssignment = !!before && assignmentStored(before.assignments, ownerId, ownerSince);
    const action: RowAction = !before
      ? 'insert'
      : sameAssignment && (Object.keys(fields) as Field[]).every((f) => String(before[f] ?? '') === String(next[f] ?? ''))
        ? 'unchanged'
        : 'update';
    actions.set(row.line, action);
    if (action !== 'unchanged')
      changed.push({ ...next, external_id: v.external_id as string, owner_id: ownerId, owner_since: ownerSince, action });
  }
  return { issues, actions, apply: (t) => applyAccounts(t, changed, env) };
}

/** The stored values a row leads to: a column absent from the file keeps what is stored. */
function desired(v: Record<string, unknown>, before: Stored | undefined, columns: ReadonlySet<string>, companyCurrency: string): Values {
  const defaults: Values = {
    name: null,
    tier: 'regular',
    status: 'active',
    lost_date: null,
    segment: null,
    industry: null,
    region: null,
    currency: companyCurrency,
    credit_limit: null,
    payment_terms_days: null,
    price_column: null,
  };
  const out = { ...defaults };
  for (const f of Object.keys(fields) as Field[]) {
    if (columns.has(f)) out[f] = (v[f] as string | number | null) ?? defaults[f];
    else if (before) out[f] = before[f];
  }
  return out;
}

async function storedAccounts(tx: Tx, externalIds: string[]): Promise<Map<string, Stored>> {
  const { rows } = await tx.execute<Stored>(sql`
    SELECT a.id, a.external_id, a.name, a.tier::text, a.status::text, a.lost_date::text, a.segment, a.industry, a.region,
           a.currency, a.credit_limit::text, a.payment_terms_days, a.price_column,
           coalesce((SELECT jsonb_agg(jsonb_build_object('start', o.start_date::text, 'owner', o.owner_id, 'origin', o.origin))
                     FROM account_owners o WHERE o.account_id = a.id), '[]') AS assignments
    FROM accounts a
    WHERE a.external_id = ANY(${sql.param(externalIds)}::text[])`);
  return new Map(rows.map((r) => [r.external_id, r]));
}

type Changed = Values & { external_id: string; owner_id: string; owner_since: string; action: RowAction };

async function applyAccounts(tx: Tx, changed: Changed[], env: ImportEnv): Promise<void> {
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = JSON.stringify(changed.slice(i, i + BATCH));
    await tx.execute(sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${batch}::jsonb) AS r(
          external_id text, name text, tier account_tier, status account_status, lost_date date, segment text,
          industry text, region text, currency text, credit_limit numeric, payment_terms_days integer,
          price_column text, owner_id uuid, owner_since date, action text)
      ),
      upserted AS (
        INSERT INTO accounts (external_id, name, tier, status, lost_date, segment, industry, region, currency,
                              credit_limit, payment_terms_days, price_column, owner_id)
        SELECT external_id, name, tier, status, lost_date, segment, industry, region, currency,
               credit_limit, payment_terms_days, price_column, owner_id FROM input
        ON CONFLICT (external_id) DO UPDATE SET
          name = excluded.name, tier = excluded.tier, status = excluded.status, lost_date = excluded.lost_date,
          segment = excluded.segment, industry = excluded.industry, region = excluded.region,
          currency = excluded.currency, credit_limit = excluded.credit_limit,
          payment_terms_days = excluded.payment_terms_days, price_column = excluded.price_column,
          version = accounts.version + 1, updated_at = now()
        RETURNING id, external_id
      ),
      stale AS (
        -- the row now names another start date: its previous assignment goes
        DELETE FROM account_owners o USING upserted u, input i
        WHERE o.account_id = u.id AND i.external_id = u.external_id
          AND o.origin = 'account_row' AND o.start_date <> i.owner_since
      ),
      assigned AS (
        -- a transfer or hand-over on the same date wins over the accounts row (import-format.md)
        INSERT INTO account_owners (account_id, start_date, owner_id, origin, created_by)
        SELECT u.id, i.owner_since, i.owner_id, 'account_row', ${env.actorId}::uuid
        FROM upserted u JOIN input i USING (external_id)
        ON CONFLICT (account_id, start_date) DO UPDATE SET owner_id = excluded.owner_id, created_at = now()
        WHERE account_owners.origin = 'account_row'
      )
      INSERT INTO account_events (account_id, kind, actor_id, data)
      SELECT u.id, CASE i.action WHEN 'insert' THEN 'account.created' ELSE 'account.updated' END, ${env.actorId}::uuid,
             jsonb_build_object('via', 'import')
      FROM upserted u JOIN input i USING (external_id)`);
    env.progress(Math.min(i + BATCH, changed.length), changed.length);
  }
  if (changed.length) await syncCurrentOwners(tx);
}
