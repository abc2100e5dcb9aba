import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BusinessCalendar,
  businessDayMinutes,
  businessDeadline,
  elapsedBusinessMinutes,
  type Pause,
  targetMinutes,
} from './business-clock.js';
import { nextDay, zonedInstant } from './zoned-time.js';

const WEEK = new Map([1, 2, 3, 4, 5].map((wd) => [wd, { start: 540, end: 1080 }]));

/** The Russian production calendar as migration 0016 seeds it (2025–2026). */
const RU_DAYS = new Map<string, 'holiday' | 'short' | 'working'>([
  ...[
    '2025-01-01',
    '2025-01-02',
    '2025-01-03',
    '2025-01-04',
    '2025-01-05',
    '2025-01-06',
    '2025-01-07',
    '2025-01-08',
    '2025-05-01',
    '2025-05-02',
    '2025-05-08',
    '2025-05-09',
    '2025-06-12',
    '2025-06-13',
    '2025-11-03',
    '2025-11-04',
    '2025-12-31',
    '2025-02-23',
    '2025-03-08',
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    '2026-01-04',
    '2026-01-05',
    '2026-01-06',
    '2026-01-07',
    '2026-01-08',
    '2026-01-09',
    '2026-02-23',
    '2026-03-09',
    '2026-05-01',
    '2026-05-11',
    '2026-06-12',
    '2026-11-04',
    '2026-12-31',
  ].map((d) => [d, 'holiday'] as const),
  ...['2025-03-07', '2025-04-30', '2025-06-11', '2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'].map((d) => [d, 'short'] as const),
  ['2025-11-01', 'working'],
]);

const cal = (zone: string, days = RU_DAYS, hours = WEEK): BusinessCalendar => ({ zone, hours, days });
const moscow = cal('Europe/Moscow');
const at = (iso: string) => new Date(iso);
/** A wall-clock time in a zone: '2026-01-30 17:00'. */
const wall = (text: string, zone: string) => {
  const [day, hm] = text.split(' ') as [string, string];
  const [h, m] = hm.split(':').map(Number) as [number, number];
  return zonedInstant(day, h * 60 + m, zone);
};
const msk = (text: string) => wall(text, 'Europe/Moscow');

describe('the business day and targets', () => {
  it('is the most common weekday length', () => {
    expect(businessDayMinutes(moscow)).toBe(540);
    const shortFriday = new Map(WEEK).set(5, { start: 540, end: 960 });
    expect(businessDayMinutes(cal('Europe/Moscow', RU_DAYS, shortFriday))).toBe(540);
    expect(businessDayMinutes(cal('UTC', new Map(), new Map()))).toBe(0);
  });
  it('turns hours and business days into minutes', () => {
    expect(targetMinutes(moscow, 4, 'hours')).toBe(240);
    expect(targetMinutes(moscow, 3, 'business_days')).toBe(1620);
  });
});

describe('deadlines across the calendar (Europe/Moscow, Russian production calendar)', () => {
  it('skips the weekend', () => {
    expect(businessDeadline(moscow, msk('2026-01-30 17:00'), 120)).toEqual(msk('2026-02-02 10:00'));
    expect(elapsedBusinessMinutes(moscow, msk('2026-01-30 17:00'), msk('2026-02-02 10:00'))).toBe(120);
  });
  it('skips the New Year holidays (2025-12-31, 2026-01-01..09)', () => {
    expect(businessDeadline(moscow, msk('2025-12-30 17:00'), 120)).toEqual(msk('2026-01-12 10:00'));
    expect(elapsedBusinessMinutes(moscow, msk('2025-12-30 18:00'), msk('2026-01-12 09:00'))).toBe(0);
  });
  it('ends a short day an hour early and skips the holiday Monday 2026-05-11', () => {
    expect(elapsedBusinessMinutes(moscow, msk('2026-05-08 00:00'), msk('2026-05-09 00:00'))).toBe(480);
    expect(businessDeadline(moscow, msk('2026-05-08 16:00'), 120)).toEqual(msk('2026-05-12 10:00'));
  });
  it('works on a weekend made working (Saturday 2025-11-01) with the standard hours', () => {
    expect(elapsedBusinessMinutes(moscow, msk('2025-11-01 00:00'), msk('2025-11-02 00:00'))).toBe(540);
    expect(businessDeadline(moscow, msk('2025-10-31 17:00'), 120)).toEqual(msk('2025-11-01 10:00'));
  });
  it('starts a clock started outside hours at the next opening', () => {
    expect(businessDeadline(moscow, msk('2026-02-02 07:00'), 60)).toEqual(msk('2026-02-02 10:00'));
    expect(businessDeadline(moscow, msk('2026-02-02 20:00'), 60)).toEqual(msk('2026-02-03 10:00'));
    expect(elapsedBusinessMinutes(moscow, msk('2026-02-02 07:00'), msk('2026-02-02 10:00'))).toBe(60);
    expect(elapsedBusinessMinutes(moscow, msk('2026-02-02 20:00'), msk('2026-02-03 08:59'))).toBe(0);
  });
  it('lands on the closing time itself when the minutes run out with the day', () => {
    expect(businessDeadline(moscow, msk('2026-02-02 09:00'), 540)).toEqual(msk('2026-02-02 18:00'));
    expect(businessDeadline(moscow, msk('2026-02-02 12:00'), 0)).toEqual(msk('2026-02-02 12:00'));
  });
  it('counts ten business days as ten working days', () => {
    // from Monday 2026-02-16 09:00: Feb 23 is a holiday, so ten days end on Monday Mar 2 18:00
    expect(businessDeadline(moscow, msk('2026-02-16 09:00'), targetMinutes(moscow, 10, 'business_days'))).toEqual(msk('2026-03-02 18:00'));
  });
});

describe('other time zones', () => {
  it('uses the wall clock and the dates of America/Sao_Paulo (2026-03-09 is a holiday there too)', () => {
    const sp = cal('America/Sao_Paulo');
    expect(businessDeadline(sp, at('2026-03-06T20:30:00Z'), 60)).toEqual(at('2026-03-10T12:30:00Z'));
  });
  it('uses the wall clock of Asia/Vladivostok (UTC+10): the working day starts the UTC evening before', () => {
    const vl = cal('Asia/Vladivostok');
    expect(elapsedBusinessMinutes(vl, at('2026-02-01T23:00:00Z'), at('2026-02-02T08:00:00Z'))).toBe(540);
    expect(businessDeadline(vl, at('2026-02-01T12:00:00Z'), 1)).toEqual(at('2026-02-01T23:01:00Z'));
  });
  it('follows Europe/Berlin across the change to summer time (2026-03-29)', () => {
    const berlin = cal('Europe/Berlin', new Map());
    // Friday 9–18 CET is 08–17 UTC, Monday 9–18 CEST is 07–16 UTC
    expect(businessDeadline(berlin, at('2026-03-27T16:00:00Z'), 120)).toEqual(at('2026-03-30T08:00:00Z'));
    expect(elapsedBusinessMinutes(berlin, at('2026-03-27T08:00:00Z'), at('2026-03-30T16:00:00Z'))).toBe(1080);
    const allDay = cal('Europe/Berlin', new Map(), new Map([1, 2, 3, 4, 5, 6, 7].map((d) => [d, { start: 0, end: 1440 }])));
    expect(elapsedBusinessMinutes(allDay, wall('2026-03-29 00:00', 'Europe/Berlin'), wall('2026-03-30 00:00', 'Europe/Berlin'))).toBe(
      23 * 60,
    );
    expect(elapsedBusinessMinutes(allDay, wall('2026-10-25 00:00', 'Europe/Berlin'), wall('2026-10-26 00:00', 'Europe/Berlin'))).toBe(
      25 * 60,
    );
  });
});

describe('pauses', () => {
  const pause: Pause = { start: msk('2026-02-02 12:00'), end: msk('2026-02-03 11:00') };
  it('does not count a pause', () => {
    // Monday 09–18 minus 12–18, Tuesday 09–18 minus 09–11
    expect(elapsedBusinessMinutes(moscow, msk('2026-02-02 09:00'), msk('2026-02-03 18:00'), [pause])).toBe(180 + 420);
  });
  it('moves a deadline by the business minutes of a closed pause', () => {
    expect(businessDeadline(moscow, msk('2026-02-02 09:00'), 240, [pause])).toEqual(msk('2026-02-03 12:00'));
  });
  it('stands still while a pause is open, unless the deadline came before the pause', () => {
    const open: Pause = { start: msk('2026-02-02 12:00'), end: null };
    expect(businessDeadline(moscow, msk('2026-02-02 09:00'), 240, [open])).toBeNull();
    expect(businessDeadline(moscow, msk('2026-02-02 09:00'), 120, [open])).toEqual(msk('2026-02-02 11:00'));
    expect(elapsedBusinessMinutes(moscow, msk('2026-02-02 09:00'), msk('2026-02-09 09:00'), [open])).toBe(180);
  });
});

describe('clocks that cannot run', () => {
  it('has no deadline without any working time or for an endless target, and counts nothing', () => {
    const closed = cal('Europe/Moscow', new Map(), new Map());
    expect(businessDeadline(closed, msk('2026-02-02 09:00'), 60)).toBeNull();
    expect(elapsedBusinessMinutes(closed, msk('2026-02-02 09:00'), msk('2026-03-02 09:00'))).toBe(0);
    expect(businessDeadline(moscow, msk('2026-02-02 09:00'), Number.POSITIVE_INFINITY)).toBeNull();
    expect(elapsedBusinessMinutes(moscow, msk('2026-02-03 09:00'), msk('2026-02-02 09:00'))).toBe(0);
  });
});

describe('speed', () => {
  it('computes a 10-business-day deadline in well under a millisecond', () => {
    const ten = targetMinutes(moscow, 10, 'business_days');
    const from = msk('2026-04-20 10:00');
    businessDeadline(moscow, from, ten); // warm the zone formatter
    const fresh = performance.now();
    businessDeadline(moscow, msk('2027-07-05 10:00'), ten); // days never computed before
    expect(performance.now() - fresh).toBeLessThan(5);
    const t = performance.now();
    for (let i = 0; i < 1000; i++) businessDeadline(moscow, from, ten);
    expect((performance.now() - t) / 1000).toBeLessThan(0.2);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const zones = ['Europe/Moscow', 'America/Sao_Paulo', 'Asia/Vladivostok', 'Europe/Berlin', 'America/New_York', 'UTC'];
const MIN_T = Date.parse('2025-01-01T00:00:00Z');
const MAX_T = Date.parse('2027-01-01T00:00:00Z');
const DAY = 86_400_000;

const hoursArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1380 }), fc.integer({ min: 30, max: 720 })), { minLength: 7, maxLength: 7 })
  .chain((spans) =>
    fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }).map(
      (weekdays) =>
        new Map(
          weekdays.map((wd) => {
            const [start, len] = spans[wd - 1] as [number, number];
            return [wd, { start, end: Math.min(1440, start + len) }];
          }),
        ),
    ),
  );
const calArb: fc.Arbitrary<BusinessCalendar> = fc.record({
  zone: fc.constantFrom(...zones),
  hours: fc.oneof(fc.constant(WEEK), hoursArb),
  days: fc.constant(RU_DAYS),
});
const instant = (min = MIN_T, max = MAX_T) => fc.integer({ min, max }).map((t) => new Date(t));
const pauseArb = fc
  .tuple(fc.integer({ min: MIN_T, max: MAX_T }), fc.integer({ min: 0, max: 20 * DAY }))
  .map(([s, len]): Pause => ({ start: new Date(s), end: new Date(s + len) }));
const ms = (d: Date) => d.getTime();
const max = (a: Date, b: Date) => (ms(a) > ms(b) ? a : b);
const min = (a: Date, b: Date) => (ms(a) < ms(b) ? a : b);
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

describe('properties', () => {
  it('a deadline is the first instant at which the minutes have run', () => {
    fc.assert(
      fc.property(calArb, instant(), fc.integer({ min: 0, max: 30_000 }), (c, from, m) => {
        const d = businessDeadline(c, from, m) as Date;
        expect(d).not.toBeNull();
        expect(ms(d)).toBeGreaterThanOrEqual(ms(from));
        expect(close(elapsedBusinessMinutes(c, from, d), m)).toBe(true);
        if (m > 0) expect(elapsedBusinessMinutes(c, from, new Date(ms(d) - 1))).toBeLessThan(m);
      }),
      { numRuns: 300 },
    );
  });

  it('elapsed time is additive over split intervals, with or without pauses', () => {
    fc.assert(
      fc.property(
        calArb,
        fc.array(instant(), { minLength: 3, maxLength: 3 }),
        fc.array(pauseArb, { maxLength: 3 }),
        (c, points, pauses) => {
          const [a, b, z] = points.sort((x, y) => ms(x) - ms(y)) as [Date, Date, Date];
          for (const p of [[], pauses]) {
            const whole = elapsedBusinessMinutes(c, a, z, p);
            const parts = elapsedBusinessMinutes(c, a, b, p) + elapsedBusinessMinutes(c, b, z, p);
            expect(close(whole, parts)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a paused clock never counts the pause', () => {
    fc.assert(
      fc.property(calArb, instant(), instant(), pauseArb, (c, x, y, p) => {
        const [a, b] = ms(x) <= ms(y) ? [x, y] : [y, x];
        const end = p.end as Date;
        const inside = ms(end) > ms(a) && ms(p.start) < ms(b) ? elapsedBusinessMinutes(c, max(a, p.start), min(b, end)) : 0;
        expect(close(elapsedBusinessMinutes(c, a, b, [p]), elapsedBusinessMinutes(c, a, b) - inside)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a closed pause moves the deadline by exactly its business minutes', () => {
    fc.assert(
      fc.property(calArb, instant(), fc.integer({ min: 1, max: 20_000 }), pauseArb, (c, from, m, p) => {
        const plain = businessDeadline(c, from, m) as Date;
        const paused = businessDeadline(c, from, m, [p]) as Date;
        expect(ms(paused)).toBeGreaterThanOrEqual(ms(plain));
        const end = p.end as Date;
        const inside = ms(end) > ms(from) && ms(p.start) < ms(paused) ? elapsedBusinessMinutes(c, max(from, p.start), min(paused, end)) : 0;
        expect(close(elapsedBusinessMinutes(c, from, paused), m + inside)).toBe(true);
        expect(close(elapsedBusinessMinutes(c, plain, paused), inside)).toBe(true);
        expect(close(elapsedBusinessMinutes(c, from, paused, [p]), m)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('an open pause stops the clock: the deadline is null unless it came before the pause', () => {
    fc.assert(
      fc.property(calArb, instant(), fc.integer({ min: 1, max: 20_000 }), instant(), (c, from, m, pauseStart) => {
        const plain = businessDeadline(c, from, m) as Date;
        const paused = businessDeadline(c, from, m, [{ start: pauseStart, end: null }]);
        if (ms(plain) <= ms(pauseStart)) expect(paused).toEqual(plain);
        else expect(paused).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('elapsed time is never negative and never decreases', () => {
    fc.assert(
      fc.property(
        calArb,
        fc.array(instant(), { minLength: 3, maxLength: 3 }),
        fc.array(pauseArb, { maxLength: 2 }),
        (c, [a, b, z], pauses) => {
          const [x, y] = ms(b as Date) <= ms(z as Date) ? [b as Date, z as Date] : [z as Date, b as Date];
          expect(elapsedBusinessMinutes(c, a as Date, x, pauses)).toBeGreaterThanOrEqual(0);
          expect(elapsedBusinessMinutes(c, a as Date, y, pauses)).toBeGreaterThanOrEqual(elapsedBusinessMinutes(c, a as Date, x, pauses));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with dayjs on the instants of a working day in any zone (DST included)', () => {
    // opening at 09:00: no zone changes its clocks during working hours, so every wall-clock minute of
    // the window exists exactly once (at 02:00, e.g. Lord Howe's change, the minute itself is ambiguous)
    const daily = new Map([1, 2, 3, 4, 5, 6, 7].map((d) => [d, { start: 540, end: 1080 }]));
    fc.assert(
      fc.property(fc.constantFrom(...zones, 'Australia/Lord_Howe', 'America/Santiago'), fc.integer({ min: 0, max: 730 }), (zone, n) => {
        const day = new Date(MIN_T + n * DAY).toISOString().slice(0, 10);
        const c = cal(zone, new Map(), daily);
        const midnight = zonedInstant(day, 0, zone);
        expect(businessDeadline(c, midnight, 1)).toEqual(new Date(ms(zonedInstant(day, 540, zone)) + 60_000));
        const total = (ms(zonedInstant(day, 1080, zone)) - ms(zonedInstant(day, 540, zone))) / 60_000;
        expect(elapsedBusinessMinutes(c, midnight, zonedInstant(nextDay(day), 0, zone))).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});
