/**
 * One of several processes running the complaint escalations against one database at the same time
 * (complaints-escalation.int.test.ts): prints how many warnings and breaches this process recorded.
 *   node --import tsx test/process/escalation-worker.ts <database url> <now ISO> <rounds>
 */
import pino from 'pino';
import { loadConfig } from '../../src/core/config.js';
import { openDatabase } from '../../src/core/db/database.js';
import { runComplaintEscalations } from '../../src/modules/complaints/complaints.escalation.js';

const [url, nowIso, rounds] = process.argv.slice(2);
const database = await openDatabase(
  { ...loadConfig({}), databaseUrl: url },
  { purpose: 'cli', log: pino({ level: 'silent' }), poolSize: 4 },
);
const total = { warned: 0, breached: 0 };
for (let i = 0; i < Number(rounds ?? 1); i++) {
  const r = await runComplaintEscalations(database.db, new Date(nowIso as string));
  total.warned += r.warned;
  total.breached += r.breached;
}
await database.close();
process.stdout.write(`${JSON.stringify(total)}\n`);
