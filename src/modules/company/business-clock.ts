/**
 * Business-hours clocks (issue 6, D1): SLA clocks run only in the working windows of the company
 * calendar — the working week, public holidays, shortened pre-holiday days and weekends made working —
 * as wall-clock time in the company time zone (DST-aware), and stand still while paused.
 *
 * Pure functions. Time is counted in milliseconds internally and reported in (possibly fractional)
 * minutes. Long spans are walked a day at a time (never minute by minute) and each day's window is
 * converted to instants once per process (a bounded cache), so a 10-business-day deadline costs
 * microseconds once warm. A deadline is null while an open pause holds the clock, and also when it
 * can never be reached (an endless target, or a calendar without any working time for ten years).
 */

export type CalendarDayKindValue = 'holiday' | 'short' | 'working';

export interface BusinessCalendar {
  zone: string; // IANA zone of the company
  hours: ReadonlyMap<number, { start: number; end: number }>; // ISO weekday → minutes after midnight
  days: ReadonlyMap<string, CalendarDayKindValue>; // YYYY-MM-DD exceptions
}

export interface Pause {
  start: Date;
  end: Date | null; // null: still paused
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A short (pre-holiday) day ends this many minutes earlier. */
const SHORT_DAY_CUT = 60;
/** The longest run of closed days the clock will look across before it gives up (no working days at all). */
const MAX_CLOSED_DAYS = 3_700;

// ---------------------------------------------------------------------------------------------
// Time-zone arithmetic (Intl, cached per zone — dayjs.tz costs ~80 µs a call, far too slow here)

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock of an instant in a zone, read as if it were UTC (ms, whole seconds). */
function wallAsUtc(ms: number, zone: string): number {
  const parts = formatter(zone).formatToParts(new Date(ms));
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value) % 24;
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
    }
  }
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(ms: number, zone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAsUtc(whole, zone) - whole;
}

/**
 * The instant a wall-clock time (ms of `wall` read as UTC) happens in `zone`. An ambiguous time (the
 * repeated hour in autumn) is the earlier instant; a time in the spring gap is moved forward by the gap.
 */
function zonedToInstant(wall: number, zone: string): number {
  const near = wall - offsetAt(wall, zone);
  // the offsets either side of any transition close to the wanted time (transitions are months apart)
  const before = offsetAt(near - 43_200_000, zone);
  const after = offsetAt(near + 43_200_000, zone);
  if (before === after) return wall - before;
  const first = wall - Math.max(before, after);
  const second = wall - Math.min(before, after);
  if (first + offsetAt(first, zone) === wall) return first;
  if (second + offsetAt(second, zone) === wall) return second;
  return second; // in the spring gap: the wall time does not exist, move it forward by the gap
}

/** The company calendar day (days since 1970-01-01) an instant falls on. */
function localEpochDay(ms: number, zone: string): number {
  return Math.floor((ms + offsetAt(ms, zone)) / DAY);
}

function epochDayString(epochDay: number): string {
  return new Date(epochDay * DAY).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day (1970-01-01 was a Thursday). */
function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

// ---------------------------------------------------------------------------------------------
// The working windows

interface Window {
  start: number; // minutes after midnight
  end: number;
}

interface Derived {
  standard: Window | null;
  dayMinutes: number;
}

const derivedCache = new WeakMap<ReadonlyMap<number, Window>, Derived>();

function derive(cal: BusinessCalendar): Derived {
  let d = derivedCache.get(cal.hours);
  if (d) return d;
  const windowCounts = new Map<string, { w: Window; n: number; first: number }>();
  const lengthCounts = new Map<number, { n: number; first: number }>();
  for (let wd = 1; wd <= 7; wd++) {
    const w = cal.hours.get(wd);
    if (!w || w.end <= w.start) continue;
    const key = `${w.start}-${w.end}`;
    const wc = windowCounts.get(key);
    if (wc) wc.n++;
    else windowCounts.set(key, { w, n: 1, first: wd });
    const len = w.end - w.start;
    const lc = lengthCounts.get(len);
    if (lc) lc.n++;
    else lengthCounts.set(len, { n: 1, first: wd });
  }
  let standard: Window | null = null;
  let best = { n: 0, first: 8 };
  for (const c of windowCounts.values()) {
    if (c.n > best.n || (c.n === best.n && c.first < best.first)) {
      best = c;
      standard = { start: c.w.start, end: c.w.end };
    }
  }
  let dayMinutes = 0;
  let bestLen = { n: 0, first: 8 };
  for (const [len, c] of lengthCounts) {
    if (c.n > bestLen.n || (c.n === bestLen.n && c.first < bestLen.first)) {
      bestLen = c;
      dayMinutes = len;
    }
  }
  d = { standard, dayMinutes };
  derivedCache.set(cal.hours, d);
  return d;
}

/** The working window of a calendar day in minutes after midnight, or null when the company is closed. */
function dayWindow(cal: BusinessCalendar, derived: Derived, epochDay: number): Window | null {
  const weekday = isoWeekday(epochDay);
  const own = cal.hours.get(weekday);
  const base = own && own.end > own.start ? own : null;
  if (cal.days.size === 0) return base;
  const kind = cal.days.get(epochDayString(epochDay));
  if (kind === undefined) return base;
  if (kind === 'holiday') return null;
  const open = base ?? derived.standard;
  if (!open) return null;
  if (kind === 'working') return open;
  const end = open.end - SHORT_DAY_CUT;
  return end > open.start ? { start: open.start, end } : null;
}

const instantCache = new Map<string, readonly [number, number]>();
const INSTANT_CACHE_LIMIT = 50_000;

/** The window of a calendar day as instants [start, end) in ms. */
function windowInstants(zone: string, epochDay: number, w: Window): readonly [number, number] {
  const key = `${zone}|${epochDay}|${w.start}|${w.end}`;
  let r = instantCache.get(key);
  if (!r) {
    const midnight = epochDay * DAY;
    // offsets are within ±14 h: these two instants lie before and after the whole local day
    const before = offsetAt(midnight - 15 * 3_600_000, zone);
    const after = offsetAt(midnight + DAY + 15 * 3_600_000, zone);
    r =
      before === after // no transition that day (the common case): one offset for both ends
        ? [midnight + w.start * MINUTE - before, midnight + w.end * MINUTE - before]
        : [zonedToInstant(midnight + w.start * MINUTE, zone), zonedToInstant(midnight + w.end * MINUTE, zone)];
    if (instantCache.size >= INSTANT_CACHE_LIMIT) instantCache.clear();
    instantCache.set(key, r);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Pauses

/** The pauses as a sorted union of disjoint [start, end) intervals (end Infinity: still paused). */
function mergePauses(pauses: readonly Pause[] | undefined, from: number): Array<[number, number]> {
  if (!pauses?.length) return [];
  const list: Array<[number, number]> = [];
  for (const p of pauses) {
    const s = p.start.getTime();
    const e = p.end ? p.end.getTime() : Number.POSITIVE_INFINITY;
    if (e <= s || e <= from) continue;
    list.push([s, e]);
  }
  list.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const iv of list) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// The public API

/** minutes of a standard working day (the most common weekday length), the size of one 'business day' */
export function businessDayMinutes(cal: BusinessCalendar): number {
  return derive(cal).dayMinutes;
}

/** a target in business minutes: hours × 60, business days × businessDayMinutes */
export function targetMinutes(cal: BusinessCalendar, amount: number, unit: 'hours' | 'business_days'): number {
  return unit === 'hours' ? amount * 60 : amount * businessDayMinutes(cal);
}

/** business minutes in [from, to), minus the parts covered by pauses */
export function elapsedBusinessMinutes(cal: BusinessCalendar, from: Date, to: Date, pauses?: readonly Pause[]): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  const derived = derive(cal);
  const merged = mergePauses(pauses, a);
  let pi = 0;
  let total = 0;
  const lastDay = localEpochDay(b, cal.zone);
  for (let day = localEpochDay(a, cal.zone); day <= lastDay; day++) {
    const w = dayWindow(cal, derived, day);
    if (!w) continue;
    const [ws, we] = windowInstants(cal.zone, day, w);
    const s = Math.max(ws, a);
    const e = Math.min(we, b);
    if (e <= s) continue;
    total += e - s;
    // subtract the paused parts of [s, e)
    while (pi < merged.length && (merged[pi] as [number, number])[1] <= s) pi++;
    for (let k = pi; k < merged.length; k++) {
      const [ps, pe] = merged[k] as [number, number];
      if (ps >= e) break;
      const os = Math.max(ps, s);
      const oe = Math.min(pe, e);
      if (oe > os) total -= oe - os;
    }
  }
  return total / MINUTE;
}

/** the instant at which `minutes` business minutes after `from` have run, skipping the closed pauses; null when a pause is open (the clock stands still) */
export function businessDeadline(cal: BusinessCalendar, from: Date, minutes: number, pauses?: readonly Pause[]): Date | null {
  const a = from.getTime();
  if (!Number.isFinite(minutes) || Number.isNaN(a)) return null; // a clock that never ends (or never starts)
  let remaining = Math.round(Math.max(0, minutes) * MINUTE);
  if (remaining === 0) return new Date(a);
  const derived = derive(cal);
  const merged = mergePauses(pauses, a);
  let pi = 0;
  let closedRun = 0;
  for (let day = localEpochDay(a, cal.zone); ; day++) {
    const w = dayWindow(cal, derived, day);
    if (!w) {
      if (++closedRun > MAX_CLOSED_DAYS) return null; // no working time at all: the clock never runs
      continue;
    }
    const [ws, we] = windowInstants(cal.zone, day, w);
    let cursor = Math.max(ws, a);
    if (we <= cursor) {
      if (++closedRun > MAX_CLOSED_DAYS) return null;
      continue;
    }
    closedRun = 0;
    while (cursor < we) {
      while (pi < merged.length && (merged[pi] as [number, number])[1] <= cursor) pi++;
      const pause = merged[pi];
      if (pause && pause[0] <= cursor) {
        if (pause[1] === Number.POSITIVE_INFINITY) return null; // paused now and still paused
        cursor = pause[1];
        continue;
      }
      const runEnd = pause ? Math.min(pause[0], we) : we;
      const run = runEnd - cursor;
      if (run >= remaining) return new Date(cursor + remaining);
      remaining -= run;
      cursor = runEnd;
    }
  }
}
