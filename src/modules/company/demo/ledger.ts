import type { Calendar, Day } from './calendar.js';
import type { DemoRows } from './model.js';

/**
 * The days of the demo's sales history as offsets from today (negative: past), with their dates and
 * weekdays looked up rather than recomputed for every one of the many thousands of facts.
 */
export class Days {
  /** the first day of the history: the first of the month three years before today's */
  readonly first: number;
  private readonly names: Day[] = [];
  private readonly weekdays: number[] = [];

  constructor(
    readonly cal: Calendar,
    readonly ahead = 90,
  ) {
    this.first = cal.offsetOf(cal.monthStart(36));
    for (let o = this.first - 7; o <= ahead; o++) {
      this.names.push(cal.day(o));
      this.weekdays.push(cal.weekday(o));
    }
  }

  day(o: number): Day {
    return this.names[o - this.first + 7] ?? this.cal.day(o);
  }

  weekday(o: number): number {
    return this.weekdays[o - this.first + 7] ?? this.cal.weekday(o);
  }

  /** Saturdays, Sundays and the New Year holidays (1–8 January) */
  isHoliday(o: number): boolean {
    const wd = this.weekday(o);
    if (wd === 0 || wd === 6) return true;
    const d = this.day(o);
    return d.slice(5, 7) === '01' && Number(d.slice(8, 10)) <= 8;
  }

  /** the first working day on or after `o` */
  workdayFrom(o: number): number {
    let x = o;
    while (this.isHoliday(x)) x++;
    return x;
  }

  /** the last working day on or before `o` */
  workdayUpTo(o: number): number {
    let x = o;
    while (this.isHoliday(x)) x--;
    return x;
  }

  /** a working day in [lo, hi] (lo itself when there is none) */
  workdayIn(pick: (lo: number, hi: number) => number, lo: number, hi: number): number {
    const x = this.workdayFrom(pick(lo, Math.max(lo, hi)));
    return x <= hi ? x : lo;
  }

  month(o: number): string {
    return this.day(o).slice(0, 7);
  }
}

/** Who owned an account on a day, by the ownership history the demo writes (import-format.md). */
export class OwnerBook {
  private readonly byAccount = new Map<string, { start: string; ownerId: string }[]>();

  constructor(owners: DemoRows['owners']) {
    for (const o of owners) {
      const list = this.byAccount.get(o.accountId) ?? [];
      list.push({ start: o.startDate, ownerId: o.ownerId });
      this.byAccount.set(o.accountId, list);
    }
    // '-infinity' (from the beginning) sorts before every date
    for (const list of this.byAccount.values()) list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }

  /** the assignment with the latest start on or before the day; null before the first one */
  on(accountId: string, day: Day): string | null {
    let owner: string | null = null;
    for (const a of this.byAccount.get(accountId) ?? []) {
      if (a.start <= day) owner = a.ownerId;
      else break;
    }
    return owner;
  }
}
