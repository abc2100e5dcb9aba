import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { date, positiveDecimal, text } from '../imports/cells.js';
import { type EntityImporter, type ImportEnv, type Issue, type ParsedRow, type Plan, unparsed } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import { accountIdsByExternalId, distinctStrings, knownAccount, rowAction } from '../imports/lookups.js';

/**
 * invoices (import-format.md): bills to an account, optionally for one of its orders. Whether an invoice
 * is settled (`settled_on`) follows from its amount and payments, so it is worked out again for every
 * invoice stored.
 */
export const invoicesImporter: EntityImporter = {
  entity: 'invoices',
  key: ['invoice_id'],
  columns: [
    { name: 'invoice_id', required: true, parse: text(100) },
    { name: 'account_external_id', required: true, parse: text(100) },
    { name: 'issue_date', required: true, parse: date },
    { name: 'due_date', required: true, parse: date },
    { name: 'amount', required: true, parse: positiveDecimal({ scale: 2 }) },
    { name: 'order_id', parse: text(100) },
  ],
  plan: planInvoices,
};

type Invoice = {
  invoice_id: string;
  account_id: string;
  issue_date: string;
  due_date: string;
  amount: string;
  order_id: string | null;
};

const BATCH = 5000;

async function planInvoices(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const accountIds = await accountIdsByExternalId(
    tx,
    rows.map((r) => r.values.account_external_id),
  );
  const orders = new Set(
    (
      await tx.execute<{ order_id: string }>(sql`
        SELECT DISTINCT order_id FROM order_lines
        WHERE order_id = ANY(${sql.param(distinctStrings(rows.map((r) => r.values.order_id)))}::text[])`)
    ).rows.map((r) => r.order_id),
  );
  const stored = new Map(
    (
      await tx.execute<Invoice>(sql`
        SELECT invoice_id, account_id, issue_date::text, due_date::text, amount::text, order_id FROM invoices
        WHERE invoice_id = ANY(${sql.param(distinctStrings(rows.map((r) => r.values.invoice_id)))}::text[])`)
    ).rows.map((r) => [r.invoice_id, r]),
  );

  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const changed: Invoice[] = [];
  for (const row of rows) {
    const v = row.values;
    let ok = true;
    const accountId = knownAccount(row, accountIds, issues);
    if (typeof v.order_id === 'string' && !orders.has(v.order_id)) {
      issues.push({ line: row.line, column: 'order_id', code: 'UNKNOWN_ORDER', params: { orderId: v.order_id } });
      ok = false;
    }
    if (typeof v.issue_date === 'string' && typeof v.due_date === 'string' && v.due_date < v.issue_date) {
      issues.push({ line: row.line, column: 'due_date', code: 'DUE_BEFORE_ISSUE', params: { issueDate: v.issue_date } });
      ok = false;
    }
    if (!ok || !accountId || typeof v.invoice_id !== 'string' || typeof v.issue_date !== 'string') continue;
    if (typeof v.due_date !== 'string' || typeof v.amount !== 'string' || unparsed(row, env.columns, 'order_id')) continue;
    const before = stored.get(v.invoice_id);
    const next: Invoice = {
      invoice_id: v.invoice_id,
      account_id: accountId,
      issue_date: v.issue_date,
      due_date: v.due_date,
      amount: v.amount,
      // an order_id column absent from the file keeps the stored order
      order_id: env.columns.has('order_id') ? ((v.order_id as string | null) ?? null) : (before?.order_id ?? null),
    };
    const action = rowAction(before, next);
    actions.set(row.line, action);
    if (action !== 'unchanged') changed.push(next);
  }
  return { issues, actions, apply: (t) => applyInvoices(t, changed, env) };
}

async function applyInvoices(tx: Tx, changed: Invoice[], env: ImportEnv): Promise<void> {
  for (let i = 0; i < changed.length; i += BATCH) {
    const slice = changed.slice(i, i + BATCH);
    const batch = JSON.stringify(slice);
    const ids = slice.map((c) => c.invoice_id);
    // an invoice moved to another account leaves its old account's receivables
    const before = await tx.execute<{ account_id: string }>(
      sql`SELECT DISTINCT account_id FROM invoices WHERE invoice_id = ANY(${sql.param(ids)}::text[])`,
    );
    await tx.execute(sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${batch}::jsonb) AS r(
          invoice_id text, account_id uuid, issue_date date, due_date date, amount numeric, order_id text)
      ),
      upserted AS (
        INSERT INTO invoices (invoice_id, account_id, issue_date, due_date, amount, order_id)
        SELECT invoice_id, account_id, issue_date, due_date, amount, order_id FROM input
        ON CONFLICT (invoice_id) DO UPDATE SET
          account_id = excluded.account_id, issue_date = excluded.issue_date, due_date = excluded.due_date,
          amount = excluded.amount, order_id = excluded.order_id, updated_at = now()
      )
      -- payments carry their invoice's account (design.md): an invoice moved to another account takes them along
      UPDATE payments p SET account_id = i.account_id, updated_at = now()
      FROM input i WHERE p.invoice_id = i.invoice_id AND p.account_id <> i.account_id`);
    // the amount may have changed: when the payments first reach it, again
    await tx.execute(sql`SELECT invoices_settle(${sql.param(ids)}::text[])`);
    await tx.execute(sql`SELECT kpi_refresh_receivables(${sql.param(before.rows.map((r) => r.account_id))}::uuid[])`);
    env.progress(Math.min(i + BATCH, changed.length), changed.length);
  }
}
