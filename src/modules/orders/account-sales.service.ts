import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { AccountOrderList, AccountReturnList, AccountSales, FactPage } from './account-sales.contracts.js';

/**
 * The sales side of one account (kpi.md building blocks): confirmed lines at their net amount, less
 * returns at the returned line's net unit price. Sums are exact numeric in SQL, rounded once at the
 * end. Callers have checked the reader's access to the account.
 */

/** returned quantity × the line's net unit price, exactly as kpi_refresh_days counts it */
const returnedAmount = sql.raw('r.quantity * l.unit_price * (100 - l.discount_pct) / 100');
const returnedMargin = sql.raw('r.quantity * (l.unit_price * (100 - l.discount_pct) / 100 - l.unit_cost)');

/** Revenue and margin per month over the last `months` months (the current one included). */
export async function accountSales(ctx: Ctx, accountId: string, months: number, today: string): Promise<AccountSales> {
  const span = sql`(SELECT (date_trunc('month', ${today}::date) - make_interval(months => ${months - 1}))::date AS lo,
                           (date_trunc('month', ${today}::date) + interval '1 month')::date AS hi)`;
  const { rows } = await ctx.db.execute<{
    month: string;
    revenue: string;
    margin: string;
    returned: string;
    orders: number;
    t_revenue: string;
    t_margin: string;
    t_returned: string;
    pct: string | null;
  }>(sql`
    WITH span AS ${span},
    facts AS (
      SELECT date_trunc('month', l.order_date)::date AS month, l.net_amount AS revenue,
             l.net_amount - l.quantity * l.unit_cost AS margin, 0::numeric AS returned, l.order_id
      FROM order_lines l, span
      WHERE l.account_id = ${accountId} AND l.status = 'confirmed' AND l.order_date >= span.lo AND l.order_date < span.hi
      UNION ALL
      SELECT date_trunc('month', r.return_date)::date, -(${returnedAmount}), -(${returnedMargin}), ${returnedAmount}, NULL
      FROM order_returns r JOIN order_lines l ON l.order_id = r.order_id AND l.line_no = r.line_no, span
      WHERE r.account_id = ${accountId} AND r.return_date >= span.lo AND r.return_date < span.hi
    ),
    by_month AS (
      SELECT m.month::date AS month, coalesce(sum(f.revenue), 0) AS revenue, coalesce(sum(f.margin), 0) AS margin,
             coalesce(sum(f.returned), 0) AS returned, count(DISTINCT f.order_id)::int AS orders
      FROM span CROSS JOIN generate_series(span.lo, span.hi - 1, interval '1 month') AS m(month)
      LEFT JOIN facts f ON f.month = m.month::date
      GROUP BY m.month
    )
    SELECT to_char(month, 'YYYY-MM') AS month, round(revenue, 2)::text AS revenue, round(margin, 2)::text AS margin,
           round(returned, 2)::text AS returned, orders,
           round(sum(revenue) OVER (), 2)::text AS t_revenue, round(sum(margin) OVER (), 2)::text AS t_margin,
           round(sum(returned) OVER (), 2)::text AS t_returned,
           CASE WHEN sum(revenue) OVER () = 0 THEN NULL ELSE round(sum(margin) OVER () / sum(revenue) OVER () * 100, 2)::text END AS pct
    FROM by_month ORDER BY month`);
  const { rows: facts } = await ctx.db.execute<{
    lo: string;
    hi: string;
    first: string | null;
    last: string | null;
    orders: number;
    returns: number;
    orders_in: number;
  }>(sql`
    WITH span AS ${span}
    SELECT span.lo::text AS lo, (span.hi - 1)::text AS hi,
      (SELECT min(order_date)::text FROM order_lines WHERE account_id = ${accountId} AND status = 'confirmed') AS first,
      (SELECT max(order_date)::text FROM order_lines WHERE account_id = ${accountId} AND status = 'confirmed') AS last,
      (SELECT count(DISTINCT order_id)::int FROM order_lines WHERE account_id = ${accountId}) AS orders,
      (SELECT count(*)::int FROM order_returns WHERE account_id = ${accountId}) AS returns,
      (SELECT count(DISTINCT order_id)::int FROM order_lines l
        WHERE l.account_id = ${accountId} AND l.status = 'confirmed' AND l.order_date >= span.lo AND l.order_date < span.hi) AS orders_in
    FROM span`);
  const f = facts[0];
  const first = rows[0];
  return {
    from: f?.lo ?? today,
    to: f?.hi ?? today,
    months: rows.map((r) => ({ month: r.month, revenue: r.revenue, margin: r.margin, returned: r.returned, orders: r.orders })),
    totals: {
      revenue: first?.t_revenue ?? '0.00',
      margin: first?.t_margin ?? '0.00',
      returned: first?.t_returned ?? '0.00',
      orders: f?.orders_in ?? 0,
    },
    marginPct: first?.pct ? Number(first.pct) : null,
    firstOrderDate: f?.first ?? null,
    lastOrderDate: f?.last ?? null,
    orderCount: f?.orders ?? 0,
    returnCount: f?.returns ?? 0,
  };
}

/** The account's orders, newest first: each order's lines taken together. */
export async function accountOrders(ctx: Ctx, accountId: string, page: FactPage): Promise<AccountOrderList> {
  const { rows } = await ctx.db.execute<{
    order_id: string;
    order_date: string;
    lines: number;
    confirmed: number;
    amount: string;
    margin: string;
    returned: string;
    total: number;
  }>(sql`
    WITH o AS (
      SELECT l.order_id, min(l.order_date)::text AS order_date, count(*)::int AS lines,
             count(*) FILTER (WHERE l.status = 'confirmed')::int AS confirmed,
             round(coalesce(sum(l.net_amount) FILTER (WHERE l.status = 'confirmed'), 0), 2)::text AS amount,
             round(coalesce(sum(l.net_amount - l.quantity * l.unit_cost) FILTER (WHERE l.status = 'confirmed'), 0), 2)::text AS margin,
             count(*) OVER ()::int AS total
      FROM order_lines l WHERE l.account_id = ${accountId}
      GROUP BY l.order_id
      ORDER BY order_date DESC, l.order_id DESC
      LIMIT ${page.limit} OFFSET ${page.offset}
    )
    SELECT o.*, (SELECT round(coalesce(sum(${returnedAmount}), 0), 2)::text
                 FROM order_returns r JOIN order_lines l ON l.order_id = r.order_id AND l.line_no = r.line_no
                 WHERE r.order_id = o.order_id) AS returned
    FROM o ORDER BY o.order_date DESC, o.order_id DESC`);
  const total = rows[0]?.total ?? (page.offset > 0 ? await countOrders(ctx, accountId) : 0);
  return {
    total,
    items: rows.map((r) => ({
      orderId: r.order_id,
      orderDate: r.order_date,
      lines: r.lines,
      status: r.confirmed === r.lines ? 'confirmed' : r.confirmed === 0 ? 'cancelled' : 'partly_cancelled',
      amount: r.amount,
      margin: r.margin,
      returned: r.returned,
    })),
  };
}

async function countOrders(ctx: Ctx, accountId: string): Promise<number> {
  const { rows } = await ctx.db.execute<{ n: number }>(
    sql`SELECT count(DISTINCT order_id)::int AS n FROM order_lines WHERE account_id = ${accountId}`,
  );
  return rows[0]?.n ?? 0;
}

/** The account's returns, newest first, each valued at the returned line's net unit price. */
export async function accountReturns(ctx: Ctx, accountId: string, page: FactPage): Promise<AccountReturnList> {
  const [{ rows }, { rows: counted }] = await Promise.all([
    ctx.db.execute<{
      return_id: string;
      return_date: string;
      order_id: string;
      line_no: number;
      product_id: string;
      sku: string;
      name: string;
      quantity: string;
      reason: AccountReturnList['items'][number]['reason'];
      amount: string;
    }>(sql`
      SELECT r.return_id, r.return_date::text, r.order_id, r.line_no, p.id AS product_id, p.sku, p.name,
             trim_scale(r.quantity)::text AS quantity, r.reason, round(${returnedAmount}, 2)::text AS amount
      FROM order_returns r
      JOIN order_lines l ON l.order_id = r.order_id AND l.line_no = r.line_no
      JOIN products p ON p.id = l.product_id
      WHERE r.account_id = ${accountId}
      ORDER BY r.return_date DESC, r.return_id DESC
      LIMIT ${page.limit} OFFSET ${page.offset}`),
    ctx.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM order_returns WHERE account_id = ${accountId}`),
  ]);
  return {
    total: counted[0]?.n ?? 0,
    items: rows.map((r) => ({
      returnId: r.return_id,
      returnDate: r.return_date,
      orderId: r.order_id,
      lineNo: r.line_no,
      product: { id: r.product_id, sku: r.sku, name: r.name },
      quantity: r.quantity,
      reason: r.reason,
      amount: r.amount,
    })),
  };
}
