import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeCompany, makeUser } from '../../../test/helpers/factories.js';
import { runCli } from '../../../test/helpers/server.js';
import { csv } from '../../../test/helpers/tables.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let env: NodeJS.ProcessEnv;
let dir: string;
let owner: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await makeCompany(database.db, { defaultLocale: 'en' });
  owner = (await makeUser(database.db, { role: 'kam' })).email;
  env = { DATABASE_URL: database.url, LOG_LEVEL: 'error' };
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grove-import-'));
}, 60_000);
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const count = async () => (await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts`)).rows[0]?.n;

describe('grove import', () => {
  it('exits 1 and lists every error with line and column, in the chosen language', async () => {
    const file = write(
      'bad.csv',
      csv([
        ['external_id', 'name', 'owner_email'],
        ['A', '', owner],
        ['B', 'B', 'nobody@x.test'],
      ]),
    );
    const res = await runCli(env, ['import', 'accounts', file, '--lang', 'ru']);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('bad.csv: строка 2, столбец name: обязательное поле [REQUIRED]');
    expect(res.stdout).toContain('bad.csv: строка 3, столбец owner_email: нет пользователя с адресом nobody@x.test [UNKNOWN_USER]');
    expect(await count()).toBe(0);
  });

  it('a dry run exits 0, reports, and stores nothing; a real run stores; --json prints the report', async () => {
    const file = write(
      'ok.csv',
      csv([
        ['external_id', 'name', 'owner_email'],
        ['A', 'A', owner],
      ]),
    );
    const dry = await runCli(env, ['import', 'accounts', file, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run, nothing stored. A real run would insert 1, update 0, leave 0 unchanged, reject 0.');
    expect(await count()).toBe(0);
    const real = await runCli(env, ['import', 'accounts', file, '--json']);
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ applied: true, inserted: 1 });
    expect(await count()).toBe(1);
  });

  it('leaves nothing behind when killed in the middle of writing, and the next run succeeds', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [`K-${i}`, `Killed ${i}`, owner]);
    const file = write('big.csv', csv([['external_id', 'name', 'owner_email'], ...rows]));
    const child = spawn(process.execPath, [path.resolve('bin/grove.js'), 'import', 'accounts', file], { env: { ...process.env, ...env } });
    const closed = new Promise((r) => child.once('close', r));
    // wait until the import's transaction is writing accounts, then kill -9 (watched as the same login
    // as the CLI's, which may read its query text; the app role may not)
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    let writing = false;
    for (let i = 0; i < 3000 && !writing && child.exitCode === null; i++) {
      const { rows: active } = await watcher.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
           AND query LIKE '%jsonb_to_recordset%INSERT INTO accounts%'`,
      );
      writing = active.length > 0;
      if (!writing) await new Promise((r) => setTimeout(r, 20));
    }
    await watcher.end();
    expect(writing, 'the import reached its writes before it was killed').toBe(true);
    child.kill('SIGKILL');
    await closed;
    // the server notices the dropped connection and rolls the transaction back
    for (let i = 0; i < 100 && (await database.db.execute(sql`SELECT 1 FROM pg_locks WHERE locktype = 'advisory'`)).rows.length; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await count()).toBe(1);
    const again = await runCli(env, ['import', 'accounts', file]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('30000 inserted');
    expect(await count()).toBe(30_001);
  }, 240_000);
});
