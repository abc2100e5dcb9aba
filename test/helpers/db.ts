import crypto from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { type Database, openDatabase } from '../../src/core/db/database.js';

export const testLog = pino({ level: process.env.TEST_LOG ?? 'silent' });

/** URL of a database on the test server with another name. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database of its own (no shared seeded state), dropped by `close()`. */
export async function createTestDatabase(): Promise<Database & { url: string }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `grove_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabaseName(adminUrl, name);
  const database = await openDatabase({ ...loadConfig({}), databaseUrl: url }, { purpose: 'cli', log: testLog, poolSize: 5 });
  return {
    ...database,
    url,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
