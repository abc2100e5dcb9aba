/**
 * Issue 6 benchmark: how many complaint escalations per second the job runner sustains. Generates a
 * department (a head, 4 senior KAMs, 20 KAMs, 2,000 accounts) with N complaints whose clocks have all
 * run out, then lets P processes run the escalation job at once (as P `grove serve` would) until
 * every response and resolution breach is recorded; each breach is an event and notices to the
 * handler, the senior KAM and the head, exactly once.
 *
 *   npx tsx bench/escalations.ts [--complaints 20000] [--processes 2]
 *   BENCH_DATABASE_URL=postgres://user@host:5432/postgres (default: this machine's PostgreSQL as the current user)
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/core/config.js';
import { openDatabase } from '../src/core/db/database.js';
import { argNumber } from './harness.js';

const COMPLAINTS = argNumber('complaints', 20_000);
const PROCESSES = argNumber('processes', 2);
const log = (s: string) => process.stdout.write(`${s}\n`);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.BENCH_DATABASE_URL ?? `postgres://${os.userInfo().username}@127.0.0.1:5432/postgres`;

function worker(url: string, now: string): Promise<{ breached: number; warned: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/process/escalation-worker.ts'), url, now, '1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}`))));
  });
}

async function main() {
  const name = `grove_bench_esc_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const database = await openDatabase(
    { ...loadConfig({}), databaseUrl: url },
    { purpose: 'cli', log: pino({ level: 'silent' }), poolSize: 4 },
  );
  try {
    const db = database.db;
    log(
      `Grove bench — escalations: ${COMPLAINTS.toLocaleString('en')} overdue complaints, ${PROCESSES} processes, ${os.cpus().length} CPUs`,
    );
    await db.execute(
      sql`INSERT INTO company (name, currency, time_zone, default_locale) VALUES ('Bench Co', 'RUB', 'Europe/Moscow', 'en')`,
    );
    await db.execute(sql`INSERT INTO users (email, name, role) VALUES ('head@bench.test', 'Head', 'head')`);
    await db.execute(sql`INSERT INTO users (email, name, role, manager_id)
      SELECT 'senior' || g || '@bench.test', 'Senior ' || g, 'senior_kam', (SELECT id FROM users WHERE email = 'head@bench.test') FROM generate_series(1, 4) g`);
    await db.execute(sql`INSERT INTO users (email, name, role, manager_id)
      SELECT 'kam' || g || '@bench.test', 'KAM ' || g, 'kam', (SELECT id FROM users WHERE email = 'senior' || (1 + g % 4) || '@bench.test')
      FROM generate_series(1, 20) g`);
    await db.execute(sql`INSERT INTO accounts (name, tier, owner_id, currency)
      SELECT 'Account ' || g, 'key', (SELECT id FROM users WHERE email = 'kam' || (1 + g % 20) || '@bench.test'), 'RUB' FROM generate_series(1, 2000) g`);
    await db.execute(sql`
      INSERT INTO complaints (account_id, received_at, severity, status, channel, subject, handler_id,
                              response_target_minutes, resolution_target_minutes, response_due_at, resolution_due_at)
      SELECT a.id, now() - interval '10 days', 'high', 'new', 'api', 'Bench', a.owner_id, 240, 1620,
             now() - interval '9 days', now() - interval '5 days'
      FROM generate_series(1, ${COMPLAINTS}) g JOIN LATERAL (SELECT id, owner_id FROM accounts ORDER BY id OFFSET (g % 2000) LIMIT 1) a ON true`);
    await db.execute(sql`ANALYZE`);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: PROCESSES }, () => worker(url, new Date().toISOString())));
    const seconds = (performance.now() - started) / 1000;
    const breached = results.reduce((n, r) => n + r.breached, 0);
    const { rows } = await db.execute<{ events: number; distinct: number; notices: number }>(sql`
      SELECT (SELECT count(*) FROM complaint_events WHERE kind = 'breached')::int AS events,
             (SELECT count(DISTINCT (complaint_id, data->>'clock')) FROM complaint_events WHERE kind = 'breached')::int AS distinct,
             (SELECT count(*) FROM notifications WHERE kind = 'complaint_breach')::int AS notices`);
    const r = rows[0];
    log(
      `breaches recorded: ${breached.toLocaleString('en')} (events ${r?.events}, distinct ${r?.distinct}: ${r?.events === r?.distinct ? 'each once' : 'DUPLICATES'}), notices ${r?.notices.toLocaleString('en')}`,
    );
    log(
      `wall time ${seconds.toFixed(1)} s (including the processes' start-up) → ${Math.round(breached / seconds).toLocaleString('en')} escalations per second`,
    );
    log(`per process: ${results.map((x) => x.breached.toLocaleString('en')).join(' / ')}`);
  } finally {
    await database.close();
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  }
}

await main();
