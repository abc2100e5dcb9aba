/**
 * Issue 5 benchmark: the weekly plan of a KAM with 15 key and 60 other accounts, in a department of
 * 20 KAMs and 2,000 accounts with three years of interactions (≈ 200,000), contacts, complaints and
 * invoices. Times the calendar week view, the due list and "Suggest my week" through HTTP against a
 * real `grove serve` (target: each ≤ 200 ms).
 *
 *   npx tsx bench/plan.ts [--runs 50]
 *   BENCH_DATABASE_URL=postgres://…/postgres npx tsx bench/plan.ts   # on an external server
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { sha256 } from '../src/modules/auth/secrets.js';
import { argNumber, ms, startBenchServer } from './harness.js';

const RUNS = argNumber('runs', 50);
const KAMS = 20;
const OTHERS_PER_KAM = 100;
const TARGET_MS = 200;
const log = (s: string) => process.stdout.write(`${s}\n`);

interface Timing {
  median: number;
  p95: number;
}

async function time(label: string, request: () => Promise<Response>): Promise<Timing> {
  const once = async () => {
    const r = await request();
    if (!r.ok) throw new Error(`${label} answered ${r.status}: ${await r.text()}`);
    return r.json();
  };
  for (let i = 0; i < 3; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await once();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)] ?? 0, p95: samples[Math.ceil(samples.length * 0.95) - 1] ?? 0 };
}

function monday(offsetWeeks: number): string {
  const d = new Date();
  const m = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000 + offsetWeeks * 7 * 86_400_000);
  return m.toISOString().slice(0, 10);
}

async function main() {
  log(`Grove bench — weekly plan, ${os.cpus().length} CPUs, ${RUNS} runs per request`);
  const server = await startBenchServer();
  try {
    const db = server.database.db;
    const started = performance.now();
    await db.execute(
      sql`INSERT INTO company (name, currency, time_zone, default_locale) VALUES ('Bench Co', 'RUB', 'Europe/Moscow', 'en')`,
    );
    await db.execute(
      sql`INSERT INTO users (email, name, role) SELECT 'kam' || g || '@bench.test', 'KAM ' || g, 'kam' FROM generate_series(0, ${KAMS - 1}) g`,
    );
    // the KAM of the benchmark: 15 key and 60 other accounts; the rest of the department 100 each
    await db.execute(sql`
      INSERT INTO accounts (name, tier, owner_id, currency)
      SELECT 'Account ' || u.n || '-' || g,
             CASE WHEN u.n = 0 AND g <= 15 THEN 'key' WHEN u.n = 0 AND g <= 45 THEN 'potential' WHEN u.n = 0 THEN 'regular'
                  WHEN g % 10 = 0 THEN 'key' WHEN g % 3 = 0 THEN 'potential' ELSE 'regular' END::account_tier,
             u.id, 'RUB'
      FROM (SELECT id, substring(email FROM 'kam(\\d+)@')::int AS n FROM users) u
      CROSS JOIN generate_series(1, ${OTHERS_PER_KAM}) g
      WHERE u.n > 0 OR g <= 75`);
    await db.execute(sql`INSERT INTO account_owners (account_id, owner_id, start_date) SELECT id, owner_id, '-infinity' FROM accounts`);
    await db.execute(sql`
      INSERT INTO contacts (account_id, full_name, buying_role)
      SELECT a.id, 'Contact ' || g, CASE WHEN g <= 2 THEN 'decision_maker' ELSE 'influencer' END::buying_role
      FROM accounts a CROSS JOIN generate_series(1, 8) g`);
    // three years of contact: one interaction every ~5 days per account, visits, calls and the rest
    await db.execute(sql`
      INSERT INTO interactions (account_id, user_id, type, status, occurred_at, origin, planned_for, duration_minutes)
      SELECT a.id, a.owner_id,
             (ARRAY['call','visit','meeting','email','call','presentation','negotiation','training'])[1 + abs(g + hashtext(a.id::text)) % 8]::interaction_type,
             'done', now() - (g * interval '5 days') - ((hashtext(a.id::text) % 48) * interval '1 hour'),
             'plan', now() - (g * interval '5 days'), 60
      FROM accounts a CROSS JOIN generate_series(1, 100) g`);
    await db.execute(sql`
      INSERT INTO interaction_contacts (interaction_id, contact_id)
      SELECT i.id, (SELECT c.id FROM contacts c WHERE c.account_id = i.account_id ORDER BY c.id LIMIT 1)
      FROM interactions i WHERE i.type IN ('visit', 'meeting') AND random() < 0.5`);
    // this week's plan of the benchmark's KAM: 20 visits and calls, two moved
    await db.execute(sql`
      INSERT INTO interactions (account_id, user_id, type, status, occurred_at, origin, planned_for, duration_minutes)
      SELECT a.id, a.owner_id, CASE WHEN row_number() OVER () % 2 = 0 THEN 'visit' ELSE 'call' END::interaction_type, 'planned',
             ${monday(0)}::date + ((row_number() OVER () % 5) * interval '1 day') + interval '7 hours' + (row_number() OVER () % 4) * interval '2 hours',
             'plan', ${monday(0)}::date + interval '7 hours', 60
      FROM accounts a JOIN users u ON u.id = a.owner_id WHERE u.email = 'kam0@bench.test' LIMIT 20`);
    await db.execute(sql`
      INSERT INTO complaints (account_id, received_at, resolved_at)
      SELECT a.id, now() - (g * interval '30 days'), CASE WHEN g = 1 AND hashtext(a.id::text) % 4 = 0 THEN NULL ELSE now() - (g * interval '29 days') END
      FROM accounts a CROSS JOIN generate_series(1, 3) g`);
    await db.execute(sql`
      INSERT INTO invoices (invoice_id, account_id, issue_date, due_date, amount)
      SELECT 'INV-' || a.id || '-' || g, a.id, current_date - g * 30, current_date - g * 30 + 20, 1000 + g
      FROM accounts a CROSS JOIN generate_series(1, 20) g`);
    await db.execute(sql`
      INSERT INTO payments (payment_id, invoice_id, account_id, payment_date, amount)
      SELECT 'PAY-' || i.invoice_id, i.invoice_id, i.account_id, i.due_date, i.amount FROM invoices i
      WHERE NOT (i.issue_date > current_date - 70 AND hashtext(i.account_id::text) % 5 = 0)`);
    await db.execute(sql`SELECT invoices_settle(ARRAY(SELECT invoice_id FROM invoices))`);
    await db.execute(sql`ANALYZE`);
    const counts = (
      await db.execute<{ accounts: number; interactions: number; contacts: number; invoices: number }>(sql`
      SELECT (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM interactions)::int AS interactions,
             (SELECT count(*) FROM contacts)::int AS contacts, (SELECT count(*) FROM invoices)::int AS invoices`)
    ).rows[0];
    log(
      `data: ${counts?.accounts} accounts, ${counts?.interactions.toLocaleString('en')} interactions, ${counts?.contacts.toLocaleString('en')} contacts, ${counts?.invoices.toLocaleString('en')} invoices (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );

    const token = 'grv_bench_plan_kam0';
    await db.execute(sql`INSERT INTO api_tokens (user_id, name, prefix, token_hash)
      SELECT id, 'bench', ${token.slice(0, 12)}, ${sha256(token)} FROM users WHERE email = 'kam0@bench.test'`);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const week = `from=${monday(0)}&to=${new Date(Date.parse(monday(0)) + 6 * 86_400_000).toISOString().slice(0, 10)}`;
    const results: [string, Timing][] = [
      ['week view (GET /api/plan/week)', await time('week', () => fetch(`${server.url}/api/plan/week?${week}`, { headers }))],
      ['due list (GET /api/plan/due)', await time('due', () => fetch(`${server.url}/api/plan/due`, { headers }))],
      [
        'Suggest my week (POST /api/plan/suggest)',
        await time('suggest', () =>
          fetch(`${server.url}/api/plan/suggest`, { method: 'POST', headers, body: JSON.stringify({ weekStart: monday(1) }) }),
        ),
      ],
    ];
    const due = (await (await fetch(`${server.url}/api/plan/due`, { headers })).json()) as { items: unknown[] };
    const suggested = (await (
      await fetch(`${server.url}/api/plan/suggest`, { method: 'POST', headers, body: JSON.stringify({ weekStart: monday(1) }) })
    ).json()) as { items: unknown[] };
    log(`the KAM: 15 key + 60 other accounts; ${due.items.length} due now, ${suggested.items.length} suggested for next week`);
    log('');
    log('| request | median | p95 | p95 ÷ 200 ms target |');
    log('| --- | ---: | ---: | ---: |');
    for (const [label, t] of results) log(`| ${label} | ${ms(t.median)} | ${ms(t.p95)} | ${(t.p95 / TARGET_MS).toFixed(2)} |`);
  } finally {
    await server.stop();
  }
}

await main();
