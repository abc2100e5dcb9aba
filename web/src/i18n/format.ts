import type { Locale } from '../../../src/core/contracts';

const tags: Record<Locale, string> = { en: 'en-US', ru: 'ru-RU' };

/** The BCP 47 tag of an app language: en-US, ru-RU. */
export function localeTag(locale: string): string {
  return tags[locale as Locale] ?? 'en-US';
}
const tag = localeTag;

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

/** 27.11.2026 in Russian, Nov 27, 2026 in English. */
export function formatDate(value: string | Date, locale: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions =
    locale === 'ru' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(tag(locale), { ...options, timeZone }).format(toDate(value));
}

export function formatDateTime(value: string | Date, locale: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions =
    locale === 'ru'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }
      : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(tag(locale), { ...options, timeZone }).format(toDate(value));
}

/** A business day (YYYY-MM-DD) as it is, whatever the reader's time zone: 27.11.2026 / Nov 27, 2026. */
export function formatDay(day: string, locale: string): string {
  return formatDate(`${day}T00:00:00Z`, locale, 'UTC');
}

export function formatLongDate(value: string | Date, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(tag(locale), { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(toDate(value));
}

/** 1 234 567,89 in Russian; 1,234,567.89 in English. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(tag(locale)).format(value);
}

export function currencyName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([tag(locale)], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const moneyOptions = (currency: string): Intl.NumberFormatOptions => ({
  style: 'currency',
  currency,
  currencyDisplay: 'narrowSymbol',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * Money with the currency's own sign: 1 234 567,89 ₽ / ₽1,234,567.89. An exact decimal string stays
 * exact (Intl formats numeric strings without a detour through binary floating point); a number is
 * for figures the server already rounded.
 */
export function formatMoney(amount: string | number, currency: string, locale: string): string {
  const value = amount as Intl.StringNumericLiteral;
  try {
    return new Intl.NumberFormat(tag(locale), moneyOptions(currency)).format(value);
  } catch {
    // a currency code Intl does not know: the amount and the code
    return `${new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** Short money for chart axes and tiles: 1.2M ₽ / 1,2 млн ₽. */
export function formatCompactMoney(value: number, currency: string, locale: string): string {
  const compact: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: 1 };
  try {
    return new Intl.NumberFormat(tag(locale), { style: 'currency', currency, currencyDisplay: 'narrowSymbol', ...compact }).format(value);
  } catch {
    return new Intl.NumberFormat(tag(locale), compact).format(value);
  }
}
