import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/core/config.js';
import { type Database, openDatabase } from '../src/core/db/database.js';
import { freePort } from '../test/helpers/server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const log = (s: string) => process.stderr.write(`${s}\n`);

export interface BenchServer {
  url: string;
  database: Database;
  /** the `grove serve` process, and its environment (for CLI commands against the same database) */
  pid: number;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * A real `grove serve` on a fresh database: the embedded PostgreSQL of a new data directory, or a new
 * database on the server of BENCH_DATABASE_URL. The bench itself connects to the same database.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  let dataDir: string | undefined;
  let dropDatabase = async () => {};
  if (process.env.BENCH_DATABASE_URL) {
    const name = `grove_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(process.env.BENCH_DATABASE_URL);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    if (process.env.BENCH_KEEP) log(`keeping the database ${env.DATABASE_URL}`);
    else
      dropDatabase = async () => {
        const a = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grove-bench-'));
    fs.chmodSync(dataDir, 0o755);
    env.GROVE_DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  }
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/grove.js'), 'serve'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('grove serve exited');
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error('grove serve did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  // a CLI-style connection: the running server's embedded PostgreSQL, or the same external database
  const database = await openDatabase(
    { ...loadConfig({ ...env, GROVE_DATA_DIR: dataDir ?? './data' }) },
    { purpose: 'cli', log: pino({ level: 'warn' }), poolSize: 8 },
  );
  return {
    url,
    database,
    pid: child.pid ?? 0,
    env,
    async stop() {
      await database.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await dropDatabase();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
