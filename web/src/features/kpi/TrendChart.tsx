import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import { Card, Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCompactMoney } from '../../i18n/format';
import { formatFigure } from './format';
import type { ViewData } from './kpiApi';
import { type Period, periodTick } from './period';
import { CardTitle } from '../../ui/CardTitle';

/** Revenue against plan (and margin) over the last six periods, one request per period. */
export function TrendChart({ periods, views, currency }: { periods: Period[]; views: (ViewData | undefined)[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const loading = views.some((v) => !v);
  const data = periods.map((p, i) => {
    const f = views[i]?.figures;
    return {
      period: periodTick(p, lang),
      revenue: f?.revenue ?? 0,
      margin: f?.margin ?? 0,
      plan: f && (f.revenue_plan ?? 0) > 0 ? f.revenue_plan : null,
    };
  });
  return (
    <Card padding="lg" data-testid="kpi-trend">
      <CardTitle order={3} title={t('kpi.trend.title')} subtitle={t('kpi.trend.subtitle')} />
      {loading && data.every((d) => d.revenue === 0) ? (
        <Skeleton h={220} />
      ) : (
        <CompositeChart
          h={220}
          data={data}
          dataKey="period"
          withLegend
          legendProps={{ verticalAlign: 'top', height: 36 }}
          maxBarWidth={42}
          curveType="monotone"
          connectNulls
          valueFormatter={(v) => formatFigure('money', v, lang, currency)}
          yAxisProps={{ tickFormatter: (v: number) => formatCompactMoney(v, currency, lang), width: 72 }}
          series={[
            { name: 'revenue', label: t('kpi.trend.revenue'), color: 'teal.5', type: 'bar' },
            { name: 'margin', label: t('kpi.trend.margin'), color: 'blue.6', type: 'line' },
            { name: 'plan', label: t('kpi.trend.plan'), color: 'orange.6', type: 'line', strokeDasharray: '5 4' },
          ]}
        />
      )}
    </Card>
  );
}
