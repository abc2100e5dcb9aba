import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import type { BusinessCalendarView, CalendarDay } from './business-calendar.contracts.js';
import { loadBusinessCalendar } from './business-calendar.service.js';
import { businessDeadline } from './business-clock.js';
import { zonedInstant } from './zoned-time.js';

let t: TestApp;
let admin: Session;
let kam: Session;
const db = () => t.database.db;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, await makeUser(db(), { role: 'admin' }));
  kam = await signedIn(t.app, await makeUser(db(), { role: 'kam' }));
});
afterAll(() => t.close());

const msk = (day: string, minute: number) => zonedInstant(day, minute, 'Europe/Moscow');

describe('the working calendar', () => {
  it('ships the Russian production calendar and shows it to anyone signed in', async () => {
    const res = await kam.get('/api/calendar?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const cal = res.json() as BusinessCalendarView;
    expect(cal.year).toBe(2026);
    expect(cal.timeZone).toBe('Europe/Moscow');
    expect(cal.businessDayMinutes).toBe(540);
    expect(cal.hours).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1080 })));
    const kinds = new Map(cal.days.map((d) => [d.day, d.kind]));
    expect(kinds.get('2026-01-09')).toBe('holiday');
    expect(kinds.get('2026-05-11')).toBe('holiday');
    expect(kinds.get('2026-05-08')).toBe('short');
    expect(cal.days.every((d) => d.day.startsWith('2026-'))).toBe(true);
    expect((await kam.get('/api/calendar?year=1999')).statusCode).toBe(400);
  });

  it('lets only an administrator change it, audits the change, and the clocks follow at once', async () => {
    const before = await loadBusinessCalendar(db());
    // Friday 2026-02-06 17:00 + 2 h: Monday 10:00
    expect(businessDeadline(before, msk('2026-02-06', 1020), 120)).toEqual(msk('2026-02-09', 600));

    expect((await kam.put('/api/calendar/days/2026-02-09', { kind: 'holiday' })).statusCode).toBe(403);
    const set = await admin.put('/api/calendar/days/2026-02-09', { kind: 'holiday', name: '  Company day  ' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json() as CalendarDay).toEqual({ day: '2026-02-09', kind: 'holiday', name: 'Company day' });
    expect(businessDeadline(await loadBusinessCalendar(db()), msk('2026-02-06', 1020), 120)).toEqual(msk('2026-02-10', 600));

    // a working Saturday
    expect((await admin.put('/api/calendar/days/2026-02-07', { kind: 'working' })).statusCode).toBe(200);
    expect(businessDeadline(await loadBusinessCalendar(db()), msk('2026-02-06', 1020), 120)).toEqual(msk('2026-02-07', 600));

    const shown = ((await kam.get('/api/calendar?year=2026')).json() as BusinessCalendarView).days;
    expect(shown.filter((d) => d.day.startsWith('2026-02-0'))).toEqual([
      { day: '2026-02-07', kind: 'working', name: null },
      { day: '2026-02-09', kind: 'holiday', name: 'Company day' },
    ]);

    expect((await kam.delete('/api/calendar/days/2026-02-07')).statusCode).toBe(403);
    expect((await admin.delete('/api/calendar/days/2026-02-07')).statusCode).toBe(200);
    expect((await admin.delete('/api/calendar/days/2026-02-07')).statusCode).toBe(404);
    expect((await admin.delete('/api/calendar/days/2026-02-09')).statusCode).toBe(200);
    expect(businessDeadline(await loadBusinessCalendar(db()), msk('2026-02-06', 1020), 120)).toEqual(msk('2026-02-09', 600));

    const audit = await db()
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'calendar_day'), eq(auditLog.entityId, '2026-02-09')));
    expect(audit.map((a) => a.action).sort()).toEqual(['calendar.day_added', 'calendar.day_removed']);
    expect(audit.find((a) => a.action === 'calendar.day_removed')?.before).toMatchObject({ kind: 'holiday', name: 'Company day' });
  });

  it('sets the working week, with clear errors for a bad one', async () => {
    const bad = async (hours: unknown) => (await admin.put('/api/calendar/hours', { hours })).json().error.code;
    expect(await bad([])).toBe('CALENDAR_WEEK_EMPTY');
    expect(await bad([{ weekday: 1, startMinute: 600, endMinute: 540 }])).toBe('CALENDAR_HOURS_INVALID');
    expect(
      await bad([
        { weekday: 1, startMinute: 540, endMinute: 1080 },
        { weekday: 1, startMinute: 600, endMinute: 1080 },
      ]),
    ).toBe('CALENDAR_WEEKDAY_TWICE');
    expect((await admin.put('/api/calendar/hours', { hours: [{ weekday: 8, startMinute: 0, endMinute: 60 }] })).statusCode).toBe(400);
    expect((await kam.put('/api/calendar/hours', { hours: [{ weekday: 1, startMinute: 0, endMinute: 60 }] })).statusCode).toBe(403);

    // a six-day week, 10:00–19:00, Saturday 10:00–15:00
    const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 600, endMinute: 1140 }));
    const res = await admin.put('/api/calendar/hours', { hours: [{ weekday: 6, startMinute: 600, endMinute: 900 }, ...week] });
    expect(res.statusCode, res.body).toBe(200);
    const cal = res.json() as BusinessCalendarView;
    expect(cal.hours.map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cal.businessDayMinutes).toBe(540);
    // Friday 2026-02-06 18:00 + 2 h: Saturday 11:00
    expect(businessDeadline(await loadBusinessCalendar(db()), msk('2026-02-06', 1080), 120)).toEqual(msk('2026-02-07', 660));
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'calendar.hours_updated'));
    expect(entry?.before).toHaveLength(5);
    expect(entry?.after).toHaveLength(6);

    // back to the standard week for the other tests
    const standard = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1080 }));
    expect((await admin.put('/api/calendar/hours', { hours: standard })).statusCode).toBe(200);
  });

  it('refuses a malformed day', async () => {
    expect((await admin.put('/api/calendar/days/2026-02-30', { kind: 'holiday' })).statusCode).toBe(400);
    expect((await admin.put('/api/calendar/days/tomorrow', { kind: 'holiday' })).statusCode).toBe(400);
    expect((await admin.put('/api/calendar/days/2026-03-02', { kind: 'vacation' })).statusCode).toBe(400);
  });
});
