import DecimalDefault from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { date, integer, oneOf, positiveDecimal, text } from '../imports/cells.js';
import { type EntityImporter, type ImportEnv, type Issue, type ParsedRow, type Plan, unparsed } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import { distinctStrings } from '../imports/lookups.js';
import { returnReasons } from './orders.contracts.js';
import { type ReturnToBook, refreshReturnDays, upsertReturns } from './returns.service.js';

/**
 * returns (import-format.md): goods sent back from a confirmed order line. The returns of a line, stored
 * and in the file, may not add up to more than its quantity. Each return counts for the account's owner
 * on the return date (kpi.md), so the KPI summaries of the days touched are rebuilt with it.
 */
export const returnsImporter: EntityImporter = {
  entity: 'returns',
  key: ['return_id'],
  columns: [
    { name: 'return_id', required: true, parse: text(100) },
    { name: 'order_id', required: true, parse: text(100) },
    { name: 'line_no', required: true, parse: integer(0, 999_999_999) },
    { name: 'return_date', required: true, parse: date },
    { name: 'quantity', required: true, parse: positiveDecimal({ scale: 3 }) },
    { name: 'reason', parse: oneOf(returnReasons) },
  ],
  plan: planReturns,
};

type Line = {
  order_id: string;
  line_no: number;
  order_date: string;
  quantity: string;
  status: string;
};
type StoredReturn = {
  return_id: string;
  order_id: string;
  line_no: number;
  return_date: string;
  quantity: string;
  reason: string | null;
};
type Changed = StoredReturn;

// decimal.js's default export under NodeNext resolution is the namespace; its class is the constructor
const Decimal = DecimalDefault as unknown as typeof import('decimal.js').Decimal;
type Decimal = InstanceType<typeof Decimal>;

const BATCH = 5000;
const lineKey = (orderId: string, lineNo: number) => `${orderId}\u0000${lineNo}`;

async function planReturns(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const named = rows.filter((r) => typeof r.values.order_id === 'string' && typeof r.values.line_no === 'number');
  const orderIds = named.map((r) => r.values.order_id as string);
  const lineNos = named.map((r) => r.values.line_no as number);
  const returnIds = distinctStrings(rows.map((r) => r.values.return_id));
  const lines = new Map(
    (
      await tx.execute<Line>(sql`
        SELECT l.order_id, l.line_no, l.order_date::text, l.quantity::text, l.status::text
        FROM order_lines l
        JOIN unnest(${sql.param(orderIds)}::text[], ${sql.param(lineNos)}::int[]) AS n(order_id, line_no)
          ON n.order_id = l.order_id AND n.line_no = l.line_no`)
    ).rows.map((l) => [lineKey(l.order_id, l.line_no), l]),
  );
  const orders = new Set(
    (
      await tx.execute<{ order_id: string }>(
        sql`SELECT DISTINCT order_id FROM order_lines WHERE order_id = ANY(${sql.param(distinctStrings(orderIds))}::text[])`,
      )
    ).rows.map((r) => r.order_id),
  );
  // the stored returns of the lines named, and the stored returns the file names (they may move)
  const storedReturns = (
    await tx.execute<StoredReturn>(sql`
      SELECT r.return_id, r.order_id, r.line_no, r.return_date::text, r.quantity::text, r.reason::text
      FROM order_returns r
      WHERE r.return_id = ANY(${sql.param(returnIds)}::text[])
         OR (r.order_id, r.line_no) IN (
              SELECT * FROM unnest(${sql.param(orderIds)}::text[], ${sql.param(lineNos)}::int[]))`)
  ).rows;
  const stored = new Map(storedReturns.map((r) => [r.return_id, r]));
  // what stays returned of each line whatever the file says: its stored returns the file does not name
  const inFile = new Set(returnIds);
  const returned = new Map<string, Decimal>();
  for (const r of storedReturns) {
    if (inFile.has(r.return_id)) continue;
    const key = lineKey(r.order_id, r.line_no);
    returned.set(key, (returned.get(key) ?? new Decimal(0)).plus(r.quantity));
  }

  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const changed: Changed[] = [];
  const days = new Set<string>();
  for (const row of rows) {
    const v = row.values;
    if (typeof v.order_id !== 'string' || typeof v.line_no !== 'number') continue;
    const key = lineKey(v.order_id, v.line_no);
    const line = lines.get(key);
    const refs = { orderId: v.order_id, lineNo: v.line_no };
    if (!line) {
      if (orders.has(v.order_id)) issues.push({ line: row.line, column: 'line_no', code: 'UNKNOWN_ORDER_LINE', params: refs });
      else issues.push({ line: row.line, column: 'order_id', code: 'UNKNOWN_ORDER', params: { orderId: v.order_id } });
      continue;
    }
    let ok = true;
    if (line.status !== 'confirmed') {
      issues.push({ line: row.line, column: 'line_no', code: 'ORDER_LINE_CANCELLED', params: refs });
      ok = false;
    }
    if (typeof v.return_date === 'string' && v.return_date < line.order_date) {
      issues.push({ line: row.line, column: 'return_date', code: 'RETURN_BEFORE_ORDER', params: { orderDate: line.order_date } });
      ok = false;
    }
    if (typeof v.quantity === 'string') {
      // earlier returns: the stored ones and those on earlier rows of this file
      const total = (returned.get(key) ?? new Decimal(0)).plus(v.quantity);
      returned.set(key, total);
      if (total.greaterThan(line.quantity)) {
        issues.push({
          line: row.line,
          column: 'quantity',
          code: 'RETURN_EXCEEDS_LINE',
          params: { ...refs, returned: total.toFixed(3), quantity: line.quantity },
        });
        ok = false;
      }
    }
    if (!ok || typeof v.return_id !== 'string' || typeof v.return_date !== 'string' || typeof v.quantity !== 'string') continue;
    if (unparsed(row, env.columns, 'reason')) continue;
    const before = stored.get(v.return_id);
    const next: Changed = {
      return_id: v.return_id,
      order_id: v.order_id,
      line_no: v.line_no,
      return_date: v.return_date,
      quantity: v.quantity,
      reason: env.columns.has('reason') ? ((v.reason as string | null) ?? null) : (before?.reason ?? null),
    };
    const same =
      !!before &&
      before.order_id === next.order_id &&
      before.line_no === next.line_no &&
      before.return_date === next.return_date &&
      before.quantity === next.quantity &&
      before.reason === next.reason;
    const action: RowAction = !before ? 'insert' : same ? 'unchanged' : 'update';
    actions.set(row.line, action);
    if (action === 'unchanged') continue;
    changed.push(next);
    days.add(next.return_date);
    if (before) days.add(before.return_date);
  }
  return { issues, actions, apply: (t) => applyReturns(t, changed, [...days], env) };
}

async function applyReturns(tx: Tx, changed: Changed[], days: string[], env: ImportEnv): Promise<void> {
  for (let i = 0; i < changed.length; i += BATCH) {
    await upsertReturns(tx, changed.slice(i, i + BATCH) as ReturnToBook[]);
    env.progress(Math.min(i + BATCH, changed.length), changed.length);
  }
  // revenue and margin of every day a return left or joined, exact again (kpi.md)
  await refreshReturnDays(tx, days);
}
