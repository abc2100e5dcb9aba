import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { testLog } from '../../../test/helpers/db.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { loadConfig } from '../../core/config.js';
import { type Database, openDatabase } from '../../core/db/database.js';
import { accountEvents, accounts } from '../accounts/accounts.schema.js';
import { runMonthlyRetiering } from './retiering.run.js';
import { criteria } from './scoring.js';
import { startTieringSchedule } from './tiering.jobs.js';
import { retierProposals, retierRuns } from './tiering.schema.js';

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

/** An account assessed at `value` on every criterion: score = value × 20. */
async function scored(tier: 'key' | 'potential' | 'regular', value: number, name?: string) {
  const account = await makeAccount(t.database.db, { ownerId: kam.id, tier, name });
  const res = await kamSession.put(`/api/accounts/${account.id}/scorecard`, {
    values: Object.fromEntries(criteria.map((c) => [c, { value }])),
    version: 0,
  });
  expect(res.statusCode).toBe(200);
  return account;
}

const pendingFor = async (accountId: string) =>
  t.database.db
    .select()
    .from(retierProposals)
    .where(and(eq(retierProposals.accountId, accountId), eq(retierProposals.status, 'pending')));

async function proposalOf(accountId: string) {
  const [p] = await pendingFor(accountId);
  if (!p) throw new Error('no pending proposal');
  return p;
}

describe('a re-tiering run', () => {
  it('proposes a promotion or demotion for every account whose score implies another tier, once', async () => {
    const rising = await scored('regular', 4, 'Rising Star'); // 80 ≥ 70 → key
    const falling = await scored('key', 1); // 20 → regular
    const steady = await scored('potential', 3); // 60 → potential
    const unassessed = await makeAccount(t.database.db, { ownerId: kam.id, tier: 'key' });

    expect((await kamSession.post('/api/retiering/runs', {})).statusCode).toBe(403);
    const run = await head.post('/api/retiering/runs', {});
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ kind: 'manual', startedBy: { name: 'Test head' } });
    expect(run.json().created).toBeGreaterThanOrEqual(2);

    expect(await proposalOf(rising.id)).toMatchObject({ fromTier: 'regular', toTier: 'key', direction: 'promote', score: '80.00' });
    expect(await proposalOf(falling.id)).toMatchObject({ fromTier: 'key', toTier: 'regular', direction: 'demote' });
    expect(await pendingFor(steady.id)).toEqual([]);
    expect(await pendingFor(unassessed.id)).toEqual([]);

    const again = (await head.post('/api/retiering/runs', {})).json();
    expect(again.created).toBe(0);
    expect(again.kept).toBeGreaterThanOrEqual(2);
    expect(await pendingFor(rising.id)).toHaveLength(1);

    const list = (await head.get('/api/retiering/proposals?direction=promote&q=rising')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      account: { id: rising.id, name: 'Rising Star', tier: 'regular', score: 80, owner: { id: kam.id } },
      fromTier: 'regular',
      toTier: 'key',
      status: 'pending',
      run: { kind: 'manual' },
    });
    const summary = (await head.get('/api/retiering/summary')).json();
    expect(summary.pending).toBe(summary.promotions + summary.demotions);
    expect(summary.lastRun).toMatchObject({ kind: 'manual' });
  });

  it('replaces a pending proposal the score no longer supports', async () => {
    const account = await scored('regular', 4);
    await head.post('/api/retiering/runs', {});
    const first = await proposalOf(account.id);
    await kamSession.put(`/api/accounts/${account.id}/scorecard`, {
      values: Object.fromEntries(criteria.map((c) => [c, { value: 2 }])),
      version: 1,
    });
    await head.post('/api/retiering/runs', {});
    const [old] = await t.database.db.select().from(retierProposals).where(eq(retierProposals.id, first.id));
    expect(old?.status).toBe('superseded');
    expect(await proposalOf(account.id)).toMatchObject({ toTier: 'potential', score: '40.00' });
  });
});

describe('deciding on a proposal', () => {
  it('approving sets the tier, writes tier.changed on the timeline and the audit log, and offers the hand-over for a new key account', async () => {
    const account = await scored('regular', 5);
    await head.post('/api/retiering/runs', {});
    const p = await proposalOf(account.id);
    const res = await head.post(`/api/retiering/proposals/${p.id}/approve`, { note: 'Strategic client' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      proposal: { id: p.id, status: 'approved', decidedBy: { name: 'Test head' }, note: 'Strategic client', account: { tier: 'key' } },
      handover: { accountId: account.id, owner: { id: kam.id } },
    });
    const [row] = await t.database.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row).toMatchObject({ tier: 'key', version: 2 });
    const events = await t.database.db.select().from(accountEvents).where(eq(accountEvents.accountId, account.id));
    expect(events.find((e) => e.kind === 'tier.changed')?.data).toMatchObject({ from: 'regular', to: 'key', reason: 'retiering' });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, account.id));
    expect(audit.map((a) => a.action)).toContain('account.retier');

    const twice = await head.post(`/api/retiering/proposals/${p.id}/approve`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('PROPOSAL_DECIDED');
  });

  it('rejecting leaves the tier, and the same change is not proposed again until the score changes', async () => {
    const account = await scored('potential', 1);
    await head.post('/api/retiering/runs', {});
    const p = await proposalOf(account.id);
    const res = await head.post(`/api/retiering/proposals/${p.id}/reject`, { note: 'Seasonal dip' });
    expect(res.json()).toMatchObject({ proposal: { status: 'rejected', note: 'Seasonal dip' }, handover: null });
    const [row] = await t.database.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row?.tier).toBe('potential');
    await head.post('/api/retiering/runs', {});
    expect(await pendingFor(account.id)).toEqual([]);
    await kamSession.put(`/api/accounts/${account.id}/scorecard`, {
      values: Object.fromEntries(criteria.map((c) => [c, { value: 0 }])),
      version: 1,
    });
    await head.post('/api/retiering/runs', {});
    expect(await proposalOf(account.id)).toMatchObject({ toTier: 'regular', score: '0.00' });
  });

  it('a proposal whose account changed tier meanwhile is refused as stale', async () => {
    const account = await scored('regular', 5);
    await head.post('/api/retiering/runs', {});
    const p = await proposalOf(account.id);
    const [row] = await t.database.db.select().from(accounts).where(eq(accounts.id, account.id));
    const patched = await head.patch(`/api/accounts/${account.id}`, { tier: 'potential', version: row!.version });
    expect(patched.statusCode).toBe(200);
    const res = await head.post(`/api/retiering/proposals/${p.id}/approve`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROPOSAL_STALE');
    const [after] = await t.database.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(after?.tier).toBe('potential');
    const [old] = await t.database.db.select().from(retierProposals).where(eq(retierProposals.id, p.id));
    expect(old?.status).toBe('superseded');
  });

  it('approves demotions in bulk and skips anything else', async () => {
    const a = await scored('key', 0);
    const b = await scored('potential', 0);
    const up = await scored('regular', 5);
    await head.post('/api/retiering/runs', {});
    const ids = [(await proposalOf(a.id)).id, (await proposalOf(b.id)).id, (await proposalOf(up.id)).id];
    expect((await kamSession.post('/api/retiering/proposals/approve-demotions', { ids })).statusCode).toBe(403);
    const res = await head.post('/api/retiering/proposals/approve-demotions', { ids });
    expect(res.json()).toEqual({ approved: 2, skipped: 1 });
    const tiers = await t.database.db.select({ id: accounts.id, tier: accounts.tier }).from(accounts);
    const tierOf = (id: string) => tiers.find((x) => x.id === id)?.tier;
    expect([tierOf(a.id), tierOf(b.id), tierOf(up.id)]).toEqual(['regular', 'regular', 'regular']);
    expect(await pendingFor(up.id)).toHaveLength(1);
  });
});

describe('the monthly run', () => {
  let second: Database;
  beforeAll(async () => {
    // a second `grove serve` on the same database: its own connection pool
    second = await openDatabase({ ...loadConfig({}), databaseUrl: t.database.url }, { purpose: 'cli', log: testLog, poolSize: 3 });
  });
  afterAll(() => second.close());

  it('runs exactly once per month even when two instances race for it', async () => {
    const account = await scored('regular', 4);
    const results = await Promise.all([
      runMonthlyRetiering(t.database.db, '2031-05'),
      runMonthlyRetiering(second.db, '2031-05'),
      runMonthlyRetiering(second.db, '2031-05'),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const runs = await t.database.db
      .select()
      .from(retierRuns)
      .where(and(eq(retierRuns.kind, 'monthly'), eq(retierRuns.period, '2031-05')));
    expect(runs).toHaveLength(1);
    expect(await pendingFor(account.id)).toHaveLength(1);
    expect(await runMonthlyRetiering(t.database.db, '2031-05')).toBeNull();
    expect(await runMonthlyRetiering(second.db, '2031-06')).not.toBeNull();
  });

  it('is started by the schedule of each process and still happens once for the current month', async () => {
    const logs = { info: () => {}, warn: (o: unknown) => console.error(o) };
    const stops = [startTieringSchedule(t.database.db, logs, 30), startTieringSchedule(second.db, logs, 30)];
    const monthly = () => t.database.db.select().from(retierRuns).where(eq(retierRuns.kind, 'monthly'));
    await expect.poll(async () => (await monthly()).length, { timeout: 10_000 }).toBe(3);
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all(stops.map((stop) => stop()));
    const current = (await monthly()).filter((r) => r.period !== '2031-05' && r.period !== '2031-06');
    expect(current).toHaveLength(1);
    expect(current[0]?.period).toMatch(/^\d{4}-\d{2}$/);
  });
});
