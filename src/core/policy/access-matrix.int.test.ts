import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { accessMatrix, everyone, expectedStatus } from './access-matrix.js';

let t: TestApp;
let n = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('access matrix', () => {
  it('has a row for every API route, and every row decides for every caller', () => {
    const routes = new Set(t.app.apiRoutes.map((r) => `${r.method} ${r.url}`));
    const covered = new Set(accessMatrix.map((r) => r.route));
    expect([...routes].filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.has(r))).toEqual([]);
    for (const row of accessMatrix) {
      for (const who of everyone) expect(expectedStatus(row, who), `${row.route} (${row.case}) for ${who}`).toBeTypeOf('number');
    }
  });

  for (const who of everyone) {
    it(`answers as the matrix says for ${who}`, async () => {
      const db = t.database.db;
      const self: TestUser | null = who === 'anonymous' ? null : await makeUser(db, { role: who });
      const report = await makeUser(db, { role: 'kam', managerId: self?.id });
      const other = await makeUser(db, { role: 'kam' });
      const teamRole = who === 'sales_support' ? 'sales_support' : who === 'department' ? 'department_contact' : 'junior_kam';
      const accountsFor = {
        ownAccount: (await makeAccount(db, { ownerId: self?.id ?? other.id })).id,
        reportAccount: (await makeAccount(db, { ownerId: report.id })).id,
        teamAccount: (await makeAccount(db, { ownerId: other.id, team: self ? [{ userId: self.id, role: teamRole }] : [] })).id,
        otherAccount: (await makeAccount(db, { ownerId: other.id })).id,
      } as const;
      const session = async () => (self ? new Session(t.app).signIn(self) : new Session(t.app));
      const main = await session();
      const mismatches: string[] = [];
      for (const row of accessMatrix) {
        const [method, pattern] = row.route.split(' ') as [string, string];
        const req = (await row.request?.({ self: self?.id, report: report.id, other: other.id, n: n++, ...accountsFor }, db)) ?? {};
        const s = row.freshSession ? await session() : main;
        const body = req.body ?? (method === 'GET' ? undefined : {});
        const res = await s.request(method as 'GET', req.url ?? pattern, body);
        const want = expectedStatus(row, who);
        if (res.statusCode !== want)
          mismatches.push(`${row.route} (${row.case}): ${res.statusCode}, expected ${want} — ${res.body.slice(0, 160)}`);
        if (res.statusCode >= 400) expect(res.json().error.code, row.route).toBeTypeOf('string');
      }
      expect(mismatches).toEqual([]);
    });
  }
});
