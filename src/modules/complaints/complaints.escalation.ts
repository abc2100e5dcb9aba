import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { startPeriodic } from '../../core/jobs/periodic.js';
import { loadBusinessCalendar } from '../company/business-calendar.service.js';
import { notify, notifyMany } from '../notifications/notifications.service.js';
import { users } from '../users/users.schema.js';
import { pausesOfMany, warningAt } from './complaints.clock.js';
import { complaints } from './complaints.schema.js';
import { addEvent } from './complaints.workflow.js';

/**
 * Escalation of complaint clocks (D1): at 75 % of a target the handler is warned; on breach the
 * breach is recorded and the handler, their senior KAM and the head are told. Each step is a
 * conditional UPDATE (… WHERE <step>_at IS NULL RETURNING) in one transaction with its notices, so it
 * happens exactly once whichever of several processes runs it, and a restarted process carries on
 * from the rows. Deadlines are stored instants (complaints.clock.ts keeps them), so breaches are one
 * index range scan.
 */

const EVERY_MS = 15_000;
const BATCH = 500;
type Clock = 'response' | 'resolution' | 'legal';

export interface EscalationResult {
  warned: number;
  breached: number;
}

const open = notInArray(complaints.status, ['resolved', 'closed']);

const breachColumn = { response: 'response', resolution: 'resolution', legal: 'legal' } as const;

/** The managers (senior KAMs) of handlers, and every head: whom a breach is reported to besides the handler. */
async function escalationChain(tx: Executor, handlerIds: string[]): Promise<{ heads: string[]; managerOf: Map<string, string> }> {
  const heads = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'head'), isNull(users.disabledAt)));
  const managers = handlerIds.length
    ? await tx.select({ id: users.id, managerId: users.managerId }).from(users).where(inArray(users.id, handlerIds))
    : [];
  return {
    heads: heads.map((h) => h.id),
    managerOf: new Map(managers.filter((m) => m.managerId).map((m) => [m.id, m.managerId as string])),
  };
}

/** One batch of breaches of a clock: the rows, their events and notices in one transaction. */
async function breach(db: Db, clock: Clock, now: Date): Promise<number> {
  const due = sql.raw(`${breachColumn[clock]}_due_at`);
  const at = sql.raw(`${breachColumn[clock]}_breached_at`);
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string; reference: string; handler_id: string | null; account_name: string }>(sql`
      UPDATE complaints c SET ${at} = ${now}
      FROM accounts a
      WHERE a.id = c.account_id AND c.${at} IS NULL
        AND c.id IN (SELECT id FROM complaints WHERE ${due} <= ${now} AND ${at} IS NULL
                       AND status NOT IN ('resolved', 'closed') AND paused_since IS NULL
                     ORDER BY ${due} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING c.id, c.reference, c.handler_id, a.name AS account_name`);
    if (!rows.length) return 0;
    await tx.execute(sql`
      INSERT INTO complaint_events (complaint_id, kind, data, created_at)
      SELECT id, 'breached', jsonb_build_object('clock', ${clock}::text), clock_timestamp()
      FROM unnest(${sql.param(rows.map((r) => r.id))}::uuid[]) AS id`);
    const chain = await escalationChain(tx, [...new Set(rows.flatMap((r) => (r.handler_id ? [r.handler_id] : [])))]);
    const notices = rows.flatMap((r) => {
      const to = new Set(chain.heads);
      if (r.handler_id) {
        to.add(r.handler_id);
        const manager = chain.managerOf.get(r.handler_id);
        if (manager) to.add(manager);
      }
      return [...to].map((userId) => ({
        userId,
        kind: 'complaint_breach' as const,
        payload: { complaintId: r.id, reference: r.reference, clock, accountName: r.account_name },
        link: `/service?complaint=${r.id}`,
        dedupeKey: `complaint_breach:${r.id}:${clock}:${userId}`,
      }));
    });
    await notifyMany(tx, notices);
    return rows.length;
  });
}

/** 75 % warnings: the instant depends on business hours and pauses, so candidates are checked in code. */
async function warn(db: Db, now: Date): Promise<number> {
  const candidates = await db
    .select()
    .from(complaints)
    .where(
      and(
        open,
        isNull(complaints.pausedSince),
        sql`((${complaints.responseDueAt} IS NOT NULL AND ${complaints.responseWarnedAt} IS NULL)
          OR (${complaints.resolutionDueAt} IS NOT NULL AND ${complaints.resolutionWarnedAt} IS NULL))`,
      ),
    )
    .limit(5_000);
  if (!candidates.length) return 0;
  const cal = await loadBusinessCalendar(db);
  const pausesByComplaint = await pausesOfMany(
    db,
    candidates.map((c) => c.id),
  );
  let warned = 0;
  for (const c of candidates) {
    const pauses = pausesByComplaint.get(c.id) ?? [];
    for (const clock of ['response', 'resolution'] as const) {
      const target = clock === 'response' ? c.responseTargetMinutes : c.resolutionTargetMinutes;
      const due = clock === 'response' ? c.responseDueAt : c.resolutionDueAt;
      const already = clock === 'response' ? c.responseWarnedAt : c.resolutionWarnedAt;
      // past the deadline the breach speaks; a warning after it would only confuse
      if (!target || !due || already || due <= now) continue;
      const at = warningAt(cal, c.receivedAt, target, pauses);
      if (!at || at > now) continue;
      warned += await db.transaction(async (tx) => {
        const column = clock === 'response' ? complaints.responseWarnedAt : complaints.resolutionWarnedAt;
        const done = await tx
          .update(complaints)
          .set(clock === 'response' ? { responseWarnedAt: now } : { resolutionWarnedAt: now })
          .where(and(eq(complaints.id, c.id), isNull(column), open))
          .returning({ id: complaints.id });
        if (!done.length) return 0;
        await addEvent(tx, c.id, 'warned', null, { clock, due: due.toISOString() });
        if (c.handlerId)
          await notify(tx, {
            userId: c.handlerId,
            kind: 'complaint_warning',
            payload: { complaintId: c.id, reference: c.reference, clock, due: due.toISOString() },
            link: `/service?complaint=${c.id}`,
            dedupeKey: `complaint_warning:${c.id}:${clock}`,
          });
        return 1;
      });
    }
  }
  return warned;
}

export async function runComplaintEscalations(db: Db, now: Date = new Date()): Promise<EscalationResult> {
  let breached = 0;
  for (const clock of ['response', 'resolution', 'legal'] as const) {
    // in batches until no breach is left for this clock
    for (let n = await breach(db, clock, now); n > 0; n = await breach(db, clock, now)) breached += n;
  }
  return { warned: await warn(db, now), breached };
}

export function startComplaintEscalations(db: Db, log: Pick<Logger, 'warn'>, everyMs = EVERY_MS): () => Promise<void> {
  return startPeriodic('complaint escalations', everyMs, () => runComplaintEscalations(db), log);
}
