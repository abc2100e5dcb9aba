import { and, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { interactions } from '../interactions/interactions.schema.js';
import { notificationSettings } from '../notifications/notifications.schema.js';
import { users } from '../users/users.schema.js';
import type { CalendarFeedList, CreatedCalendarFeed } from './calendar-feeds.contracts.js';

const DAY = 24 * 3600_000;
let t: TestApp;
let anna: TestUser;
let boris: TestUser;
let annaAccount: { id: string; name: string };
let borisAccount: { id: string; name: string };

/** now, rounded down to a whole hour (UTC), moved by `days` */
const hourFromNow = (days: number) => new Date(Math.floor(Date.now() / 3600_000) * 3600_000 + days * DAY);
/** the Moscow calendar day `days` from now (the test company's zone, UTC+3 all year) */
const moscowDay = (days: number) => new Date(Date.now() + days * DAY + 3 * 3600_000).toISOString().slice(0, 10);

type NewInteraction = Partial<typeof interactions.$inferInsert> & Pick<typeof interactions.$inferInsert, 'type' | 'status' | 'occurredAt'>;
async function addItem(user: TestUser, accountId: string, i: NewInteraction): Promise<string> {
  const [row] = await t.database.db
    .insert(interactions)
    .values({ userId: user.id, accountId, origin: i.status === 'planned' ? 'plan' : 'off_plan', ...i })
    .returning({ id: interactions.id });
  if (!row) throw new Error('interaction not stored');
  return row.id;
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  status: string;
  start: ICAL.Time;
  end: ICAL.Time;
  tzid: string | null;
  alarms: string[];
}
function parse(text: string): { cal: ICAL.Component; events: Map<string, ParsedEvent> } {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = new Map<string, ParsedEvent>();
  for (const v of cal.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v);
    events.set(e.uid, {
      uid: e.uid,
      summary: e.summary,
      description: e.description ?? null,
      status: String(v.getFirstPropertyValue('status')),
      start: e.startDate,
      end: e.endDate,
      tzid: v.getFirstProperty('dtstart')?.getParameter('tzid')?.toString() ?? null,
      alarms: v.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
    });
  }
  return { cal, events };
}

const anonymous = () => new Session(t.app);
async function createFeed(s: Session): Promise<CreatedCalendarFeed> {
  const res = await s.post('/api/calendar-feeds');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CreatedCalendarFeed;
}
const pathOf = (url: string) => new URL(url).pathname;

let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  anna = await makeUser(db, { role: 'kam', name: 'Anna Smith' });
  boris = await makeUser(db, { role: 'kam', name: 'Boris Petrov', locale: 'ru' });
  annaAccount = await makeAccount(db, { ownerId: anna.id, name: 'Acme, Ltd' });
  borisAccount = await makeAccount(db, { ownerId: boris.id, name: 'Север' });
  await db.insert(notificationSettings).values({ userId: anna.id, muted: [], reminderMinutes: 15 });
  ids = {
    visit: await addItem(anna, annaAccount.id, {
      type: 'visit',
      status: 'planned',
      occurredAt: hourFromNow(2),
      subject: 'Shelf review',
      nextStep: 'Send the offer',
    }),
    call: await addItem(anna, annaAccount.id, { type: 'call', status: 'planned', occurredAt: hourFromNow(3) }),
    longMeeting: await addItem(anna, annaAccount.id, {
      type: 'meeting',
      status: 'planned',
      occurredAt: hourFromNow(5),
      durationMinutes: 90,
    }),
    done: await addItem(anna, annaAccount.id, {
      type: 'negotiation',
      status: 'done',
      occurredAt: hourFromNow(-5),
      outcome: 'Agreed on prices',
    }),
    cancelled: await addItem(anna, annaAccount.id, { type: 'presentation', status: 'cancelled', occurredAt: hourFromNow(4) }),
    allDay: await addItem(anna, annaAccount.id, {
      type: 'training',
      status: 'planned',
      occurredAt: new Date(`${moscowDay(6)}T00:00:00+03:00`),
      allDay: true,
    }),
    tooOld: await addItem(anna, annaAccount.id, { type: 'visit', status: 'done', occurredAt: hourFromNow(-40) }),
    tooFar: await addItem(anna, annaAccount.id, { type: 'visit', status: 'planned', occurredAt: hourFromNow(200) }),
    boris: await addItem(boris, borisAccount.id, { type: 'visit', status: 'planned', occurredAt: hourFromNow(2) }),
  };
});
afterAll(() => t.close());

describe('calendar feeds (C3)', () => {
  it('serves the owner’s own items as iCalendar through the secret URL, with zones, all-day, cancellations and alarms', async () => {
    const s = await signedIn(t.app, anna);
    const feed = await createFeed(s);
    expect(feed.url).toMatch(/^http:\/\/localhost(:\d+)?\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.lastUsedAt).toBeNull();

    // the secret is shown once: the list never holds it, the database only its hash
    const listed = await s.get('/api/calendar-feeds');
    const secret = pathOf(feed.url).slice('/ical/'.length, -'.ics'.length);
    expect(listed.body).not.toContain(secret);
    const [stored] = await t.database.db
      .execute<{ token_hash: string }>(sql`SELECT token_hash FROM calendar_feeds WHERE id = ${feed.id}`)
      .then((r) => r.rows);
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(secret);

    const res = await anonymous().get(pathOf(feed.url));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const { cal, events } = parse(res.body);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Grove — Anna Smith');
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Moscow');

    // exactly the owner's items of the last 30 and next 180 days; never Boris's
    expect([...events.keys()].sort()).toEqual(
      [ids.visit, ids.call, ids.longMeeting, ids.done, ids.cancelled, ids.allDay].map((id) => `${id}@grove`).sort(),
    );

    const visit = events.get(`${ids.visit}@grove`)!;
    expect(visit.summary).toBe('Visit · Acme, Ltd');
    expect(visit.description).toBe('Subject: Shelf review\nNext step: Send the offer');
    expect(visit.status).toBe('CONFIRMED');
    expect(visit.tzid).toBe('Europe/Moscow');
    expect(visit.start.toJSDate().toISOString()).toBe(hourFromNow(2).toISOString());
    // the wall-clock time is Moscow's: three hours after UTC
    expect(visit.start.hour).toBe((hourFromNow(2).getUTCHours() + 3) % 24);
    expect(visit.end.toJSDate().getTime() - visit.start.toJSDate().getTime()).toBe(60 * 60_000);
    expect(visit.alarms).toEqual(['-PT15M']);

    const call = events.get(`${ids.call}@grove`)!;
    expect(call.summary).toBe('Call · Acme, Ltd');
    expect(call.end.toJSDate().getTime() - call.start.toJSDate().getTime()).toBe(15 * 60_000);
    const meeting = events.get(`${ids.longMeeting}@grove`)!;
    expect(meeting.end.toJSDate().getTime() - meeting.start.toJSDate().getTime()).toBe(90 * 60_000);

    const done = events.get(`${ids.done}@grove`)!;
    expect(done.status).toBe('CONFIRMED');
    expect(done.summary).toBe('Negotiation · Acme, Ltd');
    expect(done.description).toBe('Outcome: Agreed on prices');
    expect(done.alarms).toEqual([]);

    const cancelled = events.get(`${ids.cancelled}@grove`)!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.alarms).toEqual([]);

    const allDay = events.get(`${ids.allDay}@grove`)!;
    expect(allDay.start.isDate).toBe(true);
    expect(allDay.start.toString()).toBe(moscowDay(6));
    expect(allDay.end.toString()).toBe(moscowDay(7));

    // stable UIDs between fetches; the feed's last use is recorded
    const again = parse((await anonymous().get(pathOf(feed.url))).body);
    expect([...again.events.keys()].sort()).toEqual([...events.keys()].sort());
    const after = (await s.get('/api/calendar-feeds')).json() as CalendarFeedList;
    expect(after.items.find((f) => f.id === feed.id)?.lastUsedAt).not.toBeNull();
  });

  it('writes the owner’s language, not the reader’s', async () => {
    const s = await signedIn(t.app, boris);
    const feed = await createFeed(s);
    const res = await anonymous().get(pathOf(feed.url), { 'accept-language': 'en' });
    const { cal, events } = parse(res.body);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Grove — Boris Petrov');
    expect([...events.keys()]).toEqual([`${ids.boris}@grove`]);
    expect(events.get(`${ids.boris}@grove`)?.summary).toBe('Визит · Север');
    // default reminder: 30 minutes
    expect(events.get(`${ids.boris}@grove`)?.alarms).toEqual(['-PT30M']);
  });

  it('writes times in a zone with daylight saving time correctly on either side of the change', async () => {
    const db = t.database.db;
    const user = await makeUser(db, { role: 'kam', name: 'Zone Tester' });
    const account = await makeAccount(db, { ownerId: user.id, name: 'Berlin GmbH' });
    // pick the days from the feed's window that fall in Berlin's winter and summer time
    const instants = [10, 170].map((d) => hourFromNow(d));
    const idsHere = await Promise.all(
      instants.map((at) => addItem(user, account.id, { type: 'visit', status: 'planned', occurredAt: at })),
    );
    const s = await signedIn(t.app, user);
    const feed = await createFeed(s);
    await db.execute(sql`UPDATE company SET time_zone = 'Europe/Berlin'`);
    try {
      const { cal, events } = parse((await anonymous().get(pathOf(feed.url))).body);
      expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Berlin');
      idsHere.forEach((id, i) => {
        const e = events.get(`${id}@grove`)!;
        const at = instants[i]!;
        expect(e.tzid).toBe('Europe/Berlin');
        expect(e.start.toJSDate().toISOString()).toBe(at.toISOString());
        const berlinHour = Number(
          new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(at),
        );
        expect(e.start.hour).toBe(berlinHour);
      });
    } finally {
      await db.execute(sql`UPDATE company SET time_zone = 'Europe/Moscow'`);
    }
  });

  it('revokes a feed at once; another user’s feed is 404 to revoke; unknown secrets are 404', async () => {
    const s = await signedIn(t.app, anna);
    const feed = await createFeed(s);
    expect((await anonymous().get(pathOf(feed.url))).statusCode).toBe(200);

    const other = await signedIn(t.app, boris);
    const stolen = await other.delete(`/api/calendar-feeds/${feed.id}`);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().error.code).toBe('NOT_FOUND');
    expect((await anonymous().get(pathOf(feed.url))).statusCode).toBe(200);

    const revoked = await s.delete(`/api/calendar-feeds/${feed.id}`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const gone = await anonymous().get(pathOf(feed.url));
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('NOT_FOUND');

    expect((await anonymous().get(`/ical/${'x'.repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await anonymous().get('/ical/short.ics')).statusCode).toBe(404);

    const audit = await t.database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'calendar_feed'), eq(auditLog.entityId, feed.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['calendar_feed.create', 'calendar_feed.revoke']);
    expect(audit.every((a) => a.actorId === anna.id)).toBe(true);
  });

  it('stops a deactivated user’s feed', async () => {
    const db = t.database.db;
    const user = await makeUser(db, { role: 'kam' });
    const feed = await createFeed(await signedIn(t.app, user));
    expect((await anonymous().get(pathOf(feed.url))).statusCode).toBe(200);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await anonymous().get(pathOf(feed.url))).statusCode).toBe(404);
  });

  it('allows a handful of active feeds per user', async () => {
    const user = await makeUser(t.database.db, { role: 'kam' });
    const s = await signedIn(t.app, user);
    const feeds = [];
    for (let i = 0; i < 5; i++) feeds.push(await createFeed(s));
    const sixth = await s.post('/api/calendar-feeds');
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().error.code).toBe('CALENDAR_FEED_LIMIT');
    expect((await s.delete(`/api/calendar-feeds/${feeds[0]!.id}`)).statusCode).toBe(200);
    await createFeed(s);
    const list = (await s.get('/api/calendar-feeds')).json() as CalendarFeedList;
    expect(list.items).toHaveLength(6);
    expect(list.items.filter((f) => !f.revokedAt)).toHaveLength(5);
  });

  it('rate-limits the feed URL per address', async () => {
    const caller = anonymous();
    let last = 0;
    for (let i = 0; i < 61; i++) last = (await caller.get(`/ical/${'y'.repeat(43)}.ics`)).statusCode;
    expect(last).toBe(429);
  });
});

describe('.ics export of my plan', () => {
  it('exports the caller’s own items of the range as an attachment, audited', async () => {
    const s = await signedIn(t.app, anna);
    const from = moscowDay(-10);
    const to = moscowDay(4);
    const res = await s.get(`/api/plan/export.ics?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="grove-/);
    const { events } = parse(res.body);
    // in the range: the visit (2 days), the call (3), the cancelled one (4: Moscow day of now + 4 days), the done one (-5)
    const expected = [ids.visit, ids.call, ids.done, ids.cancelled];
    expect([...events.keys()].sort()).toEqual(expected.map((id) => `${id}@grove`).sort());
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.export'), eq(auditLog.actorId, anna.id)));
    expect(audit?.after).toEqual({ from, to });
  });

  it('validates the range with stable codes', async () => {
    const s = await signedIn(t.app, anna);
    const reversed = await s.get('/api/plan/export.ics?from=2026-05-01&to=2026-04-30');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe('CALENDAR_EXPORT_RANGE_INVALID');
    const tooLong = await s.get('/api/plan/export.ics?from=2025-01-01&to=2026-01-02');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe('CALENDAR_EXPORT_RANGE_INVALID');
    expect((await s.get('/api/plan/export.ics?from=2025-01-01&to=2026-01-01')).statusCode).toBe(200);
    const bad = await s.get('/api/plan/export.ics?from=yesterday&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await anonymous().get('/api/plan/export.ics?from=2026-01-01&to=2026-01-31')).statusCode).toBe(401);
    // dates at the edges of the calendar are answered, never a server error
    for (const [from, to] of [
      ['0000-12-30', '0001-01-02'],
      ['9999-12-01', '9999-12-31'],
      ['2026-02-30', '2026-03-01'],
      ['1900-01-01', '1900-01-31'],
      ['2999-12-01', '2999-12-31'],
    ]) {
      const res = await s.get(`/api/plan/export.ics?from=${from}&to=${to}`);
      expect(res.statusCode, `${from}..${to}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    }
  });
});
