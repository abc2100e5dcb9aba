import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import { Card, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountCommercial } from './commercialApi';
import { formatCompactMoney, formatMoney } from '../../i18n/format';
import { monthTick } from './format';
import { CardTitle } from '../../ui/CardTitle';

/** Revenue (bars) and margin (line) per month. Chart values are for drawing only; the figures stay exact strings. */
export function SalesChart({
  sales,
  currency,
  months,
  onMonths,
}: {
  sales: AccountCommercial['sales'];
  currency: string;
  months: number;
  onMonths: (months: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const data = sales.months.map((m) => ({ month: monthTick(m.month, lang), revenue: Number(m.revenue), margin: Number(m.margin) }));
  const empty = sales.months.every((m) => m.revenue === '0.00' && m.margin === '0.00');
  return (
    <Card padding="lg" withBorder radius="md" data-testid="sales-chart">
      <CardTitle
        title={t('commercial.chart.title')}
        subtitle={t('commercial.chart.subtitle')}
        aside={
          <SegmentedControl
            size="xs"
            value={String(months)}
            onChange={(v) => onMonths(Number(v))}
            aria-label={t('commercial.period')}
            data={[12, 24, 36].map((n) => ({ value: String(n), label: t('commercial.months', { count: n }) }))}
            data-testid="sales-months"
          />
        }
      />
      {empty ? (
        <Text size="sm" c="dimmed" ta="center" py={60}>
          {t('commercial.chart.empty')}
        </Text>
      ) : (
        <CompositeChart
          h={260}
          data={data}
          dataKey="month"
          withLegend
          legendProps={{ verticalAlign: 'top', height: 36 }}
          maxBarWidth={28}
          curveType="monotone"
          valueFormatter={(v) => formatMoney(v, currency, lang)}
          yAxisProps={{ tickFormatter: (v: number) => formatCompactMoney(v, currency, lang), width: 80 }}
          xAxisProps={{ interval: months > 12 ? 1 : 0 }}
          series={[
            { name: 'revenue', label: t('commercial.chart.revenue'), color: 'teal.5', type: 'bar' },
            { name: 'margin', label: t('commercial.chart.margin'), color: 'blue.6', type: 'line' },
          ]}
        />
      )}
    </Card>
  );
}
