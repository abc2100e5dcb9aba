import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/core/db/database.js';

/*
 * Commercial facts for tests, written as the importers write them: each fact stamped with the owner
 * of its day, and the KPI summaries rebuilt for what changed.
 */

const uid = () => crypto.randomBytes(4).toString('hex');

export async function makeProduct(db: Db, opts: { type?: 'product' | 'service'; unitCost?: string; name?: string } = {}) {
  const sku = `SKU-${uid()}`;
  const { rows } = await db.execute<{ id: string }>(sql`
    INSERT INTO products (sku, name, type, unit_cost, base_price)
    VALUES (${sku}, ${opts.name ?? sku}, ${opts.type ?? 'product'}, ${opts.unitCost ?? '0'}, ${opts.unitCost ?? '0'})
    RETURNING id`);
  return { id: (rows[0] as { id: string }).id, sku };
}

export interface LineInput {
  accountId: string;
  productId: string;
  date: string;
  quantity: string;
  unitPrice: string;
  discountPct?: string;
  unitCost: string;
  status?: 'confirmed' | 'cancelled';
}

export async function addLine(db: Db, l: LineInput): Promise<{ orderId: string; lineNo: number }> {
  const orderId = `O-${uid()}`;
  await db.execute(sql`
    INSERT INTO order_lines (order_id, line_no, account_id, order_date, product_id, quantity, unit_price, discount_pct, unit_cost, status, owner_id)
    VALUES (${orderId}, 1, ${l.accountId}, ${l.date}, ${l.productId}, ${l.quantity}, ${l.unitPrice}, ${l.discountPct ?? '0'},
            ${l.unitCost}, ${l.status ?? 'confirmed'}, kpi_owner_on(${l.accountId}::uuid, ${l.date}::date))`);
  await db.execute(sql`SELECT kpi_refresh_days(ARRAY[${l.date}::date]), kpi_refresh_firsts(ARRAY[${l.accountId}::uuid])`);
  return { orderId, lineNo: 1 };
}

export async function addReturn(db: Db, r: { orderId: string; lineNo: number; date: string; quantity: string }) {
  await db.execute(sql`
    INSERT INTO order_returns (return_id, order_id, line_no, account_id, return_date, quantity, owner_id)
    SELECT ${`R-${uid()}`}, l.order_id, l.line_no, l.account_id, ${r.date}, ${r.quantity}, kpi_owner_on(l.account_id, ${r.date}::date)
    FROM order_lines l WHERE l.order_id = ${r.orderId} AND l.line_no = ${r.lineNo}`);
  await db.execute(sql`SELECT kpi_refresh_days(ARRAY[${r.date}::date])`);
}

export async function addInvoice(
  db: Db,
  i: { accountId: string; issueDate: string; dueDate: string; amount: string; payments?: { date: string; amount: string }[] },
): Promise<string> {
  const invoiceId = `INV-${uid()}`;
  await db.execute(sql`
    INSERT INTO invoices (invoice_id, account_id, issue_date, due_date, amount)
    VALUES (${invoiceId}, ${i.accountId}, ${i.issueDate}, ${i.dueDate}, ${i.amount})`);
  for (const p of i.payments ?? [])
    await db.execute(sql`
      INSERT INTO payments (payment_id, invoice_id, account_id, payment_date, amount)
      VALUES (${`PAY-${uid()}`}, ${invoiceId}, ${i.accountId}, ${p.date}, ${p.amount})`);
  await db.execute(sql`SELECT invoices_settle(ARRAY[${invoiceId}])`);
  return invoiceId;
}

export async function addInteraction(
  db: Db,
  i: { accountId: string; userId: string; type: string; status?: string; occurredAt: string },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO interactions (account_id, user_id, type, status, occurred_at)
    VALUES (${i.accountId}, ${i.userId}, ${i.type}, ${i.status ?? 'done'}, ${i.occurredAt})`);
}

export async function addComplaint(
  db: Db,
  c: { accountId: string; receivedAt: string; firstResponseAt?: string; justified?: boolean | null },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO complaints (account_id, received_at, first_response_at, justified)
    VALUES (${c.accountId}, ${c.receivedAt}, ${c.firstResponseAt ?? null}, ${c.justified ?? null})`);
}

/** A monthly plan: `month` is YYYY-MM. */
export async function setTarget(db: Db, userId: string, month: string, revenue: string): Promise<void> {
  await db.execute(sql`
    INSERT INTO manager_targets (user_id, month, revenue_target) VALUES (${userId}, ${`${month}-01`}, ${revenue})
    ON CONFLICT (user_id, month) DO UPDATE SET revenue_target = excluded.revenue_target`);
}

/** An assignment in the ownership history (the database re-assigns the facts it affects). */
export async function transfer(db: Db, accountId: string, ownerId: string, startDate: string): Promise<void> {
  await db.execute(sql`
    INSERT INTO account_owners (account_id, owner_id, start_date) VALUES (${accountId}, ${ownerId}, ${startDate})
    ON CONFLICT (account_id, start_date) DO UPDATE SET owner_id = excluded.owner_id`);
}
