import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/tx.js';
import { ownerRanges } from '../accounts/ownership.js';
import { meetingTypes } from '../interactions/interactions.contracts.js';

/** The period of a report and the company settings it is counted with (kpi.md). */
export interface Period {
  from: string;
  to: string;
  prevFrom: string;
  prevTo: string;
  windowDays: number;
  timeZone: string;
}

/**
 * Whom the figures are counted for. `owners`: each group is a set of users, and "Owner = M" reads
 * "the owner is one of the group" (a manager is a group of one; a team a group of many). `company`:
 * the owner conditions are dropped and S' = S (kpi.md, Company total).
 */
export type Grouping =
  | { kind: 'owners'; groups: { key: string; userIds: string[] }[] }
  /** every user on their own, keyed by their id: the managers of a report, without naming them first */
  | { kind: 'each' }
  | { kind: 'company' };

/** What the database counts and sums for a group; figures are derived from these in kpi.figures.ts. */
export interface RawFacts {
  start_base: number;
  churned: number;
  new_clients: number;
  active_clients_end: number;
  upsell_pairs: number;
  additional_services: number;
  meetings: number;
  calls: number;
  complaints: number;
  complaints_justified: number;
  /** exact decimals as text */
  revenue: string;
  margin: string;
  revenue_prev: string;
  margin_prev: string;
  receivables_outstanding: string;
  receivables_overdue: string;
  /** the monthly revenue targets overlapping the period */
  plans: { month: string; target: string }[];
  /** whole seconds from receipt to first response, of the complaints that have one */
  response_seconds: string[];
}

export function emptyFacts(): RawFacts {
  return {
    start_base: 0,
    churned: 0,
    new_clients: 0,
    active_clients_end: 0,
    upsell_pairs: 0,
    additional_services: 0,
    meetings: 0,
    calls: 0,
    complaints: 0,
    complaints_justified: 0,
    revenue: '0',
    margin: '0',
    revenue_prev: '0',
    margin_prev: '0',
    receivables_outstanding: '0',
    receivables_overdue: '0',
    plans: [],
    response_seconds: [],
  };
}

/** `r` (a row of ownerRanges) covers the day. */
export const covers = (day: SQL) => sql`r.lo <= ${day} AND (r.hi IS NULL OR r.hi > ${day})`;

/** An account has a confirmed line with an order date in [lo, hi]. */
export const orderedBetween = (account: SQL, lo: SQL, hi: SQL) =>
  sql`EXISTS (SELECT 1 FROM order_lines l WHERE l.account_id = ${account} AND l.status = 'confirmed' AND l.order_date BETWEEN ${lo} AND ${hi})`;

/** The instants of the period's first and day-after-last midnights in the company time zone. */
export const periodStart = (p: Period) => sql`(${p.from}::date::timestamp AT TIME ZONE ${p.timeZone})`;
export const periodEnd = (p: Period) => sql`((${p.to}::date + 1)::timestamp AT TIME ZONE ${p.timeZone})`;

/**
 * Counts and sums every building block of kpi.md for each group in one round trip. Each part is
 * set-based and reads only the period (and the activity windows around it): the revenue and margin
 * come from the per-owner daily summaries, first orders from the first-order summaries.
 */
export async function loadFacts(db: Executor, p: Period, grouping: Grouping): Promise<Map<string, RawFacts>> {
  const from = sql`${p.from}::date`;
  const to = sql`${p.to}::date`;
  const w = sql`${p.windowDays}::int`;
  const company = grouping.kind === 'company';
  const each = grouping.kind === 'each';
  const groups = grouping.kind === 'owners' ? grouping.groups : [];
  const keys = groups.flatMap((g) => g.userIds.map(() => g.key));
  const userIds = groups.flatMap((g) => g.userIds);
  /** joins a group to rows whose owner (or user) is `who`; the company has one group, 'total' */
  const group = (who: SQL) =>
    company
      ? sql`CROSS JOIN (SELECT 'total'::text AS gkey) g`
      : each
        ? sql`JOIN LATERAL (SELECT (${who})::text AS gkey WHERE ${who} IS NOT NULL) g ON true`
        : sql`JOIN g ON g.user_id = ${who}`;
  // S' (kpi.md): a manager's cohort loses the accounts that someone outside the group owns on a day of P
  const staysInGroup = company
    ? sql`true`
    : each
      ? sql`NOT EXISTS (SELECT 1 FROM moved m WHERE m.account_id = c.account_id AND m.owner_id <> c.owner_id)`
      : sql`NOT EXISTS (
        SELECT 1 FROM moved m WHERE m.account_id = c.account_id
          AND NOT EXISTS (SELECT 1 FROM g g2 WHERE g2.gkey = g.gkey AND g2.user_id = m.owner_id))`;

  /** the owner's join, which the company (every account, owned or not) does without */
  const owned = (join: SQL) => (company ? sql`` : join);

  const result = await db.execute<{ gkey: string; metric: string; n: string | null; list: string[] | null }>(sql`
    WITH g AS (SELECT * FROM unnest(${sql.param(keys)}::text[], ${sql.param(userIds)}::uuid[]) AS g(gkey, user_id)),
    ranges AS MATERIALIZED (${ownerRanges}),
    at_from AS (SELECT account_id, owner_id FROM ranges r WHERE ${covers(from)}),
    at_to AS (SELECT account_id, owner_id FROM ranges r WHERE ${covers(to)}),
    -- the assignments that start inside P (few): an account handed on inside P
    moved AS (SELECT account_id, owner_id FROM ranges WHERE lo > ${from} AND lo <= ${to}),
    -- whether each account is active on the day before P and on its last day (one probe each)
    activity AS MATERIALIZED (
      SELECT a.id AS account_id, a.status, a.lost_date,
             ${orderedBetween(sql`a.id`, sql`${from} - ${w}`, sql`${from} - 1`)} AS before,
             ${orderedBetween(sql`a.id`, sql`${to} - ${w} + 1`, to)} AS at_end
      FROM accounts a
    ),
    cohort AS (
      SELECT x.account_id, ${company ? sql`NULL::uuid` : sql`f.owner_id`} AS owner_id, x.status, x.lost_date, x.at_end
      FROM activity x ${owned(sql`LEFT JOIN at_from f ON f.account_id = x.account_id`)}
      WHERE x.before
    ),
    kept AS (
      SELECT g.gkey, c.account_id,
             NOT c.at_end OR (c.status = 'lost' AND c.lost_date BETWEEN ${from} AND ${to}) AS churned
      FROM cohort c ${group(sql`c.owner_id`)}
      WHERE ${staysInGroup}
    ),
    sales AS (
      SELECT g.gkey,
             sum(d.revenue) FILTER (WHERE d.day >= ${from}) AS revenue,
             sum(d.margin) FILTER (WHERE d.day >= ${from}) AS margin,
             sum(d.revenue) FILTER (WHERE d.day <= ${p.prevTo}::date) AS revenue_prev,
             sum(d.margin) FILTER (WHERE d.day <= ${p.prevTo}::date) AS margin_prev
      FROM kpi_owner_days d ${group(sql`d.owner_id`)}
      WHERE d.day BETWEEN ${p.prevFrom}::date AND ${to}
      GROUP BY g.gkey
    ),
    -- the balance of each account on the last day (kpi_account_receivables), for its owner then
    receivables AS (
      SELECT g.gkey, sum(b.outstanding) AS outstanding, sum(b.overdue) AS overdue
      FROM accounts a
      CROSS JOIN LATERAL (
        SELECT k.outstanding, k.overdue FROM kpi_account_receivables k
        WHERE k.account_id = a.id AND k.day <= ${to} ORDER BY k.day DESC LIMIT 1) b
      ${owned(sql`LEFT JOIN at_to t ON t.account_id = a.id`)} ${group(sql`t.owner_id`)}
      GROUP BY g.gkey
    ),
    firsts AS (
      SELECT g.gkey, count(*) AS n
      FROM kpi_account_firsts f ${owned(sql`LEFT JOIN ranges r ON r.account_id = f.account_id AND ${covers(sql`f.first_date`)}`)}
      ${group(sql`r.owner_id`)}
      WHERE f.first_date BETWEEN ${from} AND ${to}
      GROUP BY g.gkey
    ),
    upsell AS (
      SELECT g.gkey, count(*) AS pairs, count(*) FILTER (WHERE pr.type = 'service') AS services
      FROM kpi_first_lines fl
      JOIN kpi_account_firsts af ON af.account_id = fl.account_id AND af.first_date < ${from}
      JOIN products pr ON pr.id = fl.product_id
      ${owned(sql`LEFT JOIN ranges r ON r.account_id = fl.account_id AND ${covers(sql`fl.first_date`)}`)}
      ${group(sql`r.owner_id`)}
      WHERE fl.first_date BETWEEN ${from} AND ${to}
      GROUP BY g.gkey
    ),
    active_end AS (
      SELECT g.gkey, count(*) AS n
      FROM activity x ${owned(sql`LEFT JOIN at_to t ON t.account_id = x.account_id`)} ${group(sql`t.owner_id`)}
      WHERE x.at_end
      GROUP BY g.gkey
    ),
    contacts AS (
      SELECT g.gkey,
             count(*) FILTER (WHERE i.type::text = ANY(${sql.param([...meetingTypes])}::text[])) AS meetings,
             count(*) FILTER (WHERE i.type = 'call') AS calls
      FROM interactions i ${group(sql`i.user_id`)}
      WHERE i.status = 'done' AND i.occurred_at >= ${periodStart(p)} AND i.occurred_at < ${periodEnd(p)}
      GROUP BY g.gkey
    ),
    complaint_rows AS (
      SELECT g.gkey, c.justified,
             round(extract(epoch FROM c.first_response_at - c.received_at))::bigint AS seconds
      FROM complaints c
      ${owned(sql`LEFT JOIN ranges r ON r.account_id = c.account_id AND ${covers(sql`(c.received_at AT TIME ZONE ${p.timeZone})::date`)}`)}
      ${group(sql`r.owner_id`)}
      WHERE c.received_at >= ${periodStart(p)} AND c.received_at < ${periodEnd(p)}
    ),
    plan_rows AS (
      SELECT g.gkey, t.month, t.revenue_target
      FROM manager_targets t ${group(sql`t.user_id`)}
      WHERE t.month <= ${to} AND (t.month + interval '1 month')::date > ${from}
    )
    SELECT gkey, 'start_base' AS metric, count(*)::text AS n, NULL::text[] AS list FROM kept GROUP BY gkey
    UNION ALL SELECT gkey, 'churned', count(*) FILTER (WHERE churned)::text, NULL FROM kept GROUP BY gkey
    UNION ALL SELECT gkey, 'revenue', revenue::text, NULL FROM sales
    UNION ALL SELECT gkey, 'margin', margin::text, NULL FROM sales
    UNION ALL SELECT gkey, 'revenue_prev', revenue_prev::text, NULL FROM sales
    UNION ALL SELECT gkey, 'margin_prev', margin_prev::text, NULL FROM sales
    UNION ALL SELECT gkey, 'receivables_outstanding', outstanding::text, NULL FROM receivables
    UNION ALL SELECT gkey, 'receivables_overdue', overdue::text, NULL FROM receivables
    UNION ALL SELECT gkey, 'new_clients', n::text, NULL FROM firsts
    UNION ALL SELECT gkey, 'upsell_pairs', pairs::text, NULL FROM upsell
    UNION ALL SELECT gkey, 'additional_services', services::text, NULL FROM upsell
    UNION ALL SELECT gkey, 'active_clients_end', n::text, NULL FROM active_end
    UNION ALL SELECT gkey, 'meetings', meetings::text, NULL FROM contacts
    UNION ALL SELECT gkey, 'calls', calls::text, NULL FROM contacts
    UNION ALL SELECT gkey, 'complaints', count(*)::text, NULL FROM complaint_rows GROUP BY gkey
    UNION ALL SELECT gkey, 'complaints_justified', count(*) FILTER (WHERE justified)::text, NULL FROM complaint_rows GROUP BY gkey
    UNION ALL SELECT gkey, 'response_seconds', NULL, array_agg(seconds::text) FILTER (WHERE seconds IS NOT NULL)
      FROM complaint_rows GROUP BY gkey
    UNION ALL SELECT gkey, 'plans', NULL, array_agg(to_char(month, 'YYYY-MM-DD') || '|' || revenue_target::text)
      FROM plan_rows GROUP BY gkey`);

  const facts = new Map<string, RawFacts>();
  const factsOf = (key: string) => {
    const known = facts.get(key);
    if (known) return known;
    const f = emptyFacts();
    facts.set(key, f);
    return f;
  };
  for (const row of result.rows) {
    const f = factsOf(row.gkey);
    switch (row.metric) {
      case 'response_seconds':
        f.response_seconds = row.list ?? [];
        break;
      case 'plans':
        f.plans = (row.list ?? []).map((s) => {
          const [month = '', target = '0'] = s.split('|');
          return { month, target };
        });
        break;
      case 'revenue':
      case 'margin':
      case 'revenue_prev':
      case 'margin_prev':
      case 'receivables_outstanding':
      case 'receivables_overdue':
        f[row.metric] = row.n ?? '0';
        break;
      default:
        (f as unknown as Record<string, number>)[row.metric] = Number(row.n ?? 0);
    }
  }
  return facts;
}
