import { localeTag } from '../../i18n/format';

/** "Nov 26" / "нояб. 26" for a YYYY-MM month on a chart axis. */
export function monthTick(month: string, locale: string): string {
  const d = new Date(`${month}-15T12:00:00Z`);
  return new Intl.DateTimeFormat(localeTag(locale), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(d);
}

/** A share 0..1 as a percentage: 0.25 → 25 %. */
export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(localeTag(locale), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A percentage already × 100: 47.53 → 47.5 %. */
export function formatPct(pct: number, locale: string): string {
  return formatShare(pct / 100, locale);
}

export function formatDecimal(value: number | string, locale: string, digits = 1): string {
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: digits }).format(value as number);
}
