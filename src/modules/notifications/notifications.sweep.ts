import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { startPeriodic } from '../../core/jobs/periodic.js';
import { findCompany } from '../company/company.service.js';
import { todayIn } from '../plans/plans.rules.js';
import { DEFAULT_REMINDER_MINUTES } from './notifications.contracts.js';
import { dayBefore } from './notifications.rules.js';
import { notify, taskLink } from './notifications.service.js';

const EVERY_MS = 60_000;

/** The link and dedupe key of an absence notification, shared by the sweep and an early end. */
export const absenceLink = '/profile';
export const absenceEndedKey = (absenceId: string, userId: string) => `absence_ended:${absenceId}:${userId}`;

export interface SweepResult {
  created: number;
}

/**
 * The notifications that time produces (H5), each exactly once thanks to its dedupe key however
 * often and in however many processes the sweep runs: tasks due today and overdue since yesterday
 * (company calendar), reminders of planned interactions within each user's reminder window, and
 * absences that started today or ended yesterday (to the absent user and the deputy).
 */
export async function runNotificationSweep(db: Db, now: Date = new Date()): Promise<SweepResult> {
  const company = await findCompany(db);
  const today = todayIn(company?.timeZone ?? 'UTC', now);
  const yesterday = dayBefore(today);
  let created = 0;
  const add = async (...args: Parameters<typeof notify>) => {
    if (await notify(...args)) created++;
  };

  const { rows: due } = await db.execute<{ id: string; title: string; assignee_id: string; due_date: string }>(sql`
    SELECT t.id, t.title, t.assignee_id, t.due_date::text AS due_date
    FROM tasks t JOIN users u ON u.id = t.assignee_id
    WHERE t.status IN ('open', 'in_progress') AND u.disabled_at IS NULL
      AND t.due_date IN (${today}::date, ${yesterday}::date)`);
  for (const t of due) {
    const kind = t.due_date === today ? 'task_due' : 'task_overdue';
    await add(db, {
      userId: t.assignee_id,
      kind,
      payload: { taskId: t.id, title: t.title, dueDate: t.due_date },
      link: taskLink(t.id),
      dedupeKey: `${kind}:${t.id}:${t.due_date}`,
    });
  }

  const { rows: planned } = await db.execute<{
    id: string;
    user_id: string;
    account_id: string;
    account_name: string;
    type: string;
    at: string;
  }>(sql`
    SELECT i.id, i.user_id, i.account_id, a.name AS account_name, i.type::text AS type,
      to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
    FROM interactions i
      JOIN accounts a ON a.id = i.account_id
      JOIN users u ON u.id = i.user_id
      LEFT JOIN notification_settings s ON s.user_id = i.user_id
    WHERE i.status = 'planned' AND i.origin = 'plan' AND NOT i.all_day AND u.disabled_at IS NULL
      AND i.occurred_at > ${now.toISOString()}::timestamptz
      AND i.occurred_at <= ${now.toISOString()}::timestamptz
        + make_interval(mins => coalesce(s.reminder_minutes, ${DEFAULT_REMINDER_MINUTES}))`);
  for (const i of planned) {
    await add(db, {
      userId: i.user_id,
      kind: 'plan_reminder',
      payload: { interactionId: i.id, accountId: i.account_id, accountName: i.account_name, type: i.type, time: i.at },
      link: `/accounts/${i.account_id}?tab=plan`,
      // a move to another time reminds again
      dedupeKey: `plan_reminder:${i.id}:${i.at}`,
    });
  }

  const { rows: absent } = await db.execute<{
    id: string;
    user_id: string;
    deputy_id: string;
    user_name: string;
    deputy_name: string;
    first_day: string;
    last_day: string;
  }>(sql`
    SELECT a.id, a.user_id, a.deputy_id, u.name AS user_name, d.name AS deputy_name,
      a.first_day::text AS first_day, a.last_day::text AS last_day
    FROM absences a JOIN users u ON u.id = a.user_id JOIN users d ON d.id = a.deputy_id
    WHERE a.ended_at IS NULL
      AND ((a.first_day <= ${today}::date AND a.last_day >= ${today}::date) OR a.last_day = ${yesterday}::date)`);
  for (const a of absent) {
    const started = a.last_day >= today;
    const payload = { absenceId: a.id, userName: a.user_name, deputyName: a.deputy_name, firstDay: a.first_day, lastDay: a.last_day };
    for (const [userId, role] of [
      [a.user_id, 'absent'],
      [a.deputy_id, 'deputy'],
    ] as const) {
      await add(db, {
        userId,
        kind: started ? 'absence_started' : 'absence_ended',
        payload: { ...payload, role },
        link: absenceLink,
        dedupeKey: started ? `absence_started:${a.id}:${userId}` : absenceEndedKey(a.id, userId),
      });
    }
  }
  return { created };
}

/**
 * Runs the sweep every minute in `grove serve` (never in tests unless called). The timer does not
 * keep the process alive; call the answer to stop it, which waits for a pass in flight.
 */
export function startNotificationSweep(db: Db, log: Pick<Logger, 'warn'>, everyMs = EVERY_MS): () => Promise<void> {
  return startPeriodic('notification sweep', everyMs, () => runNotificationSweep(db), log);
}

/**
 * An absence ended early: the absent user and the deputy hear of it at once. The dedupe key is the
 * sweep's, so the end arrives once either way.
 */
export async function notifyAbsenceEndedEarly(
  tx: Executor,
  a: { id: string; userId: string; deputyId: string; firstDay: string; lastDay: string },
): Promise<void> {
  const { rows } = await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM users WHERE id IN (${a.userId}, ${a.deputyId})`);
  const name = (id: string) => rows.find((r) => r.id === id)?.name ?? '';
  const payload = { absenceId: a.id, userName: name(a.userId), deputyName: name(a.deputyId), firstDay: a.firstDay, lastDay: a.lastDay };
  for (const [userId, role] of [
    [a.userId, 'absent'],
    [a.deputyId, 'deputy'],
  ] as const) {
    await notify(tx, {
      userId,
      kind: 'absence_ended',
      payload: { ...payload, role, early: 1 },
      link: absenceLink,
      dedupeKey: absenceEndedKey(a.id, userId),
    });
  }
}
