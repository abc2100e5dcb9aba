import { eq, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { accountEvents, accounts } from '../accounts/accounts.schema.js';
import { type Criterion, criteria, defaultWeights, hundredthsToDecimal, impliedTier, scoreHundredths, type Weights } from './scoring.js';
import { accountCriteria, accountScorecards } from './tiering.schema.js';

let t: TestApp;
let head: Session;
let kam: TestUser;
let kamSession: Session;

beforeAll(async () => {
  t = await createTestApp();
  head = await signedIn(t.app, await makeUser(t.database.db, { role: 'head' }));
  kam = await makeUser(t.database.db, { role: 'kam' });
  kamSession = await signedIn(t.app, kam);
});
afterAll(() => t.close());

const allAt = (value: number, overrides: Partial<Record<Criterion, number>> = {}) => ({
  values: Object.fromEntries(criteria.map((c) => [c, { value: overrides[c] ?? value, comment: null as string | null }])),
});

async function settings() {
  return (await head.get('/api/scoring/settings')).json();
}

async function saveWeights(weights: Weights, keyThreshold = 70, potentialThreshold = 40) {
  const { version } = await settings();
  return head.put('/api/scoring/settings', { weights, keyThreshold, potentialThreshold, version });
}

async function scoreOf(id: string): Promise<string | null> {
  const [row] = await t.database.db.select({ score: accounts.score }).from(accounts).where(eq(accounts.id, id));
  return row?.score ?? null;
}

describe('scoring settings', () => {
  it('start from the defaults, readable by anyone who reads accounts', async () => {
    const res = await kamSession.get('/api/scoring/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ weights: defaultWeights, keyThreshold: 70, potentialThreshold: 40, version: 0, updatedBy: null });
  });

  it('may be changed by the head and the admin only', async () => {
    const body = { weights: defaultWeights, keyThreshold: 60, potentialThreshold: 30, version: 0 };
    const denied = await kamSession.put('/api/scoring/settings', body);
    expect(denied.statusCode).toBe(403);
    const senior = await signedIn(t.app, await makeUser(t.database.db, { role: 'senior_kam' }));
    expect((await senior.put('/api/scoring/settings', body)).statusCode).toBe(403);
    expect((await kamSession.post('/api/scoring/preview', body)).statusCode).toBe(403);
    const admin = await signedIn(t.app, await makeUser(t.database.db, { role: 'admin' }));
    const saved = await admin.put('/api/scoring/settings', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ keyThreshold: 60, potentialThreshold: 30, version: 1, updatedBy: { name: 'Test admin' } });
  });

  it('refuse a stale version, all-zero weights and thresholds out of order', async () => {
    const stale = await head.put('/api/scoring/settings', {
      weights: defaultWeights,
      keyThreshold: 70,
      potentialThreshold: 40,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const zero = Object.fromEntries(criteria.map((c) => [c, 0])) as Weights;
    const allZero = await saveWeights(zero);
    expect(allZero.statusCode).toBe(400);
    expect(allZero.json().error.code).toBe('WEIGHTS_ALL_ZERO');
    const inverted = await saveWeights(defaultWeights, 40, 40);
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().error.code).toBe('THRESHOLDS_INVALID');
    const tooBig = await saveWeights({ ...defaultWeights, early_adopter: 101 });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.code).toBe('VALIDATION_FAILED');
    const unknown = await head.put('/api/scoring/settings', {
      weights: { ...defaultWeights, charm: 5 },
      keyThreshold: 70,
      potentialThreshold: 40,
      version: 1,
    });
    expect(unknown.statusCode).toBe(400);
    expect((await settings()).version).toBe(1);
  });
});

describe('assessing an account', () => {
  it('recomputes its score and the tier it implies in the same request, and explains it', async () => {
    expect((await saveWeights(defaultWeights, 65, 40)).statusCode).toBe(200);
    const account = await makeAccount(t.database.db, { ownerId: kam.id });
    const empty = (await kamSession.get(`/api/accounts/${account.id}/scorecard`)).json();
    expect(empty).toMatchObject({ score: null, impliedTier: null, version: 0, canEdit: true, keyThreshold: 65 });

    const body = { ...allAt(4, { revenue_loyalty: 5 }), version: 0 };
    body.values.revenue_loyalty!.comment = 'Top-5 by revenue for three years';
    const res = await kamSession.put(`/api/accounts/${account.id}/scorecard`, body);
    expect(res.statusCode).toBe(200);
    const card = res.json();
    // 25·5 + 75·4 = 425 of 500 → 85
    expect(card).toMatchObject({ score: 85, tier: 'regular', impliedTier: 'key', version: 1 });
    const revenue = card.criteria.find((c: { criterion: string }) => c.criterion === 'revenue_loyalty');
    expect(revenue).toEqual({
      criterion: 'revenue_loyalty',
      weight: 25,
      value: 5,
      comment: 'Top-5 by revenue for three years',
      contribution: 25,
    });
    expect(await scoreOf(account.id)).toBe('85.00');
    const list = (await kamSession.get('/api/accounts?limit=500')).json();
    expect(list.items.find((a: { id: string }) => a.id === account.id).score).toBe(85);

    const events = await t.database.db.select().from(accountEvents).where(eq(accountEvents.accountId, account.id));
    expect(events.find((e) => e.kind === 'score.changed')?.data).toMatchObject({ from: null, to: 85 });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, account.id));
    expect(audit.map((a) => a.action)).toContain('account.score');

    const lower = await kamSession.put(`/api/accounts/${account.id}/scorecard`, { ...allAt(2), version: 1 });
    expect(lower.json()).toMatchObject({ score: 40, impliedTier: 'potential', version: 2 });
    const stale = await kamSession.put(`/api/accounts/${account.id}/scorecard`, { ...allAt(5), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(await scoreOf(account.id)).toBe('40.00');
  });

  it('needs all seven criteria within 0..5 and may be done only by those who may edit the account', async () => {
    const account = await makeAccount(t.database.db, { ownerId: kam.id });
    const partial = await kamSession.put(`/api/accounts/${account.id}/scorecard`, {
      values: { revenue_loyalty: { value: 5 } },
      version: 0,
    });
    expect(partial.statusCode).toBe(400);
    const tooHigh = await kamSession.put(`/api/accounts/${account.id}/scorecard`, { ...allAt(6), version: 0 });
    expect(tooHigh.statusCode).toBe(400);
    expect(await scoreOf(account.id)).toBeNull();

    const stranger = await signedIn(t.app, await makeUser(t.database.db, { role: 'kam' }));
    expect((await stranger.put(`/api/accounts/${account.id}/scorecard`, { ...allAt(3), version: 0 })).statusCode).toBe(404);
    const executive = await signedIn(t.app, await makeUser(t.database.db, { role: 'executive' }));
    expect((await executive.get(`/api/accounts/${account.id}/scorecard`)).json().canEdit).toBe(false);
    expect((await executive.put(`/api/accounts/${account.id}/scorecard`, { ...allAt(3), version: 0 })).statusCode).toBe(403);
    // sales support on the team sees the account's basic data, not the assessment
    const support = await makeUser(t.database.db, { role: 'sales_support' });
    const served = await makeAccount(t.database.db, { ownerId: kam.id, team: [{ userId: support.id, role: 'sales_support' }] });
    const supportSession = await signedIn(t.app, support);
    expect((await supportSession.get(`/api/accounts/${served.id}`)).statusCode).toBe(200);
    expect((await supportSession.get(`/api/accounts/${served.id}/scorecard`)).statusCode).toBe(404);
    // the head scores any account
    expect((await head.put(`/api/accounts/${account.id}/scorecard`, { ...allAt(3), version: 0 })).json().score).toBe(60);
  });
});

describe('changing the weights', () => {
  it('recomputes every assessed account in one go, exactly as the scoring rules say, and leaves the others alone', async () => {
    const assessments = fc.sample(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 7, maxLength: 7 }), { numRuns: 12, seed: 7 });
    const ids: { id: string; values: Record<Criterion, number> }[] = [];
    for (const row of assessments) {
      const account = await makeAccount(t.database.db, { ownerId: kam.id });
      const values = Object.fromEntries(criteria.map((c, i) => [c, row[i]!])) as Record<Criterion, number>;
      const res = await kamSession.put(`/api/accounts/${account.id}/scorecard`, {
        values: Object.fromEntries(criteria.map((c) => [c, { value: values[c] }])),
        version: 0,
      });
      expect(res.statusCode).toBe(200);
      ids.push({ id: account.id, values });
    }
    const unassessed = await makeAccount(t.database.db, { ownerId: kam.id, patch: { score: null } });

    const weights: Weights = {
      revenue_loyalty: 7,
      large_interested: 0,
      growth_potential: 13,
      brand_authority: 100,
      industry_expert: 1,
      early_adopter: 33,
      creditworthy_prospect: 2,
    };
    expect((await saveWeights(weights, 65, 40)).statusCode).toBe(200);
    for (const { id, values } of ids) expect(await scoreOf(id)).toBe(hundredthsToDecimal(scoreHundredths(weights, values)!));
    expect(await scoreOf(unassessed.id)).toBeNull();
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'scoring.settings'));
    expect(audit.at(-1)?.after).toMatchObject({ weights });
  });

  it('previews how the visible accounts would land under other weights, without saving anything', async () => {
    const before = await settings();
    const weights: Weights = { ...defaultWeights, early_adopter: 90, revenue_loyalty: 3 };
    const thresholds = { key: 55, potential: 35 };
    const res = await head.post('/api/scoring/preview', {
      weights,
      keyThreshold: thresholds.key,
      potentialThreshold: thresholds.potential,
    });
    expect(res.statusCode).toBe(200);

    // the same count, worked out here from the stored criteria with the scoring rules
    const rows = await t.database.db.select().from(accounts).where(isNull(accounts.archivedAt));
    const assessed = await t.database.db.select().from(accountCriteria);
    const cards = new Set((await t.database.db.select().from(accountScorecards)).map((c) => c.accountId));
    const expected = {
      implied: { key: 0, potential: 0, regular: 0 },
      current: { key: 0, potential: 0, regular: 0 },
      unscored: 0,
      promote: 0,
      demote: 0,
    };
    const rank = { regular: 0, potential: 1, key: 2 };
    for (const a of rows) {
      expected.current[a.tier]++;
      if (!cards.has(a.id)) {
        expected.unscored++;
        continue;
      }
      const values = Object.fromEntries(assessed.filter((c) => c.accountId === a.id).map((c) => [c.criterion, c.value]));
      const tier = impliedTier(scoreHundredths(weights, values), thresholds)!;
      expected.implied[tier]++;
      if (rank[tier] > rank[a.tier]) expected.promote++;
      if (rank[tier] < rank[a.tier]) expected.demote++;
    }
    expect(expected.implied.key + expected.implied.potential).toBeGreaterThan(0);
    expect(res.json()).toEqual(expected);
    expect(await settings()).toEqual(before);
  });
});
