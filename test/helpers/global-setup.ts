import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pino from 'pino';
import { acquireLock } from '../../src/core/db/data-dir-lock.js';
import { startEmbedded } from '../../src/core/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a PostgreSQL URL with the right to create databases; each test file makes its own */
    pgAdminUrl: string;
    pgKind: 'embedded' | 'external';
  }
}

/**
 * One PostgreSQL server for the run: the machine's (TEST_DATABASE_URL) or an embedded one in a
 * temporary directory. Test files create their own databases on it (test/helpers/db.ts).
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('pgAdminUrl', external);
    project.provide('pgKind', 'external');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grove-test-pg-'));
  fs.chmodSync(dir, 0o755);
  const release = acquireLock(dir, { kind: 'cli', pgPort: 0 });
  const server = await startEmbedded(dir, pino({ level: 'warn' }));
  project.provide('pgAdminUrl', server.url);
  project.provide('pgKind', 'embedded');
  return async () => {
    await server.stop();
    release();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
