import { type KpiKey, kpiKinds } from '../../../../src/modules/kpi/kpi.contracts';
import { formatMoney, localeTag } from '../../i18n/format';

const tag = localeTag;

export type FigureKind = (typeof kpiKinds)[KpiKey];

/**
 * A figure as the reader expects it: money in the company currency (1 234 567,89 ₽ / ₽1,234,567.89),
 * rates and shares as percentages, hours with their unit. Values arrive already rounded by the server;
 * money may be a number (the report) or an exact decimal string (drill-down rows).
 */
export function formatFigure(kind: FigureKind | 'number', value: number | string | null, locale: string, currency: string): string {
  if (value === null || value === '') return '—';
  const n = typeof value === 'string' ? (value as `${number}`) : value;
  const fmt = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(tag(locale), o).format(n as number);
  switch (kind) {
    case 'money':
      return formatMoney(value, currency, locale);
    case 'rate':
      return new Intl.NumberFormat(tag(locale), { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(
        Number(value),
      );
    case 'pct':
      return `${fmt({ maximumFractionDigits: 2 })}\u00a0%`;
    case 'hours':
      return `${fmt({ maximumFractionDigits: 2 })}\u00a0${locale === 'ru' ? 'ч' : 'h'}`;
    case 'count':
      return fmt({ maximumFractionDigits: 0 });
    case 'number':
      return fmt({ maximumFractionDigits: 4 });
  }
}

/** Figures for which a rise is bad news (shown red when they grow). */
export const lowerIsBetter: ReadonlySet<KpiKey> = new Set<KpiKey>([
  'churned',
  'churn_rate',
  'receivables_overdue',
  'overdue_share',
  'complaints',
  'complaints_justified',
  'first_response_median_hours',
]);

/**
 * The change of a figure against the previous period, formatted: percentages and rates in percentage
 * points, everything else in its own unit. null when either side is missing.
 */
export function formatDelta(key: KpiKey, now: number | null, before: number | null, locale: string, currency: string) {
  if (now === null || before === null) return null;
  const kind = kpiKinds[key];
  // rates come rounded to 4 decimals, percentages to 2: the difference is exact enough at that scale
  const diff = kind === 'rate' ? Math.round((now - before) * 10_000) / 100 : Math.round((now - before) * 100) / 100;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const abs = Math.abs(diff);
  const text =
    kind === 'rate' || kind === 'pct'
      ? `${new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2 }).format(abs)}\u00a0${locale === 'ru' ? 'п.\u00a0п.' : 'pp'}`
      : formatFigure(kind, abs, locale, currency);
  const direction = diff === 0 ? 0 : diff > 0 ? 1 : -1;
  const good = direction === 0 ? null : lowerIsBetter.has(key) ? direction < 0 : direction > 0;
  return { text: `${sign}${text}`, direction, good };
}
