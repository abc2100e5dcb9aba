import type { Logger } from 'pino';
import type { Db } from '../../core/db/database.js';
import { runMonthlyRetiering } from './retiering.run.js';

const CHECK_EVERY_MS = 15 * 60_000;
const FIRST_CHECK_MS = 20_000;

/** One pass of the background work of this module; safe to run in several processes at once. */
export async function tieringHousekeeping(db: Db, log: Pick<Logger, 'info' | 'warn'>): Promise<void> {
  const run = await runMonthlyRetiering(db);
  if (run) log.info({ run: run.id, period: run.period, created: run.created }, 'monthly re-tiering done');
}

/**
 * Starts the module's schedule in `grove serve`: the monthly re-tiering, once per month across all
 * processes (hand-overs dated in the future take effect through the owner sync in serve.ts). The
 * timer does not keep the process alive; call the answer to stop it.
 */
export function startTieringSchedule(db: Db, log: Pick<Logger, 'info' | 'warn'>, everyMs = CHECK_EVERY_MS): () => Promise<void> {
  let current: Promise<void> | null = null;
  const tick = () => {
    if (current) return;
    current = tieringHousekeeping(db, log)
      .catch((err) => log.warn({ err }, 'tiering housekeeping failed'))
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(tick, Math.min(FIRST_CHECK_MS, everyMs));
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  // stopping waits for a pass in flight, so the database is not closed under it
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await current;
  };
}
