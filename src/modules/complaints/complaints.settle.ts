import { eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { accounts } from '../accounts/accounts.schema.js';
import { loadBusinessCalendar } from '../company/business-calendar.service.js';
import { deadlines, type Targets, targetsFor } from './complaints.clock.js';
import { complaints } from './complaints.schema.js';

/**
 * Complaints that came in without the service desk (imports, the demo's history) get what the desk
 * gives its own: a status from their dates, the account's owner as handler, the SLA targets of their
 * tier and severity, deadlines, and the breaches their dates show (a first response or resolution
 * later than its deadline). Those still open are then watched by the escalation job like any other.
 */
export async function settleComplaintClocks(db: Db): Promise<number> {
  const cal = await loadBusinessCalendar(db);
  const rows = await db
    .select({ c: complaints, tier: accounts.tier, ownerId: accounts.ownerId })
    .from(complaints)
    .innerJoin(accounts, eq(accounts.id, complaints.accountId))
    .where(isNull(complaints.responseTargetMinutes));
  const now = new Date();
  const targets = new Map<string, Targets>();
  const settled: Record<string, unknown>[] = [];
  for (const { c, tier, ownerId } of rows) {
    const key = `${tier}:${c.severity}`;
    const t = targets.get(key) ?? (await targetsFor(db, cal, tier, c.severity));
    targets.set(key, t);
    const withTargets = { ...c, responseTargetMinutes: t.responseMinutes, resolutionTargetMinutes: t.resolutionMinutes };
    const raw = deadlines(cal, { ...withTargets, firstResponseAt: null, resolvedAt: null }, []);
    const current = deadlines(cal, withTargets, []);
    const late = (done: Date | null, due: Date | null) => (due && done && done > due ? due : null);
    const stop = c.firstResponseAt ?? c.resolvedAt;
    settled.push({
      id: c.id,
      status: c.resolvedAt
        ? now.getTime() - c.resolvedAt.getTime() > 14 * 86_400_000
          ? 'closed'
          : 'resolved'
        : c.firstResponseAt
          ? 'in_progress'
          : 'new',
      handler: c.handlerId ?? ownerId,
      subject: c.subject ?? c.category,
      response_target: t.responseMinutes,
      resolution_target: t.resolutionMinutes,
      response_due: current.responseDueAt?.toISOString() ?? null,
      resolution_due: current.resolutionDueAt?.toISOString() ?? null,
      // history: a clock that ran out before it stopped was breached then; open ones are left to the job
      response_breached: late(stop, raw.responseDueAt)?.toISOString() ?? null,
      resolution_breached: late(c.resolvedAt, raw.resolutionDueAt)?.toISOString() ?? null,
    });
  }
  if (settled.length)
    await db.execute(sql`
      UPDATE complaints c SET status = s.status::complaint_status, handler_id = s.handler, subject = s.subject,
        response_target_minutes = s.response_target, resolution_target_minutes = s.resolution_target,
        response_due_at = s.response_due, resolution_due_at = s.resolution_due,
        response_breached_at = s.response_breached, resolution_breached_at = s.resolution_breached
      FROM jsonb_to_recordset(${JSON.stringify(settled)}::jsonb) AS s(
        id uuid, status text, handler uuid, subject text, response_target int, resolution_target int,
        response_due timestamptz, resolution_due timestamptz, response_breached timestamptz, resolution_breached timestamptz)
      WHERE c.id = s.id AND c.response_target_minutes IS NULL`);
  return rows.length;
}
