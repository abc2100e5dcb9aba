import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import type { Absence, CoverStatus } from './absences.contracts.js';
import { companyDay } from './absences.service.js';

let t: TestApp;
let today: string;
const db = () => t.database.db;
beforeAll(async () => {
  t = await createTestApp();
  today = await companyDay(db());
});
afterAll(() => t.close());

function day(days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function people() {
  const senior = await makeUser(db(), { role: 'senior_kam', name: 'Sergei Senior' });
  const away = await makeUser(db(), { role: 'kam', managerId: senior.id, name: 'Anna Away' });
  const deputy = await makeUser(db(), { role: 'kam', managerId: senior.id, name: 'Denis Deputy' });
  const account = await makeAccount(db(), { ownerId: away.id });
  return { senior, away, deputy, account };
}

async function record(s: Session, body: Record<string, unknown>): Promise<Absence> {
  const res = await s.post('/api/absences', { kind: 'vacation', ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('absence cover', () => {
  it('gives the deputy the absent colleague’s accounts only from the first day, audits their changes on behalf, and ends at once', async () => {
    const { away, deputy, account } = await people();
    const awayS = await signedIn(t.app, away);
    const deputyS = await signedIn(t.app, deputy);

    const planned = await record(awayS, { deputyId: deputy.id, firstDay: day(1), lastDay: day(5) });
    expect(planned.status).toBe('upcoming');
    expect((await deputyS.get(`/api/accounts/${account.id}`)).statusCode).toBe(404);

    // moved to start today: the deputy covers from this request on
    const started = await awayS.patch(`/api/absences/${planned.id}`, { firstDay: today });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().status).toBe('active');
    const read = await deputyS.get(`/api/accounts/${account.id}`);
    expect(read.statusCode).toBe(200);

    const cover = (await deputyS.get('/api/absences/cover')).json() as CoverStatus;
    expect(cover.covering).toEqual([{ absenceId: planned.id, user: { id: away.id, name: 'Anna Away' }, lastDay: day(5) }]);
    const covered = (await awayS.get('/api/absences/cover')).json() as CoverStatus;
    expect(covered.coveredBy.map((c) => c.deputy.id)).toEqual([deputy.id]);

    const change = await deputyS.patch(`/api/accounts/${account.id}`, { segment: 'Covered', version: read.json().version });
    expect(change.statusCode, change.body).toBe(200);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'account'), eq(auditLog.entityId, account.id), eq(auditLog.actorId, deputy.id)));
    expect(entry?.onBehalfOfId).toBe(away.id);

    const ended = await awayS.post(`/api/absences/${planned.id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'over', lastDay: today });
    expect((await deputyS.get(`/api/accounts/${account.id}`)).statusCode).toBe(404);
    expect(((await deputyS.get('/api/absences/cover')).json() as CoverStatus).covering).toEqual([]);
    // an ended absence cannot be ended again, changed or deleted
    expect((await awayS.post(`/api/absences/${planned.id}/end`)).json().error.code).toBe('ABSENCE_NOT_ACTIVE');
    expect((await awayS.patch(`/api/absences/${planned.id}`, { lastDay: day(9) })).json().error.code).toBe('ABSENCE_ENDED');
  });

  it('checks the dates, the deputy and overlaps, in the user’s language', async () => {
    const { senior, away, deputy } = await people();
    const s = await signedIn(t.app, away);
    // the picker offers colleagues who can do the work, not the user, not sales support
    const offered = ((await s.get('/api/absences/deputies')).json().items as { id: string; role: string }[]).map((d) => d.id);
    expect(offered).toEqual(expect.arrayContaining([senior.id, deputy.id]));
    expect(offered).not.toContain(away.id);
    const support = await makeUser(db(), { role: 'sales_support' });
    const disabled = await makeUser(db(), { role: 'kam', disabled: true });
    const bad = async (body: Record<string, unknown>) => (await s.post('/api/absences', { kind: 'sick_leave', ...body })).json().error.code;
    expect(await bad({ deputyId: deputy.id, firstDay: day(10), lastDay: day(9) })).toBe('ABSENCE_DATES_INVALID');
    expect(offered).not.toContain(support.id);
    expect(await bad({ deputyId: support.id, firstDay: day(10), lastDay: day(11) })).toBe('ABSENCE_DEPUTY_INVALID');
    expect(await bad({ deputyId: disabled.id, firstDay: day(10), lastDay: day(11) })).toBe('ABSENCE_DEPUTY_INVALID');
    expect(await bad({ deputyId: away.id, firstDay: day(10), lastDay: day(11) })).toBe('ABSENCE_DEPUTY_INVALID');
    await record(s, { deputyId: senior.id, firstDay: day(10), lastDay: day(12) });
    const overlap = await s.post(
      '/api/absences',
      { kind: 'vacation', deputyId: deputy.id, firstDay: day(12), lastDay: day(14) },
      {
        'accept-language': 'ru',
      },
    );
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.code).toBe('ABSENCE_OVERLAP');
    // the message names the absence it clashes with
    expect(overlap.json().error.message).toContain(day(10));
    // the day after is free
    await record(s, { deputyId: deputy.id, firstDay: day(13), lastDay: day(14) });
  });

  it('lets the user, their manager, the head and admin record; others see nothing; only future absences are deleted', async () => {
    const { senior, away, deputy } = await people();
    const stranger = await signedIn(t.app, await makeUser(db(), { role: 'kam' }));
    const hr = await signedIn(t.app, await makeUser(db(), { role: 'hr' }));
    const head = await signedIn(t.app, await makeUser(db(), { role: 'head' }));
    const seniorS = await signedIn(t.app, senior);

    const body = { userId: away.id, deputyId: deputy.id, kind: 'business_trip', firstDay: day(20), lastDay: day(21) };
    expect((await stranger.post('/api/absences', body)).statusCode).toBe(404);
    expect((await hr.post('/api/absences', body)).statusCode).toBe(403);
    const trip = await record(seniorS, body);
    expect(trip.createdBy?.id).toBe(senior.id);

    const team = (await seniorS.get('/api/absences?scope=team')).json().items as Absence[];
    expect(team.map((a) => a.id)).toContain(trip.id);
    const covering = (await (await signedIn(t.app, deputy)).get('/api/absences?scope=covering')).json().items as Absence[];
    expect(covering.map((a) => a.id)).toEqual([trip.id]);
    expect(((await hr.get('/api/absences?scope=all')).json().items as Absence[]).map((a) => a.id)).toContain(trip.id);
    expect((await stranger.get('/api/absences?scope=all')).statusCode).toBe(403);
    expect((await stranger.patch(`/api/absences/${trip.id}`, { note: 'x' })).statusCode).toBe(404);

    const now = await record(head, { userId: away.id, deputyId: deputy.id, firstDay: today, lastDay: day(2) });
    expect((await head.delete(`/api/absences/${now.id}`)).json().error.code).toBe('ABSENCE_ALREADY_STARTED');
    expect((await seniorS.delete(`/api/absences/${trip.id}`)).statusCode).toBe(200);
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, trip.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['absence.created', 'absence.deleted']);
  });
});
