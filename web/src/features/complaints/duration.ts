import type { TFunction } from 'i18next';
import { localeTag } from '../../i18n/format';

/** 1.5 h under two days, else 3.2 d. */
export function formatHours(hours: number, t: TFunction, locale: string): string {
  const f = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 });
  return hours < 48 ? t('service.hours', { value: f.format(hours) }) : t('service.days', { value: f.format(hours / 24) });
}

export const hoursSince = (iso: string, now = Date.now()) => (now - new Date(iso).getTime()) / 3_600_000;
