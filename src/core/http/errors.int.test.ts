import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/api.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers });

describe('bad input', () => {
  it.each([
    ['malformed JSON', () => post('{"email": '), 400, 'MALFORMED_JSON'],
    ['an empty JSON body', () => post(''), 400, 'MALFORMED_JSON'],
    [
      'a form instead of JSON',
      () => post('email=a', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['an oversized body', () => post(JSON.stringify({ email: 'a', password: 'x'.repeat(2 * 1024 * 1024) })), 413, 'PAYLOAD_TOO_LARGE'],
    ['an unknown field', () => post(JSON.stringify({ email: 'a@b.c', password: 'p', admin: true })), 400, 'VALIDATION_FAILED'],
    ['a wrong type', () => post(JSON.stringify({ email: ['a'], password: 1 })), 400, 'VALIDATION_FAILED'],
    ['an unknown route', () => t.app.inject({ method: 'GET', url: '/api/no/such/thing' }), 404, 'ROUTE_NOT_FOUND'],
    ['a malformed id', () => t.app.inject({ method: 'GET', url: '/api/users/not-a-uuid' }), 401, 'UNAUTHENTICATED'],
  ])('answers %s with a stable code and no stack trace', async (_name, send, status, code) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toBeTypeOf('string');
    expect(res.body).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });

  it('answers in the language the caller asks for', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: 'Войдите в систему.' });
  });

  it('documents the API as OpenAPI 3 with every route, and serves the browsable docs', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/users/{id}', '/api/audit']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
