import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import type { TargetGrid } from './targets.contracts.js';
import { users } from '../users/users.schema.js';
import { departmentTargets, managerTargets } from './targets.schema.js';

let t: TestApp;
let head: Session;
let senior: TestUser;
let ann: TestUser;
let bob: TestUser;
let carl: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  head = await signedIn(t.app, await makeUser(db, { role: 'head', name: 'Hanna Head' }));
  senior = await makeUser(db, { role: 'senior_kam', name: 'Sergey Senior' });
  ann = await makeUser(db, { role: 'kam', name: 'Ann Lee', managerId: senior.id });
  bob = await makeUser(db, { role: 'kam', name: 'Bob Stone', managerId: senior.id });
  carl = await makeUser(db, { role: 'kam', name: 'Carl Field' });
});
afterAll(() => t.close());

const grid = async (s: Session, year: number) => {
  const res = await s.get(`/api/targets/${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TargetGrid;
};
const row = (g: TargetGrid, id: string) => g.managers.find((m) => m.user.id === id);

describe('sales plans (F1)', () => {
  it('the head sets the department plan and the individual plans in one save, with the sums per month', async () => {
    const before = await grid(head, 2030);
    expect(before.can.edit).toBe(true);
    // the managers are the active KAMs and senior KAMs, by name; the head has no individual plan
    expect(before.managers.map((m) => m.user.name)).toEqual(['Ann Lee', 'Bob Stone', 'Carl Field', 'Sergey Senior']);
    expect(before.department.revenue).toEqual(Array(12).fill(null));

    const res = await head.put('/api/targets/2030', {
      version: before.version,
      department: [
        { month: 1, revenue: '1000000.00', activeClients: 40, newClients: 4 },
        { month: 2, revenue: '900000.5' },
      ],
      managers: [
        { userId: ann.id, month: 1, revenue: '333333.34', activeClients: 10 },
        { userId: bob.id, month: 1, revenue: '333333.33', activeClients: 10 },
        { userId: carl.id, month: 1, revenue: '333333.33', activeClients: 20, newClients: 4 },
        { userId: ann.id, month: 2, revenue: '0.01' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as TargetGrid;
    expect(saved.version).not.toBe(before.version);
    expect(saved.department.revenue.slice(0, 3)).toEqual(['1000000.00', '900000.50', null]);
    expect(saved.department.activeClients[0]).toBe(40);
    expect(row(saved, ann.id)?.revenue.slice(0, 2)).toEqual(['333333.34', '0.01']);
    expect(row(saved, carl.id)?.newClients[0]).toBe(4);
    // exact sums: 333 333.34 + 2 × 333 333.33 = 1 000 000.00
    expect(saved.totals?.revenue.slice(0, 3)).toEqual(['1000000.00', '0.01', '0.00']);
    expect(saved.totals?.activeClients[0]).toBe(40);

    const stored = await t.database.db.select().from(managerTargets).where(eq(managerTargets.userId, ann.id));
    expect(stored.map((s) => [s.month, s.revenueTarget, s.activeClientsTarget]).sort()).toEqual([
      ['2030-01-01', '333333.34', 10],
      ['2030-02-01', '0.01', null],
    ]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'targets.update'), eq(auditLog.entityId, '2030')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ 'department 2030-01-01': { revenue: '1000000.00', activeClients: 40, newClients: 4 } });
  });

  it('refuses a save made on an older version and stores nothing (409)', async () => {
    const first = await grid(head, 2031);
    const ok = await head.put('/api/targets/2031', { version: first.version, department: [{ month: 3, revenue: '500.00' }], managers: [] });
    expect(ok.statusCode).toBe(200);
    // a second head still has the grid from before that save
    const stale = await head.put('/api/targets/2031', {
      version: first.version,
      department: [{ month: 3, revenue: '700.00' }],
      managers: [{ userId: bob.id, month: 3, revenue: '700.00' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const now = await grid(head, 2031);
    expect(now.department.revenue[2]).toBe('500.00');
    expect(row(now, bob.id)?.revenue[2]).toBeNull();
    // applied on the fresh version, the same change goes through
    const retry = await head.put('/api/targets/2031', {
      version: now.version,
      department: [{ month: 3, revenue: '700.00' }],
      managers: [],
    });
    expect(retry.json().department.revenue[2]).toBe('700.00');
  });

  it('validates the whole save and stores none of it when one cell is wrong', async () => {
    const g = await grid(head, 2032);
    const hr = await makeUser(t.database.db, { role: 'hr' });
    const wrongManager = await head.put('/api/targets/2032', {
      version: g.version,
      department: [{ month: 1, revenue: '10.00' }],
      managers: [
        { userId: ann.id, month: 1, revenue: '5.00' },
        { userId: hr.id, month: 1, revenue: '5.00' },
      ],
    });
    expect(wrongManager.statusCode).toBe(400);
    expect(wrongManager.json().error.code).toBe('TARGET_MANAGER_INVALID');
    const bad = [
      { department: [{ month: 1, revenue: '10.001' }], managers: [] },
      { department: [{ month: 1, revenue: '-10' }], managers: [] },
      { department: [{ month: 13, revenue: '10' }], managers: [] },
      { department: [{ month: 1, activeClients: 2.5 }], managers: [] },
      { department: [{ month: 1, revenue: 10 }], managers: [] },
      {
        department: [],
        managers: [
          { userId: ann.id, month: 1 },
          { userId: ann.id, month: 1, revenue: '1' },
        ],
      },
      { department: [{ month: 1, revenue: '1', extra: true }], managers: [] },
    ];
    for (const body of bad) {
      const res = await head.put('/api/targets/2032', { version: g.version, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const after = await grid(head, 2032);
    expect(after.version).toBe(g.version);
    expect(await t.database.db.select().from(departmentTargets).where(eq(departmentTargets.month, '2032-01-01'))).toEqual([]);
  });

  it('clears a cell, and removes a plan left with nothing in it', async () => {
    let g = await grid(head, 2033);
    g = (
      await head.put('/api/targets/2033', {
        version: g.version,
        department: [],
        managers: [{ userId: carl.id, month: 5, revenue: '100.00', newClients: 2 }],
      })
    ).json();
    g = (
      await head.put('/api/targets/2033', { version: g.version, department: [], managers: [{ userId: carl.id, month: 5, revenue: null }] })
    ).json();
    expect(row(g, carl.id)?.revenue[4]).toBe('0.00');
    expect(row(g, carl.id)?.newClients[4]).toBe(2);
    g = (
      await head.put('/api/targets/2033', {
        version: g.version,
        department: [],
        managers: [{ userId: carl.id, month: 5, newClients: null }],
      })
    ).json();
    expect(row(g, carl.id)?.newClients[4]).toBeNull();
    expect(await t.database.db.select().from(managerTargets).where(eq(managerTargets.month, '2033-05-01'))).toEqual([]);
  });

  it('keeps a manager who left during the year in the grid, not among those a split is shared by', async () => {
    const leaver = await makeUser(t.database.db, { role: 'kam', name: 'Lena Left' });
    let g = await grid(head, 2034);
    g = (
      await head.put('/api/targets/2034', {
        version: g.version,
        department: [],
        managers: [{ userId: leaver.id, month: 1, revenue: '50.00' }],
      })
    ).json();
    const gone = await makeUser(t.database.db, { role: 'kam', name: 'Gone Never', disabled: true });
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, leaver.id));
    g = await grid(head, 2034);
    expect(row(g, leaver.id)).toMatchObject({ planned: false, disabled: true, revenue: ['50.00', ...Array(11).fill(null)] });
    expect(row(g, gone.id)).toBeUndefined();
    // the plan of someone who left can still be corrected; a disabled user without a plan cannot get one
    const fix = await head.put('/api/targets/2034', {
      version: g.version,
      department: [],
      managers: [{ userId: leaver.id, month: 1, revenue: '40.00' }],
    });
    expect(fix.statusCode, fix.body).toBe(200);
    const refused = await head.put('/api/targets/2034', {
      version: fix.json().version,
      department: [],
      managers: [{ userId: gone.id, month: 1, revenue: '1.00' }],
    });
    expect(refused.statusCode).toBe(400);
  });

  it('shows a KAM their own row and the department row, a senior KAM their line, read-only', async () => {
    const kamView = await grid(await signedIn(t.app, ann), 2030);
    expect(kamView.managers.map((m) => m.user.id)).toEqual([ann.id]);
    expect(kamView.department.revenue[0]).toBe('1000000.00');
    expect(kamView.totals).toBeNull();
    expect(kamView.can.edit).toBe(false);

    const seniorSession = await signedIn(t.app, senior);
    const seniorView = await grid(seniorSession, 2030);
    expect(seniorView.managers.map((m) => m.user.name)).toEqual(['Ann Lee', 'Bob Stone', 'Sergey Senior']);
    expect(seniorView.totals).toBeNull();
    const write = await seniorSession.put('/api/targets/2030', { version: seniorView.version, department: [], managers: [] });
    expect(write.statusCode).toBe(403);

    const exec = await grid(await signedIn(t.app, await makeUser(t.database.db, { role: 'executive' })), 2030);
    expect(exec.totals?.revenue[0]).toBe('1000000.00');
    expect(exec.can.edit).toBe(false);
    const support = await signedIn(t.app, await makeUser(t.database.db, { role: 'sales_support' }));
    expect((await support.get('/api/targets/2030')).statusCode).toBe(403);
  });
});
