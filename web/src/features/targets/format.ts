import { localeTag } from '../../i18n/format';
import type { TargetMetric } from './targetsApi';

/** A plan figure in the reader's locale: 1 250 000,00 ₽-style money with kopecks, or a whole count. */
export function formatPlan(value: string, metric: TargetMetric, locale: string): string {
  const fraction = metric === 'revenue' ? 2 : 0;
  return new Intl.NumberFormat(localeTag(locale), { minimumFractionDigits: fraction, maximumFractionDigits: fraction }).format(
    value as `${number}`,
  );
}

/** A signed difference: +1 250,50 / −3. */
export function formatSigned(value: string, metric: TargetMetric, locale: string): string {
  const negative = value.startsWith('-');
  const body = formatPlan(negative ? value.slice(1) : value, metric, locale);
  return `${negative ? '−' : '+'}${body}`;
}

/** Short month names of the locale: Jan…Dec / янв.…дек. */
export function monthNames(locale: string, style: 'short' | 'long' = 'short'): string[] {
  const f = new Intl.DateTimeFormat(localeTag(locale), { month: style, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2024, i, 15))));
}
