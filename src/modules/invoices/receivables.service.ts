import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { type AgingBucket, agingBucket, agingBucketSql, agingBuckets } from './invoices.contracts.js';
import type { AccountInvoiceList, InvoiceQuery, Receivables } from './receivables.contracts.js';

/**
 * A client's receivables (E6) as of the company's today, in the terms of kpi.md: an invoice issued on
 * or before today is outstanding by max(0, amount − its payments dated on or before today), overdue
 * when its due date has passed. Callers have checked the reader's access to the account.
 */

/** every invoice of the account issued by today, with what is paid and open */
const invoiceFacts = (accountId: string, today: string) => sql`
  SELECT i.invoice_id, i.issue_date, i.due_date, i.amount, i.order_id, i.settled_on,
         coalesce(p.paid, 0) AS paid, greatest(i.amount - coalesce(p.paid, 0), 0) AS outstanding,
         (${today}::date - i.due_date) AS days_overdue
  FROM invoices i
  LEFT JOIN LATERAL (
    SELECT sum(x.amount) AS paid FROM payments x WHERE x.invoice_id = i.invoice_id AND x.payment_date <= ${today}::date
  ) p ON true
  WHERE i.account_id = ${accountId} AND i.issue_date <= ${today}::date`;

export async function accountReceivables(
  ctx: Ctx,
  account: { id: string; creditLimit: string | null; paymentTermsDays: number | null },
  today: string,
): Promise<Receivables> {
  const [{ rows: buckets }, { rows: discipline }] = await Promise.all([
    ctx.db.execute<{
      bucket: AgingBucket;
      amount: string;
      count: number;
      total: string;
      overdue: string;
      limit_left: string | null;
      pct: string | null;
    }>(sql`
      WITH f AS (${invoiceFacts(account.id, today)}),
      b AS (
        SELECT ${sql.raw(agingBucketSql('days_overdue'))} AS bucket, sum(outstanding) AS amount, count(*)::int AS count,
               sum(outstanding) FILTER (WHERE days_overdue > 0) AS overdue
        FROM f WHERE outstanding > 0 GROUP BY 1
      )
      SELECT bucket, round(amount, 2)::text AS amount, count,
             round(sum(amount) OVER (), 2)::text AS total, round(coalesce(sum(overdue) OVER (), 0), 2)::text AS overdue,
             CASE WHEN ${account.creditLimit}::numeric IS NULL THEN NULL
                  ELSE round(${account.creditLimit}::numeric - sum(amount) OVER (), 2)::text END AS limit_left,
             CASE WHEN coalesce(${account.creditLimit}::numeric, 0) <= 0 THEN NULL
                  ELSE round(sum(amount) OVER () / ${account.creditLimit}::numeric * 100, 2)::text END AS pct
      FROM b`),
    ctx.db.execute<{ lo: string; invoices: number; on_time: number; avg_late: string | null }>(sql`
      WITH w AS (SELECT (${today}::date - interval '12 months' + interval '1 day')::date AS lo)
      SELECT w.lo::text AS lo, count(i.invoice_id)::int AS invoices,
             count(i.invoice_id) FILTER (WHERE i.settled_on IS NOT NULL AND i.settled_on <= i.due_date)::int AS on_time,
             round(avg(greatest(least(coalesce(i.settled_on, ${today}::date), ${today}::date) - i.due_date, 0)), 1)::text AS avg_late
      FROM w LEFT JOIN invoices i ON i.account_id = ${account.id} AND i.due_date >= w.lo AND i.due_date <= ${today}::date
      GROUP BY w.lo`),
  ]);
  const byBucket = Object.fromEntries(agingBuckets.map((b) => [b, { amount: '0.00', count: 0 }])) as Receivables['buckets'];
  for (const b of buckets) byBucket[b.bucket] = { amount: b.amount, count: b.count };
  const any = buckets[0];
  const limit = account.creditLimit;
  const d = discipline[0];
  const invoices = d?.invoices ?? 0;
  return {
    asOf: today,
    outstanding: any?.total ?? '0.00',
    overdue: any?.overdue ?? '0.00',
    openInvoices: buckets.reduce((s, b) => s + b.count, 0),
    buckets: byBucket,
    creditLimit: limit,
    available: limit === null ? null : (any?.limit_left ?? limit),
    utilisationPct: any?.pct ? Number(any.pct) : limit !== null && Number(limit) > 0 ? 0 : null,
    paymentTermsDays: account.paymentTermsDays,
    discipline: {
      from: d?.lo ?? today,
      to: today,
      invoices,
      paidOnTime: d?.on_time ?? 0,
      onTimeShare: invoices ? Math.round(((d?.on_time ?? 0) / invoices) * 10_000) / 10_000 : null,
      avgDaysLate: invoices && d?.avg_late !== null && d?.avg_late !== undefined ? Number(d.avg_late) : null,
    },
  };
}

/** The account's invoices: open ones, the most overdue first; or all, the newest first. */
export async function accountInvoices(ctx: Ctx, accountId: string, q: InvoiceQuery, today: string): Promise<AccountInvoiceList> {
  const open = q.status === 'open';
  const { rows } = await ctx.db.execute<{
    invoice_id: string;
    issue_date: string;
    due_date: string;
    amount: string;
    paid: string;
    outstanding: string;
    order_id: string | null;
    settled_on: string | null;
    days_overdue: number;
    total: number;
  }>(sql`
    WITH f AS (${invoiceFacts(accountId, today)})
    SELECT invoice_id, issue_date::text, due_date::text, amount::text, round(paid, 2)::text AS paid,
           round(outstanding, 2)::text AS outstanding, order_id, settled_on::text, days_overdue, count(*) OVER ()::int AS total
    FROM f
    ${open ? sql`WHERE outstanding > 0 ORDER BY due_date ASC, invoice_id` : sql`ORDER BY issue_date DESC, invoice_id DESC`}
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && q.offset > 0) {
    const { rows: c } = await ctx.db.execute<{ n: number }>(
      sql`WITH f AS (${invoiceFacts(accountId, today)}) SELECT count(*)::int AS n FROM f ${open ? sql`WHERE outstanding > 0` : sql``}`,
    );
    total = c[0]?.n ?? 0;
  }
  return {
    total,
    items: rows.map((r) => {
      const isOpen = Number(r.outstanding) > 0;
      return {
        invoiceId: r.invoice_id,
        issueDate: r.issue_date,
        dueDate: r.due_date,
        amount: r.amount,
        paid: r.paid,
        outstanding: r.outstanding,
        orderId: r.order_id,
        settledOn: r.settled_on,
        daysOverdue: isOpen ? r.days_overdue : null,
        bucket: isOpen ? agingBucket(r.days_overdue) : null,
      };
    }),
  };
}

/** Overdue debt per account as of today (kpi.md terms), in the account's currency; callers have scoped the accounts. */
export async function overdueByAccount(
  ctx: Ctx,
  accountIds: string[],
  today: string,
): Promise<Map<string, { amount: string; currency: string }>> {
  if (!accountIds.length) return new Map();
  const { rows } = await ctx.db.execute<{ account_id: string; amount: string; currency: string }>(sql`
    SELECT i.account_id, round(sum(greatest(i.amount - coalesce(p.paid, 0), 0)), 2)::text AS amount, a.currency
    FROM invoices i
    JOIN accounts a ON a.id = i.account_id
    LEFT JOIN LATERAL (
      SELECT sum(x.amount) AS paid FROM payments x WHERE x.invoice_id = i.invoice_id AND x.payment_date <= ${today}::date
    ) p ON true
    WHERE i.account_id = ANY(${sql.param(accountIds)}::uuid[]) AND i.settled_on IS NULL
      AND i.due_date < ${today}::date AND i.issue_date <= ${today}::date
    GROUP BY i.account_id, a.currency
    HAVING sum(greatest(i.amount - coalesce(p.paid, 0), 0)) > 0`);
  return new Map(rows.map((r) => [r.account_id, { amount: r.amount, currency: r.currency }]));
}
