import { type SQL, sql } from 'drizzle-orm';
import { actorOf, type Ctx } from '../../core/context.js';
import { ownerRanges } from '../accounts/ownership.js';
import { notFound } from '../../core/errors.js';
import { assertCan } from '../../core/policy/policy.js';
import { meetingTypes } from '../interactions/interactions.contracts.js';
import { agingBucketSql } from '../invoices/invoices.contracts.js';
import { Exact } from './exact.js';
import { type DrillColumn, type DrillQuery, type DrillResult, drillOf, type KpiKey } from './kpi.contracts.js';
import { covers, type Grouping, orderedBetween, type Period, periodEnd, periodStart } from './kpi.facts.js';
import { monthOverlap } from './kpi.figures.js';
import { figuresFor, periodFor, personByEmail, visibleManagerIds } from './kpi.service.js';

const LIMIT = 5000;

interface Drill {
  columns: DrillColumn[];
  rows: SQL;
}

const col = (id: string, type: DrillColumn['type']): DrillColumn => ({ id, type });
const ref = (id: SQL, name: SQL) => sql`json_build_object('id', ${id}, 'name', ${name})`;

/**
 * The rows behind one figure of the report (F3): the same rules as kpi.facts.ts, row by row, so that
 * a manager can check every number. `owners` is null for the company total.
 */
function drillSql(key: KpiKey, p: Period, owners: string[] | null, by: 'account' | 'product' | 'line'): Drill {
  const from = sql`${p.from}::date`;
  const to = sql`${p.to}::date`;
  const w = sql`${p.windowDays}::int`;
  const mine = (owner: SQL) => (owners ? sql`${owner} = ANY(${sql.param(owners)}::uuid[])` : sql`true`);
  const ranges = sql`ranges AS MATERIALIZED (${ownerRanges})`;

  switch (drillOf[key]) {
    case 'cohort': {
      const leaves = owners
        ? sql`EXISTS (SELECT 1 FROM ranges r WHERE r.account_id = a.id AND r.lo > ${from} AND r.lo <= ${to}
                AND NOT (r.owner_id = ANY(${sql.param(owners)}::uuid[])))`
        : sql`false`;
      const onlyChurned = key === 'churned' ? sql`WHERE reason IS NOT NULL` : sql``;
      return {
        columns: [
          col('account', 'account'),
          col('owner_at_start', 'user'),
          col('last_order_before', 'date'),
          col('last_order', 'date'),
          col('reason', 'text'),
          col('lost_date', 'date'),
        ],
        rows: sql`WITH ${ranges}, cohort AS (
            SELECT a.id, a.name, a.status, a.lost_date, u.id AS owner_id, u.name AS owner_name,
              (SELECT max(l.order_date) FROM order_lines l WHERE l.account_id = a.id AND l.status = 'confirmed' AND l.order_date < ${from}) AS before,
              (SELECT max(l.order_date) FROM order_lines l WHERE l.account_id = a.id AND l.status = 'confirmed' AND l.order_date <= ${to}) AS last,
              CASE WHEN a.status = 'lost' AND a.lost_date BETWEEN ${from} AND ${to} THEN 'marked_lost'
                   WHEN NOT ${orderedBetween(sql`a.id`, sql`${to} - ${w} + 1`, to)} THEN 'no_order_in_window' END AS reason
            FROM accounts a
            LEFT JOIN ranges r ON r.account_id = a.id AND ${covers(from)}
            LEFT JOIN users u ON u.id = r.owner_id
            WHERE ${orderedBetween(sql`a.id`, sql`${from} - ${w}`, sql`${from} - 1`)} AND ${mine(sql`r.owner_id`)} AND NOT ${leaves})
          SELECT json_build_object('account', ${ref(sql`id`, sql`name`)},
            'owner_at_start', CASE WHEN owner_id IS NULL THEN NULL ELSE ${ref(sql`owner_id`, sql`owner_name`)} END,
            'last_order_before', before, 'last_order', last, 'reason', reason, 'lost_date', lost_date) AS row
          FROM cohort ${onlyChurned} ORDER BY reason NULLS LAST, name`,
      };
    }
    case 'new_clients':
      return {
        columns: [col('account', 'account'), col('first_order', 'date'), col('owner', 'user')],
        rows: sql`WITH ${ranges}
          SELECT json_build_object('account', ${ref(sql`a.id`, sql`a.name`)}, 'first_order', f.first_date,
            'owner', CASE WHEN u.id IS NULL THEN NULL ELSE ${ref(sql`u.id`, sql`u.name`)} END) AS row
          FROM kpi_account_firsts f JOIN accounts a ON a.id = f.account_id
          LEFT JOIN ranges r ON r.account_id = f.account_id AND ${covers(sql`f.first_date`)}
          LEFT JOIN users u ON u.id = r.owner_id
          WHERE f.first_date BETWEEN ${from} AND ${to} AND ${mine(sql`r.owner_id`)}
          ORDER BY f.first_date, a.name`,
      };
    case 'active_clients':
      return {
        columns: [col('account', 'account'), col('last_order', 'date'), col('owner', 'user')],
        rows: sql`WITH ${ranges}
          SELECT json_build_object('account', ${ref(sql`a.id`, sql`a.name`)},
            'last_order', (SELECT max(l.order_date) FROM order_lines l WHERE l.account_id = a.id AND l.status = 'confirmed' AND l.order_date <= ${to}),
            'owner', CASE WHEN u.id IS NULL THEN NULL ELSE ${ref(sql`u.id`, sql`u.name`)} END) AS row
          FROM accounts a
          LEFT JOIN ranges r ON r.account_id = a.id AND ${covers(to)}
          LEFT JOIN users u ON u.id = r.owner_id
          WHERE ${orderedBetween(sql`a.id`, sql`${to} - ${w} + 1`, to)} AND ${mine(sql`r.owner_id`)}
          ORDER BY a.name`,
      };
    case 'upsell':
      return {
        columns: [col('account', 'account'), col('sku', 'code'), col('product', 'text'), col('type', 'text'), col('first_order', 'date')],
        rows: sql`WITH ${ranges}
          SELECT json_build_object('account', ${ref(sql`a.id`, sql`a.name`)}, 'sku', pr.sku, 'product', pr.name,
            'type', pr.type, 'first_order', fl.first_date) AS row
          FROM kpi_first_lines fl
          JOIN kpi_account_firsts af ON af.account_id = fl.account_id AND af.first_date < ${from}
          JOIN products pr ON pr.id = fl.product_id
          JOIN accounts a ON a.id = fl.account_id
          LEFT JOIN ranges r ON r.account_id = fl.account_id AND ${covers(sql`fl.first_date`)}
          WHERE fl.first_date BETWEEN ${from} AND ${to} AND ${mine(sql`r.owner_id`)}
            ${key === 'additional_services' ? sql`AND pr.type = 'service'` : sql``}
          ORDER BY fl.first_date, a.name, pr.sku`,
      };
    case 'interactions': {
      const types = key === 'calls' ? ['call'] : [...meetingTypes];
      return {
        columns: [
          col('occurred_at', 'datetime'),
          col('account', 'account'),
          col('user', 'user'),
          col('type', 'text'),
          col('subject', 'text'),
        ],
        rows: sql`SELECT json_build_object('occurred_at', i.occurred_at, 'account', ${ref(sql`a.id`, sql`a.name`)},
            'user', ${ref(sql`u.id`, sql`u.name`)}, 'type', i.type, 'subject', i.subject) AS row
          FROM interactions i JOIN accounts a ON a.id = i.account_id JOIN users u ON u.id = i.user_id
          WHERE i.status = 'done' AND i.occurred_at >= ${periodStart(p)} AND i.occurred_at < ${periodEnd(p)}
            AND i.type::text = ANY(${sql.param(types)}::text[]) AND ${mine(sql`i.user_id`)}
          ORDER BY i.occurred_at`,
      };
    }
    case 'sales':
      return salesDrill(key, p, mine, by);
    case 'plan':
      // prorated in TypeScript (exact); the rows are the months
      return {
        columns: [col('manager', 'user'), col('month', 'text'), col('revenue_target', 'money')],
        rows: sql`SELECT json_build_object('manager', ${ref(sql`u.id`, sql`u.name`)}, 'month', to_char(t.month, 'YYYY-MM'),
            'revenue_target', t.revenue_target::text) AS row
          FROM manager_targets t JOIN users u ON u.id = t.user_id
          WHERE t.month <= ${to} AND (t.month + interval '1 month')::date > ${from} AND ${mine(sql`t.user_id`)}
          ORDER BY t.month, u.email`,
      };
    case 'receivables':
      return {
        columns: [
          col('invoice', 'code'),
          col('account', 'account'),
          col('issue_date', 'date'),
          col('due_date', 'date'),
          col('amount', 'money'),
          col('paid', 'money'),
          col('outstanding', 'money'),
          col('days_overdue', 'count'),
          col('bucket', 'text'),
        ],
        rows: sql`WITH ${ranges}, open AS (
            SELECT i.*, coalesce((SELECT sum(pm.amount) FROM payments pm WHERE pm.invoice_id = i.invoice_id AND pm.payment_date <= ${to}), 0) AS paid,
                   ${to} - i.due_date AS days
            FROM invoices i
            LEFT JOIN ranges r ON r.account_id = i.account_id AND ${covers(to)}
            WHERE i.issue_date <= ${to} AND (i.settled_on IS NULL OR i.settled_on > ${to}) AND ${mine(sql`r.owner_id`)}
              ${key === 'receivables_overdue' ? sql`AND i.due_date < ${to}` : sql``})
          SELECT json_build_object('invoice', o.invoice_id, 'account', ${ref(sql`a.id`, sql`a.name`)}, 'issue_date', o.issue_date,
            'due_date', o.due_date, 'amount', o.amount::text, 'paid', o.paid::text, 'outstanding', greatest(0, o.amount - o.paid)::text,
            'days_overdue', greatest(0, o.days), 'bucket', ${sql.raw(agingBucketSql('o.days'))}) AS row
          FROM open o JOIN accounts a ON a.id = o.account_id
          ORDER BY o.days DESC, o.invoice_id`,
      };
    case 'complaints':
      return {
        columns: [
          col('received_at', 'datetime'),
          col('account', 'account'),
          col('severity', 'text'),
          col('category', 'text'),
          col('justified', 'bool'),
          col('first_response_at', 'datetime'),
          col('response_hours', 'hours'),
        ],
        rows: sql`WITH ${ranges}
          SELECT json_build_object('received_at', c.received_at, 'account', ${ref(sql`a.id`, sql`a.name`)}, 'severity', c.severity,
            'category', c.category, 'justified', c.justified, 'first_response_at', c.first_response_at,
            'response_hours', round(round(extract(epoch FROM c.first_response_at - c.received_at)) / 3600, 2)) AS row
          FROM complaints c JOIN accounts a ON a.id = c.account_id
          LEFT JOIN ranges r ON r.account_id = c.account_id AND ${covers(sql`(c.received_at AT TIME ZONE ${p.timeZone})::date`)}
          WHERE c.received_at >= ${periodStart(p)} AND c.received_at < ${periodEnd(p)} AND ${mine(sql`r.owner_id`)}
            ${key === 'complaints_justified' ? sql`AND c.justified` : sql``}
            ${key === 'first_response_median_hours' ? sql`AND c.first_response_at IS NOT NULL` : sql``}
          ORDER BY c.received_at`,
      };
  }
}

/** Revenue and margin: confirmed lines less returns, each counted for the owner stamped on it. */
function salesDrill(key: KpiKey, p: Period, mine: (owner: SQL) => SQL, by: 'account' | 'product' | 'line'): Drill {
  const previous = key === 'revenue_prev' || key === 'margin_prev';
  const lo = sql`${previous ? p.prevFrom : p.from}::date`;
  const hi = sql`${previous ? p.prevTo : p.to}::date`;
  const facts = sql`facts AS (
      SELECT 'line' AS kind, l.order_id, l.line_no, l.order_date AS day, l.account_id, l.product_id, l.quantity,
             l.net_amount AS revenue, l.net_amount - l.quantity * l.unit_cost AS margin
      FROM order_lines l
      WHERE l.status = 'confirmed' AND l.order_date BETWEEN ${lo} AND ${hi} AND ${mine(sql`l.owner_id`)}
      UNION ALL
      SELECT 'return', r.order_id, r.line_no, r.return_date, r.account_id, l.product_id, -r.quantity,
             -(r.quantity * l.unit_price * (100 - l.discount_pct) / 100),
             -(r.quantity * (l.unit_price * (100 - l.discount_pct) / 100 - l.unit_cost))
      FROM order_returns r JOIN order_lines l ON l.order_id = r.order_id AND l.line_no = r.line_no
      WHERE r.return_date BETWEEN ${lo} AND ${hi} AND ${mine(sql`r.owner_id`)})`;
  if (by === 'product')
    return {
      columns: [col('sku', 'code'), col('product', 'text'), col('quantity', 'number'), col('revenue', 'money'), col('margin', 'money')],
      rows: sql`WITH ${facts}
        SELECT json_build_object('sku', pr.sku, 'product', pr.name, 'quantity', sum(f.quantity)::text,
          'revenue', sum(f.revenue)::text, 'margin', sum(f.margin)::text) AS row
        FROM facts f JOIN products pr ON pr.id = f.product_id
        GROUP BY pr.id ORDER BY sum(f.revenue) DESC, pr.sku`,
    };
  if (by === 'line')
    return {
      columns: [
        col('date', 'date'),
        col('kind', 'text'),
        col('order', 'code'),
        col('account', 'account'),
        col('sku', 'code'),
        col('quantity', 'number'),
        col('revenue', 'money'),
        col('margin', 'money'),
      ],
      rows: sql`WITH ${facts}
        SELECT json_build_object('date', f.day, 'kind', f.kind, 'order', f.order_id || '/' || f.line_no,
          'account', ${ref(sql`a.id`, sql`a.name`)}, 'sku', pr.sku, 'quantity', f.quantity::text,
          'revenue', f.revenue::text, 'margin', f.margin::text) AS row
        FROM facts f JOIN accounts a ON a.id = f.account_id JOIN products pr ON pr.id = f.product_id
        ORDER BY f.day, f.order_id, f.line_no, f.kind`,
    };
  return {
    columns: [col('account', 'account'), col('lines', 'count'), col('returns', 'money'), col('revenue', 'money'), col('margin', 'money')],
    rows: sql`WITH ${facts}
      SELECT json_build_object('account', ${ref(sql`a.id`, sql`a.name`)}, 'lines', count(*) FILTER (WHERE f.kind = 'line'),
        'returns', coalesce(-sum(f.revenue) FILTER (WHERE f.kind = 'return'), 0)::text,
        'revenue', sum(f.revenue)::text, 'margin', sum(f.margin)::text) AS row
      FROM facts f JOIN accounts a ON a.id = f.account_id
      GROUP BY a.id ORDER BY sum(f.revenue) DESC, a.name`,
  };
}

/** The rows behind a figure, for a manager the caller may see or (for those who see everyone) the company. */
export async function kpiDrill(ctx: Ctx, q: DrillQuery): Promise<DrillResult> {
  assertCan(actorOf(ctx), 'kpi.drill');
  const visible = await visibleManagerIds(ctx);
  const person = q.manager ? await personByEmail(ctx, q.manager, visible) : null;
  if (!person && visible) throw notFound();
  const p = await periodFor(ctx.db, q.from, q.to);
  const owners = person ? [person.id] : null;
  const grouping: Grouping = person ? { kind: 'owners', groups: [{ key: 'm', userIds: [person.id] }] } : { kind: 'company' };
  const drill = drillSql(q.key, p, owners, q.by ?? 'account');
  const [{ rows }, figures] = await Promise.all([
    ctx.db.execute<{ row: Record<string, unknown> }>(sql`SELECT row FROM (${drill.rows}) d LIMIT ${LIMIT + 1}`),
    figuresFor(ctx.db, p, grouping),
  ]);
  const figure = (figures.get(person ? 'm' : 'total') ?? null)?.[q.key] ?? null;
  let out = rows.slice(0, LIMIT).map((r) => r.row as DrillResult['rows'][number]);
  let columns = drill.columns;
  if (drillOf[q.key] === 'plan') {
    columns = [...columns, col('days_inside', 'count'), col('days_in_month', 'count'), col('prorated', 'money')];
    out = out.map((r) => {
      const { inside, days } = monthOverlap(`${r.month as string}-01`, q.from, q.to);
      const prorated = Exact.decimal(r.revenue_target as string).mul(Exact.of(inside, days));
      return { ...r, days_inside: inside, days_in_month: days, prorated: prorated.toFixed(2) };
    });
  }
  return {
    key: q.key,
    kind: drillOf[q.key],
    from: q.from,
    to: q.to,
    manager: person?.email ?? null,
    columns,
    rows: out,
    figure,
    truncated: rows.length > LIMIT,
  };
}
