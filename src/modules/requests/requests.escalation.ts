import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../core/db/database.js';
import { startPeriodic } from '../../core/jobs/periodic.js';
import { notify } from '../notifications/notifications.service.js';
import { calendarOf, pastWarningPoint } from './requests.clock.js';
import { addRequestEvent, requestLink } from './requests.service.js';

const EVERY_MS = 30_000;

export interface EscalationResult {
  warned: number;
  breached: number;
}

type Claimed = {
  id: string;
  reference: string;
  title: string;
  department: string;
  assignee_id: string | null;
  requested_by_id: string;
  account_name: string;
};

/**
 * The requests' SLA clocks (D2). At 75 % of the business time to the deadline the assignee (or, while
 * nobody has taken it, the department's members) is warned; past the deadline the breach is recorded
 * and the requester, their senior KAM and the heads are told. Each effect happens exactly once,
 * however many processes run this at once: a conditional UPDATE … WHERE warned_at/breached_at IS NULL
 * … RETURNING claims the request, in the same transaction as its notifications and events.
 */
export async function runRequestEscalations(db: Db, now: Date = new Date()): Promise<EscalationResult> {
  let warned = 0;
  let breached = 0;

  const { rows: candidates } = await db.execute<{ id: string; created_at: string; due_at: string }>(sql`
    SELECT id, created_at, due_at FROM department_requests
    WHERE warned_at IS NULL AND breached_at IS NULL AND due_at IS NOT NULL
      AND status IN ('new', 'in_progress', 'waiting')`);
  if (candidates.length) {
    const cal = await calendarOf(db);
    for (const c of candidates) {
      if (!pastWarningPoint(cal, new Date(c.created_at), new Date(c.due_at), now)) continue;
      await db.transaction(async (tx) => {
        const { rows } = await tx.execute<Claimed>(sql`
          UPDATE department_requests r SET warned_at = ${now.toISOString()}::timestamptz
          FROM accounts a
          WHERE r.id = ${c.id} AND a.id = r.account_id AND r.warned_at IS NULL AND r.breached_at IS NULL
            AND r.status IN ('new', 'in_progress', 'waiting')
          RETURNING r.id, r.reference, r.title, r.department::text AS department, r.assignee_id, r.requested_by_id,
            a.name AS account_name`);
        const row = rows[0];
        if (!row) return;
        warned++;
        const { rows: members } = row.assignee_id
          ? { rows: [{ id: row.assignee_id }] }
          : await tx.execute<{ id: string }>(sql`
              SELECT id FROM users WHERE role = 'department' AND department::text = ${row.department} AND disabled_at IS NULL`);
        for (const m of members)
          await notify(tx, {
            userId: m.id,
            kind: 'request_overdue',
            payload: { requestId: row.id, reference: row.reference, title: row.title, account: row.account_name, stage: 'warning' },
            link: requestLink(row.id),
            dedupeKey: `request_warning:${row.id}:${m.id}`,
          });
        await addRequestEvent(tx, row.id, 'warned', null, { to: row.assignee_id ? 'assignee' : 'department' });
      });
    }
  }

  await db.transaction(async (tx) => {
    const { rows } = await tx.execute<Claimed & { manager_id: string | null; manager_role: string | null }>(sql`
      WITH claimed AS (
        UPDATE department_requests SET breached_at = ${now.toISOString()}::timestamptz
        WHERE breached_at IS NULL AND due_at IS NOT NULL AND due_at < ${now.toISOString()}::timestamptz
          AND status IN ('new', 'in_progress', 'waiting')
        RETURNING id, reference, title, department, assignee_id, requested_by_id, account_id)
      SELECT c.id, c.reference, c.title, c.department::text AS department, c.assignee_id, c.requested_by_id,
        a.name AS account_name, u.manager_id, m.role::text AS manager_role
      FROM claimed c JOIN accounts a ON a.id = c.account_id
        JOIN users u ON u.id = c.requested_by_id LEFT JOIN users m ON m.id = u.manager_id`);
    if (!rows.length) return;
    const { rows: heads } = await tx.execute<{ id: string }>(sql`SELECT id FROM users WHERE role = 'head' AND disabled_at IS NULL`);
    for (const row of rows) {
      breached++;
      const told = new Set<string>([row.requested_by_id]);
      if (row.manager_id && row.manager_role === 'senior_kam') told.add(row.manager_id);
      for (const h of heads) told.add(h.id);
      for (const userId of told)
        await notify(tx, {
          userId,
          kind: 'request_overdue',
          payload: { requestId: row.id, reference: row.reference, title: row.title, account: row.account_name, stage: 'breached' },
          link: requestLink(row.id),
          dedupeKey: `request_overdue:${row.id}:${userId}`,
        });
      await addRequestEvent(tx, row.id, 'breached', null, {});
    }
  });
  return { warned, breached };
}

/** Started by `grove serve`: the SLA clocks are checked every 30 seconds. */
export function startRequestEscalations(db: Db, log: Pick<Logger, 'warn'>): () => Promise<void> {
  return startPeriodic('request escalations', EVERY_MS, () => runRequestEscalations(db), log);
}
