import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeContact, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { runPeriodicSurveys } from './surveys.service.js';

let t: TestApp;
let kam: TestUser;
let other: TestUser;
let account: { id: string };
let kamS: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  kam = await makeUser(db, { role: 'kam' });
  other = await makeUser(db, { role: 'kam' });
  account = await makeAccount(db, { ownerId: kam.id, tier: 'key', name: 'Orion Foods' });
  await makeContact(db, {
    accountId: account.id,
    fullName: 'Olga Director',
    patch: { email: 'olga@orion.test', buyingRole: 'decision_maker' },
  });
  kamS = await signedIn(t.app, kam);
});
afterAll(() => t.close());

/** The secret link of the last survey mailed to `to`. */
async function linkTo(to: string): Promise<string> {
  const { rows } = await t.database.db.execute<{ text_body: string }>(
    sql`SELECT text_body FROM mail_outbox WHERE kind = 'survey' AND to_address = ${to} ORDER BY created_at DESC LIMIT 1`,
  );
  const token = /\/survey\/([\w-]+)/.exec(rows[0]?.text_body ?? '')?.[1];
  if (!token) throw new Error('no survey link');
  return token;
}

describe('client feedback (D4)', () => {
  it('mails a link the client answers once without signing in; the trend counts it', async () => {
    const sent = await kamS.post('/api/surveys', { accountId: account.id, email: 'buyer@orion.test', locale: 'ru' });
    expect(sent.statusCode, sent.body).toBe(200);
    const token = await linkTo('buyer@orion.test');
    const anon = t.app;
    const page = await anon.inject({ method: 'GET', url: `/api/public/surveys/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ locale: 'ru', answered: false });
    const answer = await anon.inject({ method: 'POST', url: `/api/public/surveys/${token}`, payload: { score: 4, comment: 'Быстро' } });
    expect(answer.statusCode, answer.body).toBe(200);
    const twice = await anon.inject({ method: 'POST', url: `/api/public/surveys/${token}`, payload: { score: 1 } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('SURVEY_ANSWERED');
    expect((await anon.inject({ method: 'GET', url: `/api/public/surveys/${'x'.repeat(32)}` })).statusCode).toBe(404);
    const bad = await anon.inject({ method: 'POST', url: `/api/public/surveys/${token}`, payload: { score: 9 } });
    expect(bad.statusCode).toBe(400);

    const today = new Date().toISOString().slice(0, 10);
    const trend = await kamS.get(`/api/surveys/trend?from=2026-01-01&to=${today}&by=kam`);
    expect(trend.json().rows).toEqual([expect.objectContaining({ key: { id: kam.id, name: expect.any(String) }, average: 4, answers: 1 })]);
    const list = await (await signedIn(t.app, other)).get(`/api/surveys?accountId=${account.id}`);
    expect(list.json().items).toEqual([]);
  });

  it('asks every decision maker of a key account every 90 days, once however often it runs', async () => {
    const db = t.database.db;
    const [a, b] = await Promise.all([runPeriodicSurveys(db, 'http://grove.test'), runPeriodicSurveys(db, 'http://grove.test')]);
    expect(a + b).toBe(1);
    expect(await runPeriodicSurveys(db, 'http://grove.test')).toBe(0);
    expect(await linkTo('olga@orion.test')).toBeTruthy();
  });

  it('refuses a survey without an address, with a code', async () => {
    const res = await kamS.post('/api/surveys', { accountId: account.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('SURVEY_NO_EMAIL');
  });
});
