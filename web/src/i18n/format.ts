import type { Locale } from '../../../src/core/contracts';

const tags: Record<Locale, string> = { en: 'en-US', ru: 'ru-RU' };

function tag(locale: string): string {
  return tags[locale as Locale] ?? 'en-US';
}

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
