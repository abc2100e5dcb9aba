import { formatDate } from '../../i18n/format';

const tags: Record<string, string> = { en: 'en-US', ru: 'ru-RU' };
const tag = (locale: string) => tags[locale] ?? 'en-US';

/** A business day (YYYY-MM-DD) in the locale: 27.11.2026 / Nov 27, 2026. */
export function formatDay(day: string, locale: string): string {
  return formatDate(`${day}T12:00:00Z`, locale, 'UTC');
}

/** "Nov 26" / "нояб. 26" for a YYYY-MM month on a chart axis. */
export function monthTick(month: string, locale: string): string {
  const d = new Date(`${month}-15T12:00:00Z`);
  return new Intl.DateTimeFormat(tag(locale), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(d);
}

/** Compact money for axes and tiles: 1.2M ₽ / 1,2 млн ₽. */
export function formatCompact(value: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(tag(locale), {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return String(value);
  }
}

/** A share 0..1 as a percentage: 0.25 → 25 %. */
export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A percentage already × 100: 47.53 → 47.5 %. */
export function formatPct(pct: number, locale: string): string {
  return formatShare(pct / 100, locale);
}

export function formatDecimal(value: number | string, locale: string, digits = 1): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits }).format(value as number);
}

/** Exact money with the narrow symbol: ₽43,223,969.68 / 43 223 969,68 ₽ (the amount stays a decimal string). */
export function formatAmount(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(tag(locale), {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(amount as `${number}`);
  } catch {
    return `${amount} ${currency}`;
  }
}
