import { formatDay, localeTag } from '../../i18n/format';

/** The periods of the KPI dashboard: calendar months, quarters and years, or a custom range of days. */
export const periodKinds = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface Period {
  kind: PeriodKind;
  /** first day, YYYY-MM-DD */
  from: string;
  /** last day, inclusive, YYYY-MM-DD */
  to: string;
}

const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const isIsoDate = (v: unknown): v is string => typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

const parts = (iso: string) => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)) - 1, d: Number(iso.slice(8, 10)) });
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (value: string) => Date.parse(`${value}T00:00:00Z`);

/** Today in the company's time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** The calendar period of this kind that contains `day` (a custom period is the day itself). */
export function periodContaining(kind: PeriodKind, day: string): Period {
  const { y, m } = parts(day);
  switch (kind) {
    case 'month':
      return { kind, from: iso(Date.UTC(y, m, 1)), to: iso(Date.UTC(y, m + 1, 0)) };
    case 'quarter': {
      const q = Math.floor(m / 3) * 3;
      return { kind, from: iso(Date.UTC(y, q, 1)), to: iso(Date.UTC(y, q + 3, 0)) };
    }
    case 'year':
      return { kind, from: iso(Date.UTC(y, 0, 1)), to: iso(Date.UTC(y, 11, 31)) };
    case 'custom':
      return { kind, from: day, to: day };
  }
}

/** The period `n` steps later (negative: earlier); a custom range moves by its own length. */
export function shiftPeriod(p: Period, n: number): Period {
  if (p.kind === 'custom') {
    const length = (dayMs(p.to) - dayMs(p.from)) / DAY + 1;
    return { kind: 'custom', from: iso(dayMs(p.from) + n * length * DAY), to: iso(dayMs(p.to) + n * length * DAY) };
  }
  const { y, m } = parts(p.from);
  const months = p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
  return periodContaining(p.kind, iso(Date.UTC(y, m + n * months, 1)));
}

/** The `count` periods ending with `p`, oldest first. */
export function trailingPeriods(p: Period, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(p, i - count + 1));
}

/** The period the URL names, else the current month. */
export function periodOf(kind: PeriodKind | undefined, from: string | undefined, to: string | undefined, today: string): Period {
  const k = kind ?? 'month';
  if (k === 'custom') {
    if (isIsoDate(from) && isIsoDate(to) && from <= to) return { kind: 'custom', from, to };
    return { ...periodContaining('month', today), kind: 'custom' };
  }
  return periodContaining(k, isIsoDate(from) ? from : today);
}

const tag = localeTag;
const utc = (value: string) => new Date(`${value}T00:00:00Z`);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "March 2026", "Q1 2026", "2026", "Mar 1, 2026 – Mar 15, 2026" (in Russian "Март 2026", "1 кв. 2026"…). */
export function periodLabel(p: Period, locale: string): string {
  const { y, m } = parts(p.from);
  switch (p.kind) {
    case 'month':
      return capitalize(
        new Intl.DateTimeFormat(tag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(p.from)),
      ).replace(' г.', '');
    case 'quarter':
      return locale === 'ru' ? `${Math.floor(m / 3) + 1} кв. ${y}` : `Q${Math.floor(m / 3) + 1} ${y}`;
    case 'year':
      return String(y);
    case 'custom':
      return `${formatDay(p.from, locale)} – ${formatDay(p.to, locale)}`;
  }
}

/** A short label for a chart axis: "Mar", "Q1 26", "2026", "01.03–15.03". */
export function periodTick(p: Period, locale: string): string {
  const { y, m } = parts(p.from);
  switch (p.kind) {
    case 'month': {
      const month = new Intl.DateTimeFormat(tag(locale), { month: 'short', timeZone: 'UTC' }).format(utc(p.from)).replace('.', '');
      return `${capitalize(month)} ${String(y).slice(2)}`;
    }
    case 'quarter':
      return locale === 'ru' ? `${Math.floor(m / 3) + 1} кв. ${String(y).slice(2)}` : `Q${Math.floor(m / 3) + 1} ${String(y).slice(2)}`;
    case 'year':
      return String(y);
    case 'custom': {
      const f = new Intl.DateTimeFormat(tag(locale), { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
      return `${f.format(utc(p.from))}–${f.format(utc(p.to))}`;
    }
  }
}

/** Whether the period contains `day`. */
export const contains = (p: Period, day: string) => p.from <= day && day <= p.to;
