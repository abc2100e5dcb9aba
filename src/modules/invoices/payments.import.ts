import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { date, positiveDecimal, text } from '../imports/cells.js';
import type { EntityImporter, ImportEnv, Issue, ParsedRow, Plan } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import { distinctStrings, rowAction } from '../imports/lookups.js';

/**
 * payments (import-format.md): money received against a stored invoice. A payment carries its invoice's
 * account; the invoices it touches (also the one a moved payment leaves) are settled again.
 */
export const paymentsImporter: EntityImporter = {
  entity: 'payments',
  key: ['payment_id'],
  columns: [
    { name: 'payment_id', required: true, parse: text(100) },
    { name: 'invoice_id', required: true, parse: text(100) },
    { name: 'payment_date', required: true, parse: date },
    { name: 'amount', required: true, parse: positiveDecimal({ scale: 2 }) },
  ],
  plan: planPayments,
};

type Payment = {
  payment_id: string;
  invoice_id: string;
  payment_date: string;
  amount: string;
};

const BATCH = 5000;

async function planPayments(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const invoices = new Set(
    (
      await tx.execute<{ invoice_id: string }>(sql`
        SELECT invoice_id FROM invoices
        WHERE invoice_id = ANY(${sql.param(distinctStrings(rows.map((r) => r.values.invoice_id)))}::text[])`)
    ).rows.map((r) => r.invoice_id),
  );
  const stored = new Map(
    (
      await tx.execute<Payment>(sql`
        SELECT payment_id, invoice_id, payment_date::text, amount::text FROM payments
        WHERE payment_id = ANY(${sql.param(distinctStrings(rows.map((r) => r.values.payment_id)))}::text[])`)
    ).rows.map((r) => [r.payment_id, r]),
  );

  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const changed: Payment[] = [];
  const touched = new Set<string>();
  for (const row of rows) {
    const v = row.values;
    if (typeof v.invoice_id === 'string' && !invoices.has(v.invoice_id)) {
      issues.push({ line: row.line, column: 'invoice_id', code: 'UNKNOWN_INVOICE', params: { invoiceId: v.invoice_id } });
      continue;
    }
    if (typeof v.payment_id !== 'string' || typeof v.invoice_id !== 'string') continue;
    if (typeof v.payment_date !== 'string' || typeof v.amount !== 'string') continue;
    const next: Payment = { payment_id: v.payment_id, invoice_id: v.invoice_id, payment_date: v.payment_date, amount: v.amount };
    const before = stored.get(v.payment_id);
    const action = rowAction(before, next);
    actions.set(row.line, action);
    if (action === 'unchanged') continue;
    changed.push(next);
    touched.add(next.invoice_id);
    if (before) touched.add(before.invoice_id);
  }
  return { issues, actions, apply: (t) => applyPayments(t, changed, [...touched], env) };
}

async function applyPayments(tx: Tx, changed: Payment[], touched: string[], env: ImportEnv): Promise<void> {
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = JSON.stringify(changed.slice(i, i + BATCH));
    await tx.execute(sql`
      INSERT INTO payments (payment_id, invoice_id, account_id, payment_date, amount)
      SELECT r.payment_id, r.invoice_id, i.account_id, r.payment_date, r.amount
      FROM jsonb_to_recordset(${batch}::jsonb) AS r(payment_id text, invoice_id text, payment_date date, amount numeric)
      JOIN invoices i ON i.invoice_id = r.invoice_id
      ON CONFLICT (payment_id) DO UPDATE SET
        invoice_id = excluded.invoice_id, account_id = excluded.account_id, payment_date = excluded.payment_date,
        amount = excluded.amount, updated_at = now()`);
    env.progress(Math.min(i + BATCH, changed.length), changed.length);
  }
  // settled_on: the day the payments of each touched invoice first reach its amount
  if (touched.length) await tx.execute(sql`SELECT invoices_settle(${sql.param(touched)}::text[])`);
}
