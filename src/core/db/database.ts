import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { APP_ROLE } from './app-role.js';
import { acquireLock, readLock, updateLock } from './data-dir-lock.js';
import { embeddedUrl, startEmbedded } from './embedded.js';
import { runMigrations } from './migrate.js';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** 'embedded' or 'external', for /api/health and logs */
  kind: 'embedded' | 'external';
  close(): Promise<void>;
}

// Dates stay strings in the business layer: `date` columns must never shift by a time zone.
pg.types.setTypeParser(1082, (v) => v);

export interface OpenOptions {
  /** `serve` owns the data directory exclusively; CLI commands attach to a running server's database. */
  purpose: 'serve' | 'cli';
  log: Logger;
  poolSize?: number;
}

/**
 * Opens Grove's database: DATABASE_URL when set; otherwise the embedded PostgreSQL of the data
 * directory — started here, or the one of the `grove serve` that already owns that directory.
 */
export async function openDatabase(config: Config, opts: OpenOptions): Promise<Database> {
  let url: string;
  let stopServer: () => Promise<void> = async () => {};
  let releaseLock: () => void = () => {};
  let kind: Database['kind'] = 'embedded';

  if (config.databaseUrl) {
    url = config.databaseUrl;
    kind = 'external';
  } else {
    const owner = opts.purpose === 'cli' ? readLock(config.dataDir) : null;
    if (owner && owner.pgPort > 0) {
      opts.log.debug({ pid: owner.pid }, 'using the PostgreSQL of the running Grove process');
      url = embeddedUrl(config.dataDir, owner.pgPort);
    } else {
      releaseLock = acquireLock(config.dataDir, { kind: opts.purpose, pgPort: 0 });
      try {
        const server = await startEmbedded(config.dataDir, opts.log);
        updateLock(config.dataDir, { pgPort: server.port });
        url = server.url;
        stopServer = server.stop;
      } catch (err) {
        releaseLock();
        throw err;
      }
    }
  }

  try {
    const { appRole } = await runMigrations(url);
    // Every connection of the application runs as the application role (a startup parameter, so
    // it holds from the first query on).
    // JIT compilation costs more than it saves on short OLTP queries (seconds on a cold list query)
    const options = [...(appRole ? [`-c role=${APP_ROLE}`] : []), '-c jit=off'].join(' ');
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 20, options });
    pool.on('error', (err) => opts.log.error({ err }, 'idle database connection failed'));
    return {
      db: drizzle(pool, { schema }),
      pool,
      kind,
      async close() {
        await pool.end();
        await stopServer();
        releaseLock();
      },
    };
  } catch (err) {
    await stopServer();
    releaseLock();
    throw err;
  }
}
