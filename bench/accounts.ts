/**
 * Issue 3 benchmark: import of 100,000 accounts (target ≤ 20 s), then the account list API (a filtered,
 * sorted, searched page of 50) at 50 concurrent connections on 100,000 accounts and 1,000,000
 * contacts, beside a bare Fastify route answering the same 50 rows from a constant (targets: p99 ≤ 50 ms,
 * throughput ≥ 25 % of the bare route's).
 *
 *   npx tsx bench/accounts.ts [--accounts 100000] [--contacts 1000000] [--seconds 10]
 *   BENCH_DATABASE_URL=postgres://…/postgres npx tsx bench/accounts.ts   # on an external server
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../src/core/context.js';
import { importFile } from '../src/modules/imports/imports.service.js';
import { sha256 } from '../src/modules/auth/secrets.js';
import { freePort } from '../test/helpers/server.js';
import { argNumber, ms, startBenchServer } from './harness.js';

const ACCOUNTS = argNumber('accounts', 100_000);
const CONTACTS = argNumber('contacts', 1_000_000);
const SECONDS = argNumber('seconds', 10);
const log = (s: string) => process.stdout.write(`${s}\n`);

const prefixes = ['ООО', 'АО', 'ПАО', 'LLC', 'Ltd', 'GmbH', 'ИП'];
const adjectives = [
  'Северный',
  'Южный',
  'Вольный',
  'Красный',
  'Золотой',
  'Новый',
  'Старый',
  'Первый',
  'Большой',
  'Чистый',
  'Tall',
  'Blue',
  'Green',
  'Silver',
  'Rapid',
  'Bright',
  'Royal',
  'Prime',
  'Grand',
  'Smart',
  'Белый',
  'Тёплый',
  'Ясный',
  'Быстрый',
  'Дальний',
  'Open',
  'Clear',
  'Solid',
  'True',
  'Global',
];
const nouns = [
  'Ветер',
  'Вектор',
  'Гранит',
  'Орбита',
  'Квант',
  'Ладога',
  'Байкал',
  'Трейд',
  'Снаб',
  'Мост',
  'Берег',
  'Путь',
  'Дом',
  'Сад',
  'Ключ',
  'Harbor',
  'Summit',
  'Pioneer',
  'Maple',
  'Atlas',
  'Foods',
  'Logistics',
  'Retail',
  'Bridge',
  'Field',
  'Stone',
  'River',
  'Market',
  'Works',
  'Group',
];
/** a repeatable pseudo-random pick, so every run builds the same company */
const mix = (i: number, salt: number) => Math.abs(Math.imul(i + 1, 2654435761) ^ Math.imul(salt, 40503)) >>> 0;
const cities = [
  'Москва',
  'Санкт-Петербург',
  'Казань',
  'Новосибирск',
  'Екатеринбург',
  'Нижний Новгород',
  'Самара',
  'Berlin',
  'London',
  'Riga',
];
const segments = ['Retail', 'HoReCa', 'Wholesale', 'E-commerce', 'Industry'];
const industries = ['Food', 'Building materials', 'Pharma', 'Electronics', 'Textiles', 'Auto parts'];
const regions = ['Central', 'North-West', 'Volga', 'Siberia', 'Urals', 'Europe'];
const pick = <T>(a: T[], i: number) => a[i % a.length] as T;

async function main() {
  log(
    `Grove bench — accounts (${ACCOUNTS.toLocaleString('en')} accounts, ${CONTACTS.toLocaleString('en')} contacts), ${os.cpus().length} CPUs`,
  );
  const server = await startBenchServer();
  const db = server.database.db;
  try {
    await db.execute(
      sql`INSERT INTO company (name, currency, time_zone, default_locale) VALUES ('Bench Co', 'RUB', 'Europe/Moscow', 'en')`,
    );
    // the head has two-factor set up (required for the role), so their API token works
    await db.execute(
      sql`INSERT INTO users (email, name, role, totp_enabled, totp_secret) VALUES ('head@bench.test', 'Head', 'head', true, 'JBSWY3DPEHPK3PXP')`,
    );
    await db.execute(sql`
      INSERT INTO users (email, name, role, manager_id)
      SELECT 'senior' || g || '@bench.test', 'Senior ' || g, 'senior_kam', (SELECT id FROM users WHERE email = 'head@bench.test')
      FROM generate_series(1, 10) g`);
    await db.execute(sql`
      INSERT INTO users (email, name, role, manager_id)
      SELECT 'kam' || g || '@bench.test', 'KAM ' || g, 'kam', (SELECT id FROM users WHERE email = 'senior' || (1 + g % 10) || '@bench.test')
      FROM generate_series(1, 60) g`);

    // 1. import
    const header =
      'external_id,name,owner_email,owner_since,tier,status,lost_date,segment,industry,region,currency,credit_limit,payment_terms_days,price_column';
    const lines = [header];
    for (let i = 0; i < ACCOUNTS; i++) {
      const tier = i % 5 === 0 ? 'key' : i % 5 === 1 ? 'potential' : 'regular';
      const status = i % 17 === 0 ? 'lost' : i % 11 === 0 ? 'prospect' : 'active';
      const name = `${pick(prefixes, mix(i, 1))} ${pick(adjectives, mix(i, 2) >>> 3)} ${pick(nouns, mix(i, 3) >>> 5)} ${i}`;
      lines.push(
        [
          `ACC-${i}`,
          `"${name}"`,
          `kam${1 + (i % 60)}@bench.test`,
          `2025-${String(1 + (i % 12)).padStart(2, '0')}-01`,
          tier,
          status,
          status === 'lost' ? '2026-06-30' : '',
          pick(segments, i),
          pick(industries, i * 3),
          pick(regions, i * 5),
          'RUB',
          `${(i % 500) * 1000}.00`,
          String(pick([0, 14, 30, 45, 60], i)),
          pick(['A', 'B', 'C'], i),
        ].join(','),
      );
    }
    const file = Buffer.from(`${lines.join('\r\n')}\r\n`);
    const ctx: Ctx = { db, actor: null, locale: 'en', ip: null, requestId: null, publicUrl: server.url };
    const t0 = performance.now();
    const report = await importFile(ctx, {
      entity: 'accounts',
      file,
      fileName: 'bench.csv',
      dryRun: false,
      limits: { maxBytes: 100 * 1024 * 1024 },
      asOperator: true,
    });
    const importSeconds = (performance.now() - t0) / 1000;
    if (!report.applied) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
    log(
      `import of ${ACCOUNTS.toLocaleString('en')} accounts (${(file.length / 1e6).toFixed(1)} MB CSV): ${importSeconds.toFixed(2)} s — target ≤ 20 s (${((importSeconds / 20) * 100).toFixed(0)} % of the budget)`,
    );

    // 2. the rest of the data set: cities and registration numbers, 1,000,000 contacts, some teams
    await db.execute(sql`
      UPDATE accounts SET city = (ARRAY[${sql.join(
        cities.map((c) => sql`${c}`),
        sql`, `,
      )}])[1 + abs(hashtext(id::text)) % ${cities.length}],
                          registration_no = lpad((abs(hashtext(external_id)) % 10000000000)::text, 10, '0')`);
    const firstNames = ['Иван', 'Анна', 'Пётр', 'Мария', 'Ольга', 'Сергей', 'John', 'Emma', 'Dmitry', 'Elena', 'Алексей', 'Наталья'];
    const lastNames = [
      'Иванов',
      'Смирнова',
      'Кузнецов',
      'Попова',
      'Соколов',
      'Lebedev',
      'Smith',
      'Novak',
      'Морозова',
      'Волков',
      'Козлова',
      'Orlov',
    ];
    const batch = 200_000;
    for (let done = 0; done < CONTACTS; done += batch) {
      const n = Math.min(batch, CONTACTS - done);
      await db.execute(sql`
        INSERT INTO contacts (account_id, full_name, title, buying_role, influence, attitude)
        SELECT a.id,
               (ARRAY[${sql.join(
                 firstNames.map((c) => sql`${c}`),
                 sql`, `,
               )}])[1 + (g % ${firstNames.length})] || ' ' ||
               (ARRAY[${sql.join(
                 lastNames.map((c) => sql`${c}`),
                 sql`, `,
               )}])[1 + ((g / 7) % ${lastNames.length})] || ' ' || g,
               'Manager', (ARRAY['decision_maker','influencer','user','champion']::buying_role[])[1 + g % 4], 1 + g % 5,
               (ARRAY['supporter','neutral','opponent']::attitude[])[1 + g % 3]
        FROM generate_series(${done}::int, ${done + n - 1}::int) g
        JOIN accounts a ON a.external_id = 'ACC-' || (g % ${ACCOUNTS})`);
      process.stdout.write(`\rcontacts: ${(done + n).toLocaleString('en')}`);
    }
    process.stdout.write('\n');
    await db.execute(sql`
      INSERT INTO account_team (account_id, user_id, role)
      SELECT a.id, (SELECT id FROM users WHERE email = 'kam' || (1 + (abs(hashtext(a.id::text)) % 60)) || '@bench.test'), 'junior_kam'
      FROM accounts a WHERE a.tier = 'key' ON CONFLICT DO NOTHING`);
    // statistics as autovacuum would gather them a little later (as the owner: the app role may not)
    const owner = await server.database.pool.connect();
    await owner.query('SET ROLE NONE');
    await owner.query('VACUUM ANALYZE');
    owner.release(true);

    // 3. tokens for a head (sees every account) and a senior KAM (their reporting line)
    const token = async (email: string) => {
      const t = `grv_bench_${email.split('@')[0]}`;
      await db.execute(sql`
        INSERT INTO api_tokens (user_id, name, prefix, token_hash)
        SELECT id, 'bench', ${t.slice(0, 12)}, ${sha256(t)} FROM users WHERE email = ${email}`);
      return t;
    };
    const list = (q: string) =>
      `/api/accounts?q=${encodeURIComponent(q)}&status=active,prospect&tier=key,potential&sort=name&limit=50&offset=0`;
    const broad = list('Гранит'); // one word of a name: a few per cent of all accounts
    const narrow = list('Южный Гранит'); // a KAM typing a client's name: a few dozen
    const head = await token('head@bench.test');
    const senior = await token('senior3@bench.test');
    const sample = await fetch(`${server.url}${broad}`, { headers: { authorization: `Bearer ${head}` } });
    if (!sample.ok) throw new Error(`the list answered ${sample.status}: ${await sample.text()}`);
    const page = (await sample.json()) as { items: unknown[]; total: number };
    const narrowTotal = (
      (await (await fetch(`${server.url}${narrow}`, { headers: { authorization: `Bearer ${head}` } })).json()) as { total: number }
    ).total;
    log(
      `list: status active|prospect, tier key|potential, sorted by name, page of 50; search "Гранит" → ${page.total.toLocaleString('en')} accounts, "Южный Гранит" → ${narrowTotal}`,
    );

    const serial: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const r = await fetch(`${server.url}${broad}`, { headers: { authorization: `Bearer ${head}` } });
      await r.arrayBuffer();
      serial.push(performance.now() - t);
    }
    serial.sort((a, b) => a - b);
    log(`one request at a time: median ${ms(serial[10] ?? 0)}, worst ${ms(serial.at(-1) ?? 0)}`);

    // 4. the bare baseline in its own process, like grove serve
    const pageFile = path.join(os.tmpdir(), `grove-bench-page-${process.pid}.json`);
    fs.writeFileSync(pageFile, JSON.stringify(page));
    const barePort = await freePort();
    const bare = fork(path.join(path.dirname(new URL(import.meta.url).pathname), 'bare-server.ts'), [pageFile, String(barePort)], {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    await new Promise((r) => bare.once('message', r));

    const load = (url: string, authorization?: string) =>
      autocannon({ url, connections: 50, duration: SECONDS, headers: authorization ? { authorization: `Bearer ${authorization}` } : {} });
    // warm both up, then measure
    await load(`http://127.0.0.1:${barePort}/bare`).then(() => undefined);
    const rows: [string, autocannon.Result][] = [];
    rows.push(['bare Fastify route (constant)', await load(`http://127.0.0.1:${barePort}/bare`)]);
    rows.push(['GET /api/accounts, head (sees all), search "Гранит"', await load(`${server.url}${broad}`, head)]);
    rows.push(['GET /api/accounts, head, search "Южный Гранит"', await load(`${server.url}${narrow}`, head)]);
    rows.push(['GET /api/accounts, senior KAM (their line), search "Гранит"', await load(`${server.url}${broad}`, senior)]);
    bare.kill();
    fs.rmSync(pageFile, { force: true });

    const bareRps = rows[0]![1].requests.average;
    log('');
    log('| run | req/s | p50 | p99 | errors | vs bare |');
    log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, r] of rows) {
      const errors = r.errors + r.non2xx;
      log(
        `| ${name} | ${r.requests.average.toFixed(0)} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${errors} | ${((r.requests.average / bareRps) * 100).toFixed(0)} % |`,
      );
    }
    log('');
    log('targets: p99 ≤ 50 ms; throughput ≥ 25 % of the bare route; import ≤ 20 s');
  } finally {
    await server.stop();
  }
}

await main();
