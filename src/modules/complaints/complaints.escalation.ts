import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { startPeriodic } from '../../core/jobs/periodic.js';
import { accounts } from '../accounts/accounts.schema.js';
import { loadBusinessCalendar } from '../company/business-calendar.service.js';
import { notify } from '../notifications/notifications.service.js';
import { users } from '../users/users.schema.js';
import { pausesOf, warningAt } from './complaints.clock.js';
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

const breachColumns = {
  response: { due: complaints.responseDueAt, at: complaints.responseBreachedAt, column: 'response_breached_at' },
  resolution: { due: complaints.resolutionDueAt, at: complaints.resolutionBreachedAt, column: 'resolution_breached_at' },
  legal: { due: complaints.legalDueAt, at: complaints.legalBreachedAt, column: 'legal_breached_at' },
} as const;

/** Whom a breach is reported to: the handler, their manager (the senior KAM), every head. */
async function escalationTargets(tx: Executor, handlerId: string | null): Promise<string[]> {
  const heads = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'head'), isNull(users.disabledAt)));
  const ids = new Set(heads.map((h) => h.id));
  if (handlerId) {
    ids.add(handlerId);
    const [h] = await tx.select({ managerId: users.managerId }).from(users).where(eq(users.id, handlerId));
    if (h?.managerId) ids.add(h.managerId);
  }
  return [...ids];
}

async function breach(db: Db, clock: Clock, now: Date): Promise<number> {
  const c = breachColumns[clock];
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(complaints)
      .set({ [clock === 'response' ? 'responseBreachedAt' : clock === 'resolution' ? 'resolutionBreachedAt' : 'legalBreachedAt']: now })
      .where(
        and(
          sql`${complaints.id} IN (SELECT id FROM complaints WHERE ${c.due} <= ${now} AND ${c.at} IS NULL
                AND status NOT IN ('resolved', 'closed') AND paused_since IS NULL
                ORDER BY ${c.due} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
          isNull(c.at),
        ),
      )
      .returning({ id: complaints.id, reference: complaints.reference, handlerId: complaints.handlerId, accountId: complaints.accountId });
    for (const r of rows) {
      await addEvent(tx, r.id, 'breached', null, { clock });
      const [account] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, r.accountId));
      for (const userId of await escalationTargets(tx, r.handlerId))
        await notify(tx, {
          userId,
          kind: 'complaint_breach',
          payload: { complaintId: r.id, reference: r.reference, clock, accountName: account?.name ?? '' },
          link: `/service?complaint=${r.id}`,
          dedupeKey: `complaint_breach:${r.id}:${clock}:${userId}`,
        });
    }
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
  let warned = 0;
  for (const c of candidates) {
    const pauses = await pausesOf(db, c.id);
    for (const clock of ['response', 'resolution'] as const) {
      const target = clock === 'response' ? c.responseTargetMinutes : c.resolutionTargetMinutes;
      const due = clock === 'response' ? c.responseDueAt : c.resolutionDueAt;
      const already = clock === 'response' ? c.responseWarnedAt : c.resolutionWarnedAt;
      if (!target || !due || already) continue;
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
