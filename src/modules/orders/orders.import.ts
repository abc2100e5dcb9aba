import { ownerRangesText } from '../accounts/ownership.js';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import type { BulkEnv, BulkImporter, BulkStage, CellIssue } from '../imports/bulk.js';
import { CellError, type CellParser, date, decimal, integer, oneOf, positiveDecimal, text } from '../imports/cells.js';
import type { Column } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import { lineStatuses } from './orders.contracts.js';

/** The largest price or cost numeric(18, 4) holds (whole units). */
const MAX_MONEY = 99_999_999_999_999;

const columns = [
  { name: 'order_id', required: true, parse: text(100) },
  { name: 'line_no', required: true, parse: integer(1, 999_999_999) },
  { name: 'account_external_id', required: true, parse: text(100) },
  { name: 'order_date', required: true, parse: date },
  { name: 'sku', required: true, parse: text(100) },
  { name: 'quantity', required: true, parse: positiveDecimal({ scale: 3 }) },
  { name: 'unit_price', required: true, parse: decimal({ scale: 4, min: 0, max: MAX_MONEY }) },
  { name: 'discount_pct', parse: decimal({ scale: 4, min: 0, max: 100 }) },
  { name: 'unit_cost', parse: decimal({ scale: 4, min: 0, max: MAX_MONEY }) },
  { name: 'status', parse: oneOf(lineStatuses) },
] as const satisfies readonly Column[];
type Name = (typeof columns)[number]['name'];

/**
 * orders (import-format.md): order lines by (order_id, line_no), millions at a time, so a bulk import
 * (imports/bulk.ts): COPY into a staging table, set-based checks, one INSERT and one UPDATE. Each line
 * is stamped with its account's owner on the order date; the KPI summaries of the days and accounts
 * touched are brought up to date in the same transaction.
 */
export const ordersImporter: BulkImporter = {
  entity: 'orders',
  bulk: true,
  columns: [...columns],
  key: ['order_id', 'line_no'],
  stage: stageOrders,
};

// Fast checks of a cell; a cell that fails them goes to the column's parser for the exact reason.
const digits3 = /^\d{1,15}(\.\d{1,3})?$/;
const digits4 = /^\d{1,15}(\.\d{1,4})?$/;
const wholeNumber = /^\d{1,9}$/;
const isoDate = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;
const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const copyEscapes = /[\\,\n\r\0]/;
/** text for a field of the staging COPY (text format, comma-separated); a NUL, which PostgreSQL text cannot hold, is dropped */
const escapeCopy = (s: string) =>
  copyEscapes.test(s) ? s.replace(/[\\,\n\r\0]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\0' ? '' : `\\${c}`)) : s;

function validDate(s: string): boolean {
  const m = isoDate.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (daysIn[month - 1] as number) + (leap ? 1 : 0);
}

/** trimmed like the engine (String.prototype.trim), but without a copy when nothing is to trim */
const trimmed = (s: string | undefined) => {
  if (s === undefined || s === '') return '';
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return first <= 32 || last <= 32 || first >= 127 || last >= 127 ? s.trim() : s;
};

/** null in the staging COPY (an empty field: no cell stages an empty string) */
const NULL = '';

/** The plain form of each column's cells (regular expression source): what `fast` stages without a closer look. */
const plainText = String.raw`[^\s,"\\\0](?:[^,"\\\t\r\n\0]{0,98}[^\s,"\\\0])?`;
const plainMoney = String.raw`(?:[1-9]\d{0,12}|0)(?:\.\d{1,4})?`;
const plainForms: Record<Name, string> = {
  order_id: plainText,
  line_no: String.raw`[1-9]\d{0,8}`,
  account_external_id: plainText,
  order_date: String.raw`[12]\d{3}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)`,
  sku: plainText,
  quantity: String.raw`[1-9]\d{0,14}(?:\.\d{1,3})?|0\.(?!0{1,3}(?:,|$))\d{1,3}`,
  unit_price: plainMoney,
  discount_pct: String.raw`[1-9]?\d(?:\.\d{1,4})?|100(?:\.0{1,4})?`,
  unit_cost: plainMoney,
  status: 'confirmed|cancelled',
};
const parsers = Object.fromEntries(columns.map((c) => [c.name, c.parse as CellParser<unknown>])) as Record<Name, CellParser<unknown>>;

/** Turns the rows of one file into lines of COPY text for orders_stage, in the file's column order (exported for its tests). */
export class RowWriter {
  /** whether every good row so far came with a larger key than the one before (then no key repeats) */
  ascending = true;
  private lastOrder = '';
  private lastLine = 0;
  private readonly at: Record<Name, number>;
  private cells: string[] = [];
  private issue: CellIssue = () => undefined;
  private bad = false;

  /** the columns of the file, in its order (the staging COPY takes them so) */
  readonly order: Name[];
  /** a whole line of plain cells */
  private readonly plain: RegExp;
  private readonly lastKeyCell: number;

  constructor(header: string[]) {
    this.at = Object.fromEntries(columns.map((c) => [c.name, header.indexOf(c.name)])) as Record<Name, number>;
    this.order = header as Name[];
    const forms = this.order.map((n) => {
      const form = `(?:${plainForms[n]})`;
      return (columns as readonly Column[]).find((c) => c.name === n)?.required ? form : `${form}?`;
    });
    this.plain = new RegExp(`^${forms.join(',')}$`);
    this.lastKeyCell = Math.max(this.at.order_id, this.at.line_no);
  }

  write(line: number, cells: string[], issue: CellIssue, bad: boolean): string {
    this.cells = cells;
    this.issue = issue;
    this.bad = bad;
    const orderId = this.text('order_id');
    const lineNoText = this.cell('line_no', true);
    const lineNo =
      lineNoText === null
        ? NULL
        : wholeNumber.test(lineNoText) && Number(lineNoText) >= 1
          ? lineNoText
          : this.refuse('line_no', lineNoText, 'INVALID_INTEGER');
    const account = this.text('account_external_id');
    const dateText = this.cell('order_date', true);
    const orderDate = dateText === null ? NULL : validDate(dateText) ? dateText : this.refuse('order_date', dateText, 'INVALID_DATE');
    const sku = this.text('sku');
    const quantity = this.decimal('quantity', true, digits3, 0, true);
    const unitPrice = this.decimal('unit_price', true, digits4, MAX_MONEY, false);
    const discount = this.decimal('discount_pct', false, digits4, 100, false);
    const unitCost = this.decimal('unit_cost', false, digits4, MAX_MONEY, false);
    const statusText = this.cell('status', false);
    const status =
      statusText === null
        ? NULL
        : statusText === 'confirmed' || statusText === 'cancelled'
          ? statusText
          : this.refuse('status', statusText, 'INVALID_CHOICE');
    if (!this.bad) this.key(orderId, Number(lineNo));
    const values: Record<Name, string> = {
      order_id: orderId,
      line_no: lineNo,
      account_external_id: account,
      order_date: orderDate,
      sku,
      quantity,
      unit_price: unitPrice,
      discount_pct: discount,
      unit_cost: unitCost,
      status,
    };
    return `${line},${this.bad ? 't' : 'f'},${this.order.map((n) => values[n]).join(',')}\n`;
  }

  /**
   * The fast path: a line without quotes whose cells all match the plain forms (no spaces around, no
   * leading zeros, days 01..28 or of months that have them, …) is staged as it is; anything else is
   * left to `write`, which tells exactly what is wrong.
   */
  fast(line: number, text: string): string | null {
    if (!this.plain.test(text)) return null;
    if (this.ascending) {
      // the key cells, found by their commas (a plain line has exactly one cell per column)
      let id = '';
      let no = 0;
      for (let k = 0, start = 0; k <= this.lastKeyCell; k++) {
        const comma = text.indexOf(',', start);
        const end = comma < 0 ? text.length : comma;
        if (k === this.at.order_id) id = text.slice(start, end);
        else if (k === this.at.line_no) no = Number(text.slice(start, end));
        start = end + 1;
      }
      this.key(id, no);
    }
    // the staging COPY reads comma-separated text: a plain line goes as it is (an empty cell is null)
    return `${line},f,${text}\n`;
  }

  /** keeps track of whether the keys of good rows ascend strictly */
  private key(orderId: string, lineNo: number) {
    if (!this.ascending) return;
    // the staged (escaped) text is as unique as the value: strictly ascending keys cannot repeat
    if (orderId > this.lastOrder || (orderId === this.lastOrder && lineNo > this.lastLine)) {
      this.lastOrder = orderId;
      this.lastLine = lineNo;
    } else this.ascending = false;
  }

  /** the trimmed cell, or null when empty (REQUIRED when it must be given) */
  private cell(name: Name, required: boolean): string | null {
    const i = this.at[name];
    const s = i < 0 ? '' : trimmed(this.cells[i]);
    if (s !== '') return s;
    if (required) {
      this.issue(name, 'REQUIRED');
      this.bad = true;
    }
    return null;
  }

  /** a cell the fast checks refused: the column's parser tells why */
  private refuse(
    name: Name,
    s: string,
    code: 'INVALID_INTEGER' | 'INVALID_DATE' | 'INVALID_DECIMAL' | 'INVALID_CHOICE' | 'TOO_LONG',
  ): string {
    const value = parsers[name](s);
    const reason = value instanceof CellError ? value : new CellError(code, code === 'TOO_LONG' ? { max: 100 } : { value: s });
    this.issue(name, reason.code, reason.params);
    this.bad = true;
    return NULL;
  }

  private text(name: Name): string {
    const s = this.cell(name, true);
    if (s === null) return NULL;
    if (s.length > 100) return this.refuse(name, s, 'TOO_LONG');
    const staged = escapeCopy(s);
    if (staged === '') {
      // nothing but NUL characters
      this.issue(name, 'REQUIRED');
      this.bad = true;
    }
    return staged;
  }

  private decimal(name: Name, required: boolean, pattern: RegExp, limit: number, positive: boolean): string {
    const s = this.cell(name, required);
    if (s === null) return NULL;
    if (pattern.test(s)) {
      const n = Number(s);
      if (positive ? n > 0 : n <= limit) return s;
    }
    return this.refuse(name, s, 'INVALID_DECIMAL');
  }
}

async function stageOrders(tx: Tx, env: BulkEnv): Promise<BulkStage> {
  await tx.execute(sql`
    CREATE TEMP TABLE orders_stage (
      line int NOT NULL, bad boolean NOT NULL, order_id text, line_no int, account_external_id text, order_date date,
      sku text, quantity numeric, unit_price numeric, discount_pct numeric, unit_cost numeric, status order_line_status
    ) ON COMMIT DROP`);
  const row = new RowWriter(env.header);
  const has = (name: Name) => env.header.includes(name);
  return {
    table: 'orders_stage',
    copy: `COPY orders_stage (line, bad, ${row.order.join(', ')}) FROM STDIN WITH (DELIMITER ',', NULL '')`,
    row: (line, cells, issue, bad) => row.write(line, cells, issue, bad),
    fast: (line, text) => row.fast(line, text),
    check: (t) => checkOrders(t, has, row.ascending),
    actions: (t, lines, anyIssue) => orderActions(t, lines, anyIssue),
    apply: (t) => applyOrders(t, env),
  };
}

// ---------------------------------------------------------------------------------------------------
// The SQL. orders_stage holds the file; orders_matched the rows whose key is stored already.

/** The new values of a staged row s (with its product p), and, for an optional column missing from the file, the stored one (l). */
const next = (has: (n: Name) => boolean) => ({
  discount: has('discount_pct') ? 'coalesce(s.discount_pct, 0)' : 'l.discount_pct',
  cost: has('unit_cost') ? 'coalesce(s.unit_cost, p.unit_cost)' : 'l.unit_cost',
  status: has('status') ? `coalesce(s.status, 'confirmed')` : 'l.status',
});

/** The owner of each account over each range of days [lo, hi) of its ownership history (import-format.md). */
const RANGES = `ranges AS (${ownerRangesText})`;
const OWNER_JOIN = (account: string, day: string) =>
  `LEFT JOIN ranges r ON r.account_id = ${account} AND r.lo <= ${day} AND (r.hi IS NULL OR r.hi > ${day})`;

async function checkOrders(tx: Tx, has: (n: Name) => boolean, ascending: boolean): Promise<void> {
  // references: the account and the product must be stored
  await tx.execute(sql`
    INSERT INTO import_issues (line, col, code, params)
    SELECT s.line, 'account_external_id', 'UNKNOWN_ACCOUNT', jsonb_build_object('externalId', s.account_external_id)
    FROM orders_stage s
    WHERE s.account_external_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.external_id = s.account_external_id)
    UNION ALL
    SELECT s.line, 'sku', 'UNKNOWN_PRODUCT', jsonb_build_object('sku', s.sku)
    FROM orders_stage s
    WHERE s.sku IS NOT NULL AND NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = s.sku)`);
  // a key twice in the file (only possible when the keys were not in ascending order)
  if (!ascending)
    await tx.execute(sql`
      INSERT INTO import_issues (line, col, code, params)
      SELECT line, 'order_id', 'DUPLICATE_KEY', jsonb_build_object('key', 'order_id + line_no', 'line', first)
      FROM (SELECT line, min(line) OVER (PARTITION BY order_id, line_no) AS first FROM orders_stage WHERE NOT bad) d
      WHERE line <> first`);
  // the rows whose line is stored already: their new values, and whether they change it
  const v = next(has);
  await tx.execute(
    sql.raw(`
    CREATE TEMP TABLE orders_matched ON COMMIT DROP AS
    SELECT s.line, l.order_id, l.line_no, l.account_id AS old_account_id, l.order_date AS old_date,
           a.id AS account_id, s.order_date, p.id AS product_id, s.quantity, s.unit_price,
           ${v.discount} AS discount_pct, ${v.cost} AS unit_cost, ${v.status}::order_line_status AS status,
           NOT (a.id = l.account_id AND s.order_date = l.order_date AND p.id = l.product_id AND s.quantity = l.quantity
                AND s.unit_price = l.unit_price AND ${v.discount} = l.discount_pct AND ${v.cost} = l.unit_cost
                AND ${v.status} = l.status) AS changed
    FROM orders_stage s
    JOIN order_lines l ON l.order_id = s.order_id AND l.line_no = s.line_no
    JOIN accounts a ON a.external_id = s.account_external_id
    JOIN products p ON p.sku = s.sku
    WHERE NOT s.bad ${ascending ? '' : `AND NOT EXISTS (SELECT 1 FROM import_issues i WHERE i.line = s.line AND i.code = 'DUPLICATE_KEY')`}`),
  );
  await tx.execute(sql`ANALYZE orders_matched`);
  // what a change may not do: move the line to another account, go below what was returned from it,
  // or cancel it while it has returns
  await tx.execute(sql`
    INSERT INTO import_issues (line, col, code, params)
    SELECT m.line, 'account_external_id', 'ORDER_LINE_OTHER_ACCOUNT',
           jsonb_build_object('orderId', m.order_id, 'lineNo', m.line_no, 'externalId', a.external_id)
    FROM orders_matched m JOIN accounts a ON a.id = m.old_account_id
    WHERE m.changed AND m.account_id <> m.old_account_id
    UNION ALL
    SELECT m.line, c.col, c.code, jsonb_build_object('orderId', m.order_id, 'lineNo', m.line_no, 'returned', rt.quantity::text)
    FROM orders_matched m
    CROSS JOIN LATERAL (SELECT sum(r.quantity) AS quantity FROM order_returns r WHERE r.order_id = m.order_id AND r.line_no = m.line_no) rt
    CROSS JOIN LATERAL (VALUES
      ('quantity', 'ORDER_LINE_BELOW_RETURNED', m.quantity < rt.quantity),
      ('status', 'ORDER_LINE_RETURNED_CANCEL', m.status = 'cancelled')) c(col, code, broken)
    WHERE m.changed AND rt.quantity IS NOT NULL AND c.broken`);
}

/** the INSERT of new lines goes in this many statements (for the progress bar) */
const INSERT_STEPS = 10;

const ACTION = `CASE WHEN m.line IS NULL THEN 'insert' WHEN m.changed THEN 'update' ELSE 'unchanged' END`;

async function orderActions(
  tx: Tx,
  lines: number[],
  anyIssue: boolean,
): Promise<{ counts: Record<RowAction, number>; byLine: Map<number, RowAction> }> {
  const refused = anyIssue ? 'AND NOT EXISTS (SELECT 1 FROM import_issues i WHERE i.line = s.line)' : '';
  // without issues every good row is staged once, so the counts come from the tables alone
  const { rows: counted } = await tx.execute<Record<RowAction, number>>(
    sql.raw(
      anyIssue
        ? `SELECT count(*) FILTER (WHERE m.line IS NULL)::int AS insert, count(*) FILTER (WHERE m.changed)::int AS update,
                  count(*) FILTER (WHERE NOT m.changed)::int AS unchanged
           FROM orders_stage s LEFT JOIN orders_matched m ON m.line = s.line
           WHERE NOT s.bad ${refused}`
        : `SELECT (SELECT count(*) FROM orders_stage WHERE NOT bad)::int - m.matched AS insert, m.update, m.matched - m.update AS unchanged
           FROM (SELECT count(*)::int AS matched, (count(*) FILTER (WHERE changed))::int AS update FROM orders_matched) m`,
    ),
  );
  const { rows } = await tx.execute<{ line: number; action: RowAction }>(sql`
    SELECT s.line, ${sql.raw(ACTION)} AS action
    FROM orders_stage s
    LEFT JOIN (SELECT line, changed FROM orders_matched WHERE line = ANY(${sql.param(lines)}::int[])) m ON m.line = s.line
    WHERE s.line = ANY(${sql.param(lines)}::int[]) AND NOT s.bad ${sql.raw(refused)}`);
  return { counts: counted[0] ?? { insert: 0, update: 0, unchanged: 0 }, byLine: new Map(rows.map((r) => [r.line, r.action])) };
}

async function applyOrders(tx: Tx, env: BulkEnv): Promise<void> {
  const [counts] = (
    await tx.execute<{ changed: number; matched: number; staged: number }>(sql`
      SELECT (SELECT count(*) FROM orders_matched WHERE changed)::int AS changed, (SELECT count(*) FROM orders_matched)::int AS matched,
             (SELECT count(*) FROM orders_stage)::int AS staged`)
  ).rows;
  const { changed = 0, matched = 0, staged = 0 } = counts ?? {};
  const total = staged - matched + changed;
  env.progress(0, total);
  // the days and accounts whose KPI summaries change: the old and new days of changed lines, and the
  // days of their returns (a return is valued at its line's price); then the days of new lines
  await tx.execute(sql`CREATE TEMP TABLE orders_days (day date NOT NULL) ON COMMIT DROP`);
  if (changed) {
    await tx.execute(sql`
      INSERT INTO orders_days (day)
      SELECT old_date FROM orders_matched WHERE changed
      UNION SELECT order_date FROM orders_matched WHERE changed
      UNION SELECT r.return_date FROM orders_matched m JOIN order_returns r ON r.order_id = m.order_id AND r.line_no = m.line_no
            WHERE m.changed`);
    await tx.execute(
      sql.raw(`
      WITH ${RANGES}
      UPDATE order_lines l SET account_id = m.account_id, order_date = m.order_date, product_id = m.product_id,
             quantity = m.quantity, unit_price = m.unit_price, discount_pct = m.discount_pct, unit_cost = m.unit_cost,
             status = m.status, owner_id = r.owner_id, updated_at = now()
      FROM orders_matched m ${OWNER_JOIN('m.account_id', 'm.order_date')}
      WHERE m.changed AND l.order_id = m.order_id AND l.line_no = m.line_no`),
    );
    env.progress(changed, total);
  }
  if (staged > matched) {
    // new lines, a tenth of the staging table at a time (by its pages: it holds the file in order) for
    // the progress bar. The first-order summaries only ever move earlier with new lines, so they are
    // kept incrementally here (those of accounts with changed lines are rebuilt below).
    const notMatched = matched ? 'AND NOT EXISTS (SELECT 1 FROM orders_matched m WHERE m.line = s.line)' : '';
    const [size] = (
      await tx.execute<{ pages: number }>(sql`SELECT (pg_relation_size('orders_stage') / current_setting('block_size')::int)::int AS pages`)
    ).rows;
    const pages = size?.pages ?? 0;
    const step = Math.max(1, Math.ceil((pages + 1) / INSERT_STEPS));
    for (let from = 0; from <= pages; from += step) {
      const range = `s.ctid >= '(${from},0)'::tid AND s.ctid < '(${from + step},0)'::tid`;
      await tx.execute(
        sql.raw(`
        WITH ${RANGES},
        inserted AS (
          INSERT INTO order_lines (order_id, line_no, account_id, order_date, product_id, quantity, unit_price, discount_pct, unit_cost, status, owner_id)
          SELECT s.order_id, s.line_no, a.id, s.order_date, p.id, s.quantity, s.unit_price, coalesce(s.discount_pct, 0),
                 coalesce(s.unit_cost, p.unit_cost), coalesce(s.status, 'confirmed'), r.owner_id
          FROM orders_stage s
          JOIN accounts a ON a.external_id = s.account_external_id
          JOIN products p ON p.sku = s.sku
          ${OWNER_JOIN('a.id', 's.order_date')}
          WHERE ${range} ${notMatched}
          RETURNING account_id, product_id, order_date, status
        ),
        days AS (INSERT INTO orders_days (day) SELECT DISTINCT order_date FROM inserted),
        firsts AS (
          INSERT INTO kpi_first_lines (account_id, product_id, first_date)
          SELECT account_id, product_id, min(order_date) FROM inserted WHERE status = 'confirmed' GROUP BY account_id, product_id
          ON CONFLICT (account_id, product_id) DO UPDATE SET first_date = excluded.first_date
          WHERE excluded.first_date < kpi_first_lines.first_date
          RETURNING account_id, first_date
        )
        INSERT INTO kpi_account_firsts (account_id, first_date)
        SELECT account_id, min(first_date) FROM firsts GROUP BY account_id
        ON CONFLICT (account_id) DO UPDATE SET first_date = excluded.first_date
        WHERE excluded.first_date < kpi_account_firsts.first_date`),
      );
      env.progress(Math.min(total, changed + Math.round(((staged - matched) * Math.min(pages + 1, from + step)) / (pages + 1))), total);
    }
  }
  env.progress(total, total);
  await tx.execute(sql`SELECT kpi_refresh_days(ARRAY(SELECT DISTINCT day FROM orders_days))`);
  if (changed) await tx.execute(sql`SELECT kpi_refresh_firsts(ARRAY(SELECT DISTINCT account_id FROM orders_matched WHERE changed))`);
}
