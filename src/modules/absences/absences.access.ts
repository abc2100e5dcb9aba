import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { type MatrixRow, only, signedInOnly, type Targets } from '../../core/policy/matrix-kit.js';
import { accountOwners, accounts } from '../accounts/accounts.schema.js';
import { users } from '../users/users.schema.js';
import { companyDay } from './absences.service.js';
import { absences } from './absences.schema.js';

/** the company day `days` away from today */
async function day(db: Db, days: number): Promise<string> {
  const d = new Date(`${await companyDay(db)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function absence(db: Db, userId: string, deputyId: string, from: number, to: number, ended = false) {
  const [row] = await db
    .insert(absences)
    .values({
      userId,
      deputyId,
      kind: 'vacation',
      firstDay: await day(db, from),
      lastDay: await day(db, to),
      endedAt: ended ? new Date() : null,
    })
    .returning({ id: absences.id });
  if (!row) throw new Error('absence not created');
  return row.id;
}

/** A KAM of their own with an account of their own, away (or not) with the caller as deputy. */
async function colleagueAway(t: Targets, db: Db, from: number, to: number, ended = false): Promise<string> {
  return (await colleagueAwayWith(t, db, from, to, ended)).accountId;
}

async function colleagueAwayWith(t: Targets, db: Db, from: number, to: number, ended = false) {
  const [user] = await db
    .insert(users)
    .values({ email: `away-${randomUUID()}@example.test`, name: 'Matrix Absent', role: 'kam' })
    .returning({ id: users.id });
  const [account] = await db
    .insert(accounts)
    .values({ name: `Matrix away ${t.n} ${randomUUID()}`, ownerId: user!.id, tier: 'regular', status: 'active', currency: 'RUB' })
    .returning({ id: accounts.id });
  await db.insert(accountOwners).values({ accountId: account!.id, ownerId: user!.id, startDate: '-infinity' });
  if (t.self) await absence(db, user!.id, t.self, from, to, ended);
  return { userId: user!.id, accountId: account!.id };
}

/** The absent colleague's week plan: theirs to read only inside the window (or for those who see every plan). */
const weekOf = async (t: Targets, db: Db, from: number, to: number, ended = false) => ({
  url: `/api/plan/week?userId=${(await colleagueAwayWith(t, db, from, to, ended)).userId}&from=2030-03-04&to=2030-03-10`,
});
/** A call logged for the absent colleague on their account, by the deputy on their behalf. */
const callFor = async (t: Targets, db: Db, from: number, to: number, ended = false) => {
  const away = await colleagueAwayWith(t, db, from, to, ended);
  return {
    url: '/api/interactions',
    body: {
      accountId: away.accountId,
      userId: away.userId,
      type: 'call',
      status: 'done',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
    },
  };
};
const everyPlan = only(['admin', 'executive', 'head'], 200, 403);

/** Reading an account of someone the caller does not otherwise see: the 'unrelated' answers of accounts. */
const hidden = { ...only(['admin', 'executive', 'head'], 200, 404), hr: 403 };
/** Anything a signed-in deputy reads of the absent KAM while covering. */
const covering = signedInOnly(200);
/** Absences of someone unrelated: head and admin change them; HR sees but may not; the rest get 404. */
const unrelated = { ...only(['admin', 'head'], 200, 404), hr: 403 };

export const absenceAccessRows: MatrixRow[] = [
  { route: 'GET /api/absences', case: 'mine', expect: signedInOnly(200) },
  {
    route: 'GET /api/absences',
    case: 'all',
    request: () => ({ url: '/api/absences?scope=all' }),
    expect: only(['admin', 'head', 'hr'], 200, 403),
  },
  { route: 'GET /api/absences/cover', case: 'any', expect: signedInOnly(200) },
  { route: 'GET /api/absences/deputies', case: 'for myself', expect: signedInOnly(200) },
  {
    route: 'GET /api/absences/deputies',
    case: 'for a report',
    request: (t) => ({ url: `/api/absences/deputies?userId=${t.report}` }),
    expect: signedInOnly(200),
  },
  {
    route: 'GET /api/absences/deputies',
    case: 'unrelated',
    request: (t) => ({ url: `/api/absences/deputies?userId=${t.other}` }),
    expect: unrelated,
  },
  {
    route: 'POST /api/absences',
    case: 'of a report',
    request: async (t, db) => ({
      body: { userId: t.report, deputyId: t.other, kind: 'vacation', firstDay: await day(db, 30), lastDay: await day(db, 32) },
    }),
    expect: signedInOnly(200),
  },
  {
    route: 'POST /api/absences',
    case: 'unrelated',
    request: async (t, db) => ({
      body: { userId: t.other, deputyId: t.report, kind: 'vacation', firstDay: await day(db, 30), lastDay: await day(db, 32) },
    }),
    expect: unrelated,
  },
  {
    route: 'PATCH /api/absences/:id',
    case: 'of a report',
    request: async (t, db) => ({ url: `/api/absences/${await absence(db, t.report, t.other, 50, 51)}`, body: { note: 'Matrix' } }),
    expect: signedInOnly(200),
  },
  {
    route: 'PATCH /api/absences/:id',
    case: 'unrelated',
    request: async (t, db) => ({ url: `/api/absences/${await absence(db, t.other, t.report, 50, 51)}`, body: { note: 'Matrix' } }),
    expect: unrelated,
  },
  {
    route: 'POST /api/absences/:id/end',
    case: 'of a report',
    request: async (t, db) => ({ url: `/api/absences/${await absence(db, t.report, t.other, -1, 1)}/end` }),
    expect: signedInOnly(200),
  },
  {
    route: 'POST /api/absences/:id/end',
    case: 'unrelated',
    request: async (t, db) => ({ url: `/api/absences/${await absence(db, t.other, t.report, -1, 1)}/end` }),
    expect: unrelated,
  },
  {
    route: 'DELETE /api/absences/:id',
    case: 'of a report',
    request: async (t, db) => ({ url: `/api/absences/${await absence(db, t.report, t.other, 70, 71)}` }),
    expect: signedInOnly(200),
  },
  {
    route: 'DELETE /api/absences/:id',
    case: 'unrelated',
    request: async (t, db) => ({ url: `/api/absences/${await absence(db, t.other, t.report, 70, 71)}` }),
    expect: unrelated,
  },
  // The deputy window (B3): the caller deputises for an absent KAM and reads that KAM's account.
  {
    route: 'GET /api/accounts/:id',
    case: 'deputy, before the absence',
    request: async (t, db) => ({ url: `/api/accounts/${await colleagueAway(t, db, 1, 5)}` }),
    expect: hidden,
  },
  {
    route: 'GET /api/accounts/:id',
    case: 'deputy, after the absence',
    request: async (t, db) => ({ url: `/api/accounts/${await colleagueAway(t, db, -5, -1)}` }),
    expect: hidden,
  },
  {
    route: 'GET /api/accounts/:id',
    case: 'deputy, after an early end',
    request: async (t, db) => ({ url: `/api/accounts/${await colleagueAway(t, db, -2, 5, true)}` }),
    expect: hidden,
  },
  {
    route: 'GET /api/accounts/:id',
    case: 'deputy, inside the window',
    request: async (t, db) => ({ url: `/api/accounts/${await colleagueAway(t, db, 0, 0)}` }),
    expect: covering,
  },
  { route: 'GET /api/plan/week', case: 'deputy, before the absence', request: (t, db) => weekOf(t, db, 1, 5), expect: everyPlan },
  { route: 'GET /api/plan/week', case: 'deputy, after the absence', request: (t, db) => weekOf(t, db, -5, -1), expect: everyPlan },
  { route: 'GET /api/plan/week', case: 'deputy, after an early end', request: (t, db) => weekOf(t, db, -2, 5, true), expect: everyPlan },
  { route: 'GET /api/plan/week', case: 'deputy, inside the window', request: (t, db) => weekOf(t, db, 0, 0), expect: covering },
  {
    route: 'POST /api/interactions',
    case: 'deputy, before the absence',
    request: (t, db) => callFor(t, db, 1, 5),
    expect: only([], 200, 403),
  },
  {
    route: 'POST /api/interactions',
    case: 'deputy, after an early end',
    request: (t, db) => callFor(t, db, -2, 5, true),
    expect: only([], 200, 403),
  },
  { route: 'POST /api/interactions', case: 'deputy, inside the window', request: (t, db) => callFor(t, db, 0, 0), expect: covering },
  {
    // ends the cover above at once, so the rows after this one see the caller with their own rights
    route: 'GET /api/accounts/:id',
    case: 'deputy, inside the window once ended early',
    request: async (t, db) => {
      const account = await colleagueAway(t, db, 0, 3);
      if (t.self) await db.update(absences).set({ endedAt: new Date() }).where(eq(absences.deputyId, t.self));
      return { url: `/api/accounts/${account}` };
    },
    expect: hidden,
  },
];
