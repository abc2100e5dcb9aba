import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { meetingTypes } from './interactions.contracts.js';

/**
 * What the weekly plan (contact-plan module) needs to know about interactions, as set-based queries
 * over accounts or people the caller has already scoped to the reader. Days are company calendar days.
 */

const uuids = (ids: string[]) => sql`${sql.param(ids)}::uuid[]`;
const visitLike = sql.raw(meetingTypes.map((t) => `'${t}'`).join(', '));

export interface ContactFacts {
  lastVisitAt: Date | null;
  lastCallAt: Date | null;
  daysSinceVisit: number | null;
  daysSinceCall: number | null;
  visitPlanned: boolean;
  callPlanned: boolean;
  nextPlannedAt: Date | null;
}

export async function contactFacts(
  ctx: Ctx,
  accountIds: string[],
  zone: string,
  today: string,
  now: Date,
): Promise<Map<string, ContactFacts>> {
  if (!accountIds.length) return new Map();
  const { rows } = await ctx.db.execute<{
    id: string;
    last_visit: string | null;
    last_call: string | null;
    visit_days: number | null;
    call_days: number | null;
    visit_planned: boolean;
    call_planned: boolean;
    next_planned: string | null;
  }>(sql`
    WITH f AS (
      SELECT a.id,
        (SELECT max(i.occurred_at) FROM interactions i
          WHERE i.account_id = a.id AND i.status = 'done' AND i.type IN (${visitLike}) AND i.occurred_at <= ${now}) AS last_visit,
        (SELECT max(i.occurred_at) FROM interactions i
          WHERE i.account_id = a.id AND i.status = 'done' AND i.type = 'call' AND i.occurred_at <= ${now}) AS last_call,
        EXISTS (SELECT 1 FROM interactions i WHERE i.account_id = a.id AND i.status = 'planned'
          AND i.type IN (${visitLike}) AND i.occurred_at >= ${now}) AS visit_planned,
        EXISTS (SELECT 1 FROM interactions i WHERE i.account_id = a.id AND i.status = 'planned'
          AND i.type = 'call' AND i.occurred_at >= ${now}) AS call_planned,
        (SELECT min(i.occurred_at) FROM interactions i
          WHERE i.account_id = a.id AND i.status = 'planned' AND i.occurred_at >= ${now}) AS next_planned
      FROM unnest(${uuids(accountIds)}) AS a(id)
    )
    SELECT id, last_visit, last_call, visit_planned, call_planned, next_planned,
           (${today}::date - (last_visit AT TIME ZONE ${zone})::date) AS visit_days,
           (${today}::date - (last_call AT TIME ZONE ${zone})::date) AS call_days
    FROM f`);
  const at = (v: string | null) => (v ? new Date(v) : null);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        lastVisitAt: at(r.last_visit),
        lastCallAt: at(r.last_call),
        daysSinceVisit: r.visit_days,
        daysSinceCall: r.call_days,
        visitPlanned: r.visit_planned,
        callPlanned: r.call_planned,
        nextPlannedAt: at(r.next_planned),
      },
    ]),
  );
}

/** Decision makers of the accounts not met (a done interaction they took part in) within `days`. */
export async function unmetDecisionMakers(
  ctx: Ctx,
  accountIds: string[],
  zone: string,
  today: string,
  days: number,
): Promise<Map<string, { contactId: string; name: string; daysSince: number | null }[]>> {
  if (!accountIds.length) return new Map();
  const { rows } = await ctx.db.execute<{ account_id: string; id: string; name: string; days: number | null }>(sql`
    SELECT c.account_id, c.id, c.full_name AS name,
           (${today}::date - (m.last AT TIME ZONE ${zone})::date) AS days
    FROM contacts c
    LEFT JOIN LATERAL (
      SELECT max(i.occurred_at) AS last FROM interaction_contacts ic
      JOIN interactions i ON i.id = ic.interaction_id AND i.status = 'done'
      WHERE ic.contact_id = c.id
    ) m ON true
    WHERE c.account_id = ANY(${uuids(accountIds)}) AND c.buying_role = 'decision_maker' AND c.archived_at IS NULL
      AND (m.last IS NULL OR (${today}::date - (m.last AT TIME ZONE ${zone})::date) >= ${days})
    ORDER BY m.last NULLS FIRST, c.full_name`);
  const out = new Map<string, { contactId: string; name: string; daysSince: number | null }[]>();
  for (const r of rows) out.set(r.account_id, [...(out.get(r.account_id) ?? []), { contactId: r.id, name: r.name, daysSince: r.days }]);
  return out;
}

export type PlanRow = {
  id: string;
  account_id: string;
  account_name: string;
  tier: 'key' | 'potential' | 'regular';
  type: string;
  status: string;
  origin: string;
  occurred_at: string;
  duration_minutes: number | null;
  all_day: boolean;
  subject: string | null;
  planned_for: string | null;
  moved: boolean;
  checklist_kind: string | null;
};

/** A person's interactions in [from, to) on accounts inside `scope` (the reader's account scope). */
export async function planRows(ctx: Ctx, userId: string, from: Date, to: Date, scope: SQL | undefined): Promise<PlanRow[]> {
  const { rows } = await ctx.db.execute<PlanRow>(sql`
    SELECT i.id, i.account_id, accounts.name AS account_name, accounts.tier, i.type, i.status, i.origin,
           i.occurred_at, i.duration_minutes, i.all_day, i.subject, i.planned_for, i.checklist_kind,
           EXISTS (SELECT 1 FROM interaction_moves m WHERE m.interaction_id = i.id) AS moved
    FROM interactions i JOIN accounts ON accounts.id = i.account_id
    WHERE i.user_id = ${userId} AND i.occurred_at >= ${from} AND i.occurred_at < ${to}
      ${scope ? sql`AND ${scope}` : sql``}
    ORDER BY i.occurred_at, i.id`);
  return rows;
}

export type AdherenceCounts = {
  user_id: string;
  planned: number;
  done: number;
  moved: number;
  cancelled: number;
  missed: number;
  upcoming: number;
  off_plan: number;
};

/** Plan vs done per person: items first planned for [from, to), and off-plan interactions done in it. */
export async function adherenceCounts(ctx: Ctx, userIds: string[], from: Date, to: Date, now: Date): Promise<AdherenceCounts[]> {
  if (!userIds.length) return [];
  const { rows } = await ctx.db.execute<AdherenceCounts>(sql`
    SELECT u.id AS user_id,
      count(p.id)::int AS planned,
      count(p.id) FILTER (WHERE p.status = 'done')::int AS done,
      count(p.id) FILTER (WHERE p.moved)::int AS moved,
      count(p.id) FILTER (WHERE p.status = 'cancelled')::int AS cancelled,
      count(p.id) FILTER (WHERE p.status = 'planned' AND p.occurred_at < ${now})::int AS missed,
      count(p.id) FILTER (WHERE p.status = 'planned' AND p.occurred_at >= ${now})::int AS upcoming,
      (SELECT count(*) FROM interactions o WHERE o.user_id = u.id AND o.origin = 'off_plan' AND o.status = 'done'
         AND o.occurred_at >= ${from} AND o.occurred_at < ${to})::int AS off_plan
    FROM unnest(${uuids(userIds)}) AS u(id)
    LEFT JOIN LATERAL (
      SELECT i.id, i.status, i.occurred_at, EXISTS (SELECT 1 FROM interaction_moves m WHERE m.interaction_id = i.id) AS moved
      FROM interactions i
      WHERE i.user_id = u.id AND i.planned_for >= ${from} AND i.planned_for < ${to}
    ) p ON true
    GROUP BY u.id`);
  return rows;
}

/** The last done interaction and the next planned one of each account. */
export async function lastAndNextContact(
  ctx: Ctx,
  accountIds: string[],
  now: Date,
): Promise<Map<string, { last: Date | null; next: Date | null }>> {
  if (!accountIds.length) return new Map();
  const { rows } = await ctx.db.execute<{ id: string; last: string | null; next: string | null }>(sql`
    SELECT a.id,
      (SELECT max(i.occurred_at) FROM interactions i WHERE i.account_id = a.id AND i.status = 'done' AND i.occurred_at <= ${now}) AS last,
      (SELECT min(i.occurred_at) FROM interactions i WHERE i.account_id = a.id AND i.status = 'planned' AND i.occurred_at >= ${now}) AS next
    FROM unnest(${uuids(accountIds)}) AS a(id)`);
  return new Map(rows.map((r) => [r.id, { last: r.last ? new Date(r.last) : null, next: r.next ? new Date(r.next) : null }]));
}
