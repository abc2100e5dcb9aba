import { currencyName } from '../../i18n/format';

const preferredCurrencies = ['RUB', 'USD', 'EUR', 'KZT', 'BYN', 'UZS', 'CNY', 'GBP', 'TRY', 'AED'];

export function currencyOptions(locale: string): { value: string; label: string }[] {
  const all = Intl.supportedValuesOf('currency');
  const ordered = [...preferredCurrencies.filter((c) => all.includes(c)), ...all.filter((c) => !preferredCurrencies.includes(c))];
  return ordered.map((code) => ({ value: code, label: `${code} — ${currencyName(code, locale)}` }));
}

export function timeZoneOptions(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
