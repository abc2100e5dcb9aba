import type { Logger } from 'pino';

/**
 * A background job `grove serve` runs every `everyMs` (the first run soon after start), never two
 * runs of it at once in one process. Jobs must be safe when several processes share one PostgreSQL:
 * each one changes state with conditional updates (… WHERE breached_at IS NULL RETURNING) or unique
 * keys, so every effect happens exactly once whichever process gets there first, and a restart
 * simply carries on from the rows. Returns a stop function that waits for the run in progress.
 */
export function startPeriodic(name: string, everyMs: number, run: () => Promise<unknown>, log: Pick<Logger, 'warn'>): () => Promise<void> {
  let current: Promise<unknown> | null = null;
  const tick = () => {
    if (current) return;
    current = run()
      .catch((err) => log.warn({ err, job: name }, `${name} failed`))
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(tick, Math.min(5_000, everyMs));
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await current;
  };
}
