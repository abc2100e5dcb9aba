import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import type { Locale } from '../../core/contracts.js';
import type { InteractionStatus, InteractionType } from '../interactions/interactions.contracts.js';
import { feedTexts } from './calendar-feeds.texts.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** One interaction as the calendar shows it. */
export interface FeedItem {
  id: string;
  type: InteractionType;
  status: InteractionStatus;
  occurredAt: Date;
  allDay: boolean;
  durationMinutes: number | null;
  subject: string | null;
  outcome: string | null;
  nextStep: string | null;
  accountName: string;
  updatedAt: Date;
  createdAt: Date;
}

export interface FeedCalendar {
  userName: string;
  locale: Locale;
  timeZone: string;
  /** minutes before a planned item's start for its alarm */
  reminderMinutes: number;
  items: FeedItem[];
  /** the range the calendar covers (for the time zone's definition) */
  from: Date;
  to: Date;
}

const shortTypes: ReadonlySet<InteractionType> = new Set(['call', 'email']);
/** A missing duration: an hour for meetings, a quarter for calls and e-mails. */
export const defaultDuration = (type: InteractionType) => (shortTypes.has(type) ? 15 : 60);

/** The UTC offset of `zone` at `at`, in minutes east of Greenwich. */
function offsetMinutes(fmt: Intl.DateTimeFormat, at: number): number {
  const name = fmt.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const fmtOffset = (min: number) => {
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
};

/**
 * A VTIMEZONE for `zone` between `from` and `to` (with a year either side), from the platform's
 * time zone data: one component at the start and one per change of offset (daylight saving time).
 * Calendars that do not know IANA names (Outlook) read the times correctly from it.
 */
export function vtimezone(zone: string, from: Date, to: Date): string {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const year = 366 * 24 * 3600_000;
  const start = from.getTime() - year;
  const end = to.getTime() + year;
  const local = (at: number, offset: number) => dayjs.utc(at + offset * 60_000).format('YYYYMMDDTHHmmss');
  const component = (kind: 'STANDARD' | 'DAYLIGHT', at: number, fromOff: number, toOff: number) =>
    [
      `BEGIN:${kind}`,
      `DTSTART:${local(at, fromOff)}`,
      `TZOFFSETFROM:${fmtOffset(fromOff)}`,
      `TZOFFSETTO:${fmtOffset(toOff)}`,
      `END:${kind}`,
    ].join('\r\n');
  const first = offsetMinutes(fmt, start);
  const parts = [component('STANDARD', start, first, first)];
  const day = 24 * 3600_000;
  let prev = first;
  for (let t = start + day; t <= end; t += day) {
    const now = offsetMinutes(fmt, t);
    if (now === prev) continue;
    // the change happened within the last day: find its minute
    let lo = t - day;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(fmt, mid) === prev) lo = mid;
      else hi = mid;
    }
    parts.push(component(now > prev ? 'DAYLIGHT' : 'STANDARD', hi, prev, now));
    prev = now;
  }
  return ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...parts, 'END:VTIMEZONE'].join('\r\n');
}

const escapeText = (s: string) => s.replace(/[\\;,]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, '\\n');

/** The iCalendar text of a user's interactions (C3). */
export function renderCalendar(c: FeedCalendar): string {
  const texts = feedTexts(c.locale);
  const zone = c.timeZone;
  const cal = ical({
    // the library writes these two unescaped
    name: escapeText(texts.calendarName(c.userName)),
    description: escapeText(texts.description),
    prodId: { company: 'Grove', product: 'Grove', language: c.locale.toUpperCase() },
    ttl: 15 * 60,
  });
  // No calendar-level zone name: with one, the library would write DTSTAMP and CREATED as local times.
  // Each event names the zone instead, and the generator adds its VTIMEZONE.
  cal.timezone({ name: null, generator: (tz) => vtimezone(tz, c.from, c.to) });
  cal.x('X-WR-TIMEZONE', zone);
  for (const item of c.items) {
    const start = dayjs(item.occurredAt).tz(zone);
    const minutes = item.durationMinutes ?? defaultDuration(item.type);
    const summary = `${texts.types[item.type]} · ${item.accountName}`;
    const lines = [
      item.subject ? `${texts.subject}: ${item.subject}` : null,
      item.status === 'done' && item.outcome ? `${texts.outcome}: ${item.outcome}` : null,
      item.nextStep ? `${texts.nextStep}: ${item.nextStep}` : null,
    ].filter((l): l is string => !!l);
    const event = cal.createEvent({
      id: `${item.id}@grove`,
      summary: item.status === 'cancelled' ? `${summary} (${texts.cancelled})` : summary,
      description: lines.length ? lines.join('\n') : null,
      start,
      end: item.allDay ? start.startOf('day').add(1, 'day') : start.add(minutes, 'minute'),
      allDay: item.allDay,
      timezone: zone === 'UTC' ? null : zone,
      status: item.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: item.updatedAt,
      created: item.createdAt,
      lastModified: item.updatedAt,
    });
    if (item.status === 'planned' && c.reminderMinutes > 0 && !item.allDay) {
      event.createAlarm({ type: ICalAlarmType.display, triggerBefore: c.reminderMinutes * 60, description: summary });
    }
  }
  return cal.toString();
}
