import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import type { ReturnReason } from './orders.contracts.js';

/** One return of goods from an order line, as the returns import and signed acts book it. */
export interface ReturnToBook {
  return_id: string;
  order_id: string;
  line_no: number;
  /** YYYY-MM-DD */
  return_date: string;
  /** a positive decimal */
  quantity: string;
  reason: ReturnReason | null;
}

/**
 * Stores returns (insert or replace by return_id): the account comes from the order line, the owner is
 * the account's owner on the return date (kpi.md). The caller refreshes the KPI days afterwards
 * (refreshReturnDays), or uses bookReturns which does both.
 */
export async function upsertReturns(tx: Tx, rows: ReturnToBook[]): Promise<void> {
  if (!rows.length) return;
  const batch = JSON.stringify(rows);
  await tx.execute(sql`
    INSERT INTO order_returns (return_id, order_id, line_no, account_id, return_date, quantity, reason, owner_id)
    SELECT r.return_id, r.order_id, r.line_no, l.account_id, r.return_date, r.quantity, r.reason,
           kpi_owner_on(l.account_id, r.return_date)
    FROM jsonb_to_recordset(${batch}::jsonb) AS r(
      return_id text, order_id text, line_no integer, return_date date, quantity numeric, reason return_reason)
    JOIN order_lines l ON l.order_id = r.order_id AND l.line_no = r.line_no
    ON CONFLICT (return_id) DO UPDATE SET
      order_id = excluded.order_id, line_no = excluded.line_no, account_id = excluded.account_id,
      return_date = excluded.return_date, quantity = excluded.quantity, reason = excluded.reason,
      owner_id = excluded.owner_id, updated_at = now()`);
}

/** Revenue and margin of every day a return left or joined, exact again (kpi.md). */
export async function refreshReturnDays(tx: Tx, days: Iterable<string>): Promise<void> {
  const list = [...new Set(days)];
  if (list.length) await tx.execute(sql`SELECT kpi_refresh_days(${sql.param(list)}::date[])`);
}

/** Books returns and refreshes the KPI summaries of their days, inside the caller's transaction. */
export async function bookReturns(tx: Tx, rows: ReturnToBook[]): Promise<void> {
  await upsertReturns(tx, rows);
  await refreshReturnDays(
    tx,
    rows.map((r) => r.return_date),
  );
}
