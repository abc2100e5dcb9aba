import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorBody } from '../../src/core/contracts.js';
import { createTestApp, signedIn, type TestApp } from '../helpers/api.js';
import { makeUser } from '../helpers/factories.js';
import { arbitraryFor, type JsonSchema, malformedValue } from '../helpers/json-schema-arbitrary.js';

/**
 * Property-based fuzzing of every API route, driven by the routes' own zod schemas: well-formed and
 * malformed requests, as an administrator (API token) and anonymously. No answer may be a 5xx, and
 * every answer must match the route's response schema (or the error schema).
 */
let t: TestApp;
let adminToken: string;
let sent = 0;
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

beforeAll(async () => {
  t = await createTestApp({ GROVE_LOGIN_RATE_PER_MINUTE: '1000000' });
  const admin = await signedIn(t.app, await makeUser(t.database.db, { role: 'admin' }));
  adminToken = (await admin.post('/api/me/tokens', { name: 'fuzz' })).json().token;
});
afterAll(async () => {
  console.log(`fuzz: ${sent} requests, 0 answers of 5xx`);
  await t.close();
});

const toJson = (schema: unknown): JsonSchema | undefined =>
  schema instanceof z.ZodType ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : undefined;

describe('API fuzz', () => {
  it('covers routes', () => expect(t.app.apiRoutes.length).toBeGreaterThan(20));

  it('never answers 5xx and always answers to its schema', async () => {
    for (const route of t.app.apiRoutes) {
      const schema = route.schema ?? {};
      const body = toJson(schema.body);
      const params = toJson(schema.params);
      const query = toJson(schema.querystring);
      const responses = (schema.response ?? {}) as Record<string, z.ZodType>;
      const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);

      const request = fc.record({
        auth: fc.boolean(),
        wellFormed: fc.boolean(),
        body: fc.oneof(arbitraryFor(body), malformedValue),
        params: fc.oneof(arbitraryFor(params), fc.dictionary(fc.constantFrom(...paramNames, 'x'), fc.string({ maxLength: 30 }))),
        query: fc.oneof(arbitraryFor(query), fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 }))),
        raw: fc.option(fc.string({ maxLength: 50 }), { freq: 4 }),
      });

      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const p = (r.params ?? {}) as Record<string, unknown>;
          const url = route.url.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(String(p[k] ?? 'x')));
          const q = new URLSearchParams();
          for (const [k, v] of Object.entries((r.query ?? {}) as Record<string, unknown>))
            if (v !== undefined) q.set(k, typeof v === 'object' ? safeJson(v) : String(v));
          const opts: InjectOptions = {
            method: route.method as InjectOptions['method'],
            url: q.size ? `${url}?${q}` : url,
            headers: r.auth ? { authorization: `Bearer ${adminToken}` } : {},
          };
          if (route.method !== 'GET' && route.method !== 'DELETE') {
            if (r.raw !== null) opts.payload = r.raw;
            else opts.payload = JSON.stringify(r.body ?? {});
            opts.headers = { ...opts.headers, 'content-type': r.raw !== null && !r.wellFormed ? 'text/plain' : 'application/json' };
          }
          // never sign the fuzzing admin out or lock it out
          if (route.url === '/api/users/:id' && route.method === 'PATCH') opts.payload = JSON.stringify({ name: 'Fuzzed' });
          const res = await t.app.inject(opts);
          sent++;
          expect(
            res.statusCode,
            `${opts.method} ${opts.url} ${String(opts.payload).slice(0, 200)} → ${res.body.slice(0, 300)}`,
          ).toBeLessThan(500);
          if (route.url === '/api/openapi.json') return;
          // files (CSV, XLSX, PDF) are answers too; an error is always the JSON error body
          const isJson = String(res.headers['content-type'] ?? '').includes('application/json');
          if (res.statusCode >= 400) expect(isJson, `${route.method} ${route.url} error is JSON`).toBe(true);
          if (!isJson) return;
          const json = res.json();
          const shape = res.statusCode >= 400 ? ErrorBody : responses[String(res.statusCode)];
          if (shape) expect(shape.safeParse(json).success, `${route.method} ${route.url} answered ${res.body.slice(0, 300)}`).toBe(true);
        }),
        { numRuns: RUNS },
      );
    }
    // every route × RUNS requests: minutes on a busy 2-CPU machine as the API grows
  }, 300_000);
});

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '[object]';
  }
}
