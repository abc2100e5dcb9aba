import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isAlive } from '../../src/core/db/data-dir-lock.js';
import { runCli, startTestServer, type TestServer } from '../helpers/server.js';

/** `grove serve` and the CLI as real processes on a real embedded PostgreSQL data directory. */
const PASSWORD = 'process test password';

async function login(url: string, email: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return {
    status: res.status,
    cookie:
      res.headers
        .getSetCookie()
        .find((c) => c.startsWith('grove_session='))
        ?.split(';')[0] ?? '',
  };
}

function postmasterPid(dataDir: string): number {
  return Number.parseInt(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
}

// The embedded server is the subject here; the run against an external PostgreSQL covers the rest.
describe.skipIf(inject('pgKind') === 'external')('grove serve on an embedded data directory', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
  });

  it("lets CLI commands use the running server's database", async () => {
    const demo = await server.cli(['demo', '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(JSON.parse(demo.stdout).users.length).toBeGreaterThan(20);
    const add = await server.cli(
      [
        'user',
        'add',
        '--email',
        'cli@example.test',
        '--name',
        'Cli User',
        '--role',
        'kam',
        '--manager',
        'anna@demo.grove.test',
        '--password-stdin',
        '--json',
      ],
      PASSWORD,
    );
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout).user).toMatchObject({
      email: 'cli@example.test',
      role: 'kam',
      manager: { email: 'anna@demo.grove.test' },
    });
    expect((await login(server.url, 'cli@example.test')).status).toBe(200);
  });

  it('gives a clear message and a non-zero exit for bad CLI input', async () => {
    const bad = await server.cli(['user', 'add', '--email', 'not-an-email', '--name', 'X', '--role', 'kam', '--password-stdin'], PASSWORD);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/email/i);
    const dup = await server.cli(
      ['user', 'add', '--email', 'cli@example.test', '--name', 'X', '--role', 'kam', '--password-stdin'],
      PASSWORD,
    );
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toContain('EMAIL_TAKEN');
    const reset = await server.cli(['user', 'passwd', '--email', 'nobody@example.test', '--password-stdin'], PASSWORD);
    expect(reset.code).not.toBe(0);
    expect(reset.stderr).toContain('No user with e-mail');
  });

  it('refuses a second server on the same data directory within 10 s', async () => {
    const started = Date.now();
    const second = await runCli({ ...server.env, PORT: String(server.port + 1) }, ['serve'], undefined, 15_000);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('already running on data directory');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps sessions and every committed write across kill -9 of the server and its PostgreSQL', async () => {
    const { cookie } = await login(server.url, 'cli@example.test');
    const pgPid = postmasterPid(server.dataDir);
    server.process.kill('SIGKILL');
    process.kill(pgPid, 'SIGKILL');
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir });
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).email).toBe('cli@example.test');
  });

  it('recovers when only the server was killed and its PostgreSQL was left running', async () => {
    const pgPid = postmasterPid(server.dataDir);
    server.process.kill('SIGKILL');
    await server.stop();
    expect(isAlive(pgPid)).toBe(true);
    server = await startTestServer({ dataDir: server.dataDir });
    expect((await login(server.url, 'cli@example.test')).status).toBe(200);
    expect(isAlive(pgPid)).toBe(false);
  });

  it('stops itself and its PostgreSQL cleanly on SIGTERM and on SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const pgPid = postmasterPid(server.dataDir);
      server.process.kill(signal);
      await server.stop();
      expect(isAlive(pgPid)).toBe(false);
      expect(fs.existsSync(path.join(server.dataDir, 'pg', 'postmaster.pid'))).toBe(false);
      expect(fs.existsSync(path.join(server.dataDir, 'grove.lock'))).toBe(false);
      server = await startTestServer({ dataDir: server.dataDir });
    }
  });
});
