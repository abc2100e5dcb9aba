import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/grove.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grove-srv-'));
  fs.chmodSync(dir, 0o755); // the embedded PostgreSQL runs as another user when we are root
  return dir;
}

/** Runs `grove <args>` as a user would. */
export function runCli(env: NodeJS.ProcessEnv, args: string[], stdin?: string, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  process: ChildProcess;
  output(): string;
  cli(args: string[], stdin?: string): Promise<CliResult>;
  /** SIGTERM, and wait until the process has exited; resolves its exit code */
  stop(): Promise<number | null>;
  /** remove the data directory (after stop) */
  cleanup(): void;
}

/** Spawns a real `grove serve` on an embedded database (a fresh data directory unless given). */
export async function startTestServer(opts: { dataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? newDataDir();
  const port = await freePort();
  // the embedded database unless the caller names one (the test run's own DATABASE_URL must not leak in)
  const env: NodeJS.ProcessEnv = { GROVE_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '', ...opts.env };
  const child = spawn(process.execPath, [bin, 'serve'], { env: { ...process.env, ...env }, cwd: root });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`grove serve exited (${child.exitCode}): ${out}`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`grove serve did not become healthy: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    dataDir,
    env,
    process: child,
    output: () => out,
    cli: (args, stdin) => runCli(env, args, stdin),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    cleanup() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
