import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/core/config.js';
import type { Database } from '../../src/core/db/database.js';
import { buildApp } from '../../src/core/http/app.js';
import type { App } from '../../src/core/http/types.js';
import { createTestDatabase } from './db.js';
import { makeCompany, PASSWORD, type TestUser, totpCode } from './factories.js';

export interface TestApp {
  app: App;
  database: Database & { url: string };
  close(): Promise<void>;
}

/** The real HTTP app on a fresh database of its own, with a company. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await makeCompany(database.db);
  const config = { ...loadConfig({ PORT: '3000', ...env }) };
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

let nextAddress = 1 + Math.floor(Math.random() * 0xffff) * 0x10000;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A signed-in browser: keeps the cookies and sends the CSRF token on writes. */
export class Session {
  cookies: Record<string, string> = {};
  csrf: string | null = null;
  /** each test browser has its own address (documentation range; inject sends no traffic) */
  constructor(
    readonly app: App,
    readonly remoteAddress = `2001:db8::${(nextAddress++).toString(16)}`,
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      cookies: this.cookies,
      remoteAddress: this.remoteAddress,
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body: unknown = {}, headers?: Record<string, string>) => this.request('POST', url, body, headers);
  patch = (url: string, body: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body, headers);
  put = (url: string, body: unknown, headers?: Record<string, string>) => this.request('PUT', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, {}, headers);

  /** Uploads one file as multipart/form-data (field "file"), as a browser form does. */
  upload(url: string, fileName: string, content: Buffer | string): Promise<LightMyRequestResponse> {
    const boundary = `----grove${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}) },
      cookies: this.cookies,
      remoteAddress: this.remoteAddress,
      payload,
    });
  }

  /** Signs in (with the second factor when the user has one) and fetches the CSRF token. */
  async signIn(user: TestUser, password = PASSWORD): Promise<this> {
    const res = await this.post('/api/auth/login', { email: user.email, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const body = res.json() as { status: string; challenge?: string };
    if (body.status === 'totp_required') {
      if (!user.totpSecret) throw new Error('user has no TOTP secret');
      const second = await this.post('/api/auth/login/totp', { challenge: body.challenge, code: totpCode(user.totpSecret) });
      if (second.statusCode !== 200) throw new Error(`second factor failed: ${second.statusCode} ${second.body}`);
    }
    const me = await this.get('/api/me');
    this.csrf = (me.json() as { csrfToken: string | null }).csrfToken;
    return this;
  }
}

export const signedIn = (app: App, user: TestUser) => new Session(app).signIn(user);
