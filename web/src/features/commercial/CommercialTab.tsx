import { Alert, Grid, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api';
import { Empty } from '../../ui/Empty';
import type { Account } from '../accounts/accountsApi';
import { useCommercial } from './commercialApi';
import { DisciplineCard } from './DisciplineCard';
import { formatDay, formatMoney } from '../../i18n/format';
import { formatPct, formatShare } from './format';
import { ImportAction } from './ImportAction';
import { InvoicesCard } from './InvoicesCard';
import { OrdersCard } from './OrdersCard';
import { ReceivablesCard } from './ReceivablesCard';
import { SalesChart } from './SalesChart';
import { Tile } from './Tile';

/** The account's commercial tab (E4, E6): sales by month, receivables and how the client pays, orders and returns. */
export function CommercialTab({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [months, setMonths] = useState(24);
  const commercial = useCommercial(account.id, months);
  if (commercial.isError) return <Alert color="red">{errorMessage(commercial.error)}</Alert>;
  const data = commercial.data;
  if (!data)
    return (
      <Stack gap="md" data-testid="commercial-loading">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={96} radius="md" />
          ))}
        </SimpleGrid>
        <Skeleton h={320} radius="md" />
      </Stack>
    );
  const { sales, receivables: r, currency } = data;
  const money = (v: string) => formatMoney(v, currency, lang);
  const nothing = sales.orderCount === 0 && r.openInvoices === 0 && r.discipline.invoices === 0;
  if (nothing)
    return (
      <Stack data-testid="commercial-tab">
        <Empty
          icon={<IconChartBar size={28} />}
          title={t('commercial.orders.emptyTitle')}
          text={t('commercial.orders.emptyText')}
          action={<ImportAction />}
        />
      </Stack>
    );

  return (
    <Stack gap="md" data-testid="commercial-tab">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Tile
          label={t('commercial.tiles.revenue')}
          value={money(sales.totals.revenue)}
          hint={t('commercial.tiles.revenueHint', { from: formatDay(sales.from, lang), to: formatDay(sales.to, lang) })}
          testId="tile-revenue"
        />
        <Tile
          label={t('commercial.tiles.margin')}
          value={money(sales.totals.margin)}
          color={sales.totals.margin.startsWith('-') ? 'red.7' : undefined}
          hint={
            sales.marginPct === null
              ? t('commercial.tiles.marginHintNone')
              : t('commercial.tiles.marginHint', { pct: formatPct(sales.marginPct, lang) })
          }
          testId="tile-margin"
        />
        <Tile
          label={t('commercial.tiles.outstanding')}
          value={money(r.outstanding)}
          hint={
            r.overdue === '0.00'
              ? t('commercial.tiles.outstandingNone')
              : t('commercial.tiles.outstandingHint', { overdue: money(r.overdue) })
          }
          testId="tile-outstanding"
        />
        <Tile
          label={t('commercial.tiles.onTime')}
          value={r.discipline.onTimeShare === null ? '—' : formatShare(r.discipline.onTimeShare, lang)}
          hint={
            r.discipline.invoices === 0
              ? t('commercial.tiles.onTimeNone')
              : t('commercial.tiles.onTimeHint', { paid: r.discipline.paidOnTime, count: r.discipline.invoices })
          }
          testId="tile-on-time"
        />
      </SimpleGrid>
      <SalesChart sales={sales} currency={currency} months={months} onMonths={setMonths} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ReceivablesCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DisciplineCard data={data} />
        </Grid.Col>
      </Grid>
      <InvoicesCard accountId={account.id} data={data} />
      <OrdersCard accountId={account.id} currency={currency} />
    </Stack>
  );
}
