import { localeTag as tag } from '../../i18n/format';

/** Locale formatting the account pages need beyond web/src/i18n/format.ts. */

/** A score 0..100 with at most one decimal, in the locale's digits. */
export function formatScore(score: number, locale: string): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 }).format(score);
}

/** "3 days ago", "in 2 weeks", "today" for a timestamp, in the locale. */
export function formatRelative(value: string, locale: string, now = Date.now(), style: 'long' | 'short' = 'long'): string {
  const days = Math.round((new Date(value).getTime() - now) / 86_400_000);
  const rtf = new Intl.RelativeTimeFormat(tag(locale), { numeric: 'auto', style });
  const abs = Math.abs(days);
  if (abs < 7) return rtf.format(days, 'day');
  if (abs < 45) return rtf.format(Math.round(days / 7), 'week');
  if (abs < 365) return rtf.format(Math.round(days / 30), 'month');
  return rtf.format(Math.round(days / 365), 'year');
}

/** Days since a timestamp (negative for the future). */
export function daysSince(value: string, now = Date.now()): number {
  return Math.floor((now - new Date(value).getTime()) / 86_400_000);
}

/** When an event happened: the time for today, else "yesterday", "3 days ago"… (calendar days in the time zone). */
export function formatWhen(value: string, locale: string, timeZone: string, now = Date.now()): string {
  const date = new Date(value);
  const dayOf = (d: Date) =>
    Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d));
  const days = Math.round((dayOf(date) - dayOf(new Date(now))) / 86_400_000);
  if (days === 0) return new Intl.DateTimeFormat(tag(locale), { timeZone, hour: 'numeric', minute: '2-digit' }).format(date);
  if (Math.abs(days) < 7) return new Intl.RelativeTimeFormat(tag(locale), { numeric: 'auto' }).format(days, 'day');
  return formatRelative(value, locale, now);
}
