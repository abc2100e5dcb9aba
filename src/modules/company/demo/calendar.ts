/**
 * Days of the demo, counted from the day it is loaded, so that the demo always looks current: contacts
 * from last week, reviews due next month, hand-overs in the past year and a half. Moscow keeps UTC+3
 * all year, so a time of day there is a fixed offset from UTC.
 */
export const DEMO_TIME_ZONE = 'Europe/Moscow';
const MOSCOW_OFFSET_HOURS = 3;
const DAY_MS = 86_400_000;

export type Day = string;

export class Calendar {
  /** today in Moscow, YYYY-MM-DD */
  readonly today: Day;
  private readonly base: number;
  /** nothing in the demo happens later than this (a few minutes before the load) */
  private readonly latest: number;
  /** the moment the demo is built for */
  readonly now: number;

  constructor(now: Date = new Date()) {
    this.now = now.getTime();
    this.latest = now.getTime() - 5 * 60_000;
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: DEMO_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(now)
      .reduce<Record<string, string>>((acc, p) => Object.assign(acc, { [p.type]: p.value }), {});
    this.today = `${parts.year}-${parts.month}-${parts.day}`;
    this.base = Date.parse(`${this.today}T00:00:00Z`);
  }

  /** the day `offset` days from today (negative: in the past) */
  day(offset: number): Day {
    return new Date(this.base + offset * DAY_MS).toISOString().slice(0, 10);
  }

  /** the nearest working day on or before `offset` days from today */
  workday(offset: number): Day {
    let o = offset;
    while ([0, 6].includes(new Date(this.base + o * DAY_MS).getUTCDay())) o--;
    return this.day(o);
  }

  /** days from today to `day` */
  offsetOf(day: Day): number {
    return Math.round((Date.parse(`${day}T00:00:00Z`) - this.base) / DAY_MS);
  }

  /** a moment on a day, Moscow time; a time later today than now becomes a few minutes ago */
  at(day: Day, hour: number, minute = 0): Date {
    return new Date(Math.min(this.latest, Date.parse(`${day}T00:00:00Z`) + ((hour - MOSCOW_OFFSET_HOURS) * 60 + minute) * 60_000));
  }

  /** a moment on a day, Moscow time, also in the future (planned meetings) */
  moment(day: Day, hour: number, minute = 0): Date {
    return new Date(Date.parse(`${day}T00:00:00Z`) + ((hour - MOSCOW_OFFSET_HOURS) * 60 + minute) * 60_000);
  }

  /** 0 = Sunday … 6 = Saturday, of the day `offset` days from today */
  weekday(offset: number): number {
    return new Date(this.base + offset * DAY_MS).getUTCDay();
  }

  /** the first day of the quarter `back` quarters before today's (0: the current quarter) */
  quarterStart(back = 0): Day {
    const d = new Date(this.base);
    const month = Math.floor(d.getUTCMonth() / 3) * 3 - 3 * back;
    return new Date(Date.UTC(d.getUTCFullYear(), month, 1)).toISOString().slice(0, 10);
  }

  /** the first day of the month `back` months before today's */
  monthStart(back = 0): Day {
    const d = new Date(this.base);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
  }

  /** the first day of the month after today */
  firstOfNextMonth(): Day {
    const d = new Date(this.base);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  }

  /** 27.11 — how Russian notes write a date */
  short(day: Day, lang: 'ru' | 'en'): string {
    const [, m, d] = day.split('-');
    if (lang === 'ru') return `${d}.${m}`;
    const month = new Date(`${day}T00:00:00Z`).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
    return `${Number(d)} ${month}`;
  }
}

/** `a` or `b`, whichever is later (Days compare as text) */
export const laterDay = (a: Day, b: Day): Day => (a > b ? a : b);
export const earlierDay = (a: Day, b: Day): Day => (a < b ? a : b);
