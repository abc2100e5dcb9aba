import { Badge, Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconPackage, IconTruckReturn } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../ui/Empty';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { TableFooter } from '../../ui/TableFooter';
import { useAccountOrders, useAccountReturns } from './commercialApi';
import { formatDay, formatMoney } from '../../i18n/format';
import { formatDecimal } from './format';
import { ImportAction } from './ImportAction';

const LIMIT = 10;
const statusColors = { confirmed: 'teal', partly_cancelled: 'orange', cancelled: 'gray' } as const;
const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** The client's orders (lines taken together) and returns, newest first. */
export function OrdersCard({ accountId, currency }: { accountId: string; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const money = (v: string) => formatMoney(v, currency, lang);
  const [view, setView] = useState<'orders' | 'returns'>('orders');
  const [orderOffset, setOrderOffset] = useState(0);
  const [returnOffset, setReturnOffset] = useState(0);
  const orders = useAccountOrders(accountId, orderOffset, LIMIT);
  const returns = useAccountReturns(accountId, returnOffset, LIMIT, view === 'returns');

  return (
    <Card padding="lg" withBorder radius="md" data-testid="orders-card">
      <Group justify="space-between" mb="sm">
        <Title order={4} fz="md">
          {t('commercial.orders.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as 'orders' | 'returns')}
          data={[
            { value: 'orders', label: t('commercial.orders.tabs.orders') },
            { value: 'returns', label: t('commercial.orders.tabs.returns') },
          ]}
          data-testid="orders-view"
        />
      </Group>
      {view === 'orders' ? (
        orders.data?.total === 0 ? (
          <Empty
            icon={<IconPackage size={26} />}
            title={t('commercial.orders.emptyTitle')}
            text={t('commercial.orders.emptyText')}
            action={<ImportAction />}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table fz="sm" verticalSpacing={6} highlightOnHover data-testid="orders-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('commercial.orders.columns.order')}</Table.Th>
                    <Table.Th>{t('commercial.orders.columns.date')}</Table.Th>
                    <Table.Th ta="right">{t('commercial.orders.columns.lines')}</Table.Th>
                    <Table.Th>{t('commercial.orders.columns.status')}</Table.Th>
                    <Table.Th ta="right">{t('commercial.orders.columns.amount')}</Table.Th>
                    <Table.Th ta="right">{t('commercial.orders.columns.margin')}</Table.Th>
                    <Table.Th ta="right">{t('commercial.orders.columns.returned')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {!orders.data ? (
                    <TableSkeletonRows columns={7} rows={4} />
                  ) : (
                    orders.data.items.map((o) => (
                      <Table.Tr key={o.orderId} data-testid="order-row">
                        <Table.Td fw={500}>{o.orderId}</Table.Td>
                        <Table.Td style={num}>{formatDay(o.orderDate, lang)}</Table.Td>
                        <Table.Td ta="right">{o.lines}</Table.Td>
                        <Table.Td>
                          <Badge size="sm" variant="light" color={statusColors[o.status]}>
                            {t(`commercial.orders.status.${o.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right" fw={600} style={num}>
                          {money(o.amount)}
                        </Table.Td>
                        <Table.Td ta="right" style={num} c={o.margin.startsWith('-') ? 'red.7' : undefined}>
                          {money(o.margin)}
                        </Table.Td>
                        <Table.Td ta="right" style={num} c={o.returned !== '0.00' ? 'orange.8' : 'dimmed'}>
                          {o.returned === '0.00' ? '—' : money(o.returned)}
                        </Table.Td>
                      </Table.Tr>
                    ))
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <TableFooter offset={orderOffset} limit={LIMIT} total={orders.data?.total ?? 0} onOffset={setOrderOffset} />
          </>
        )
      ) : returns.data?.total === 0 ? (
        <Empty
          icon={<IconTruckReturn size={26} />}
          title={t('commercial.orders.emptyReturnsTitle')}
          text={t('commercial.orders.emptyReturnsText')}
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" verticalSpacing={6} highlightOnHover data-testid="returns-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('commercial.orders.columns.returnId')}</Table.Th>
                  <Table.Th>{t('commercial.orders.columns.date')}</Table.Th>
                  <Table.Th>{t('commercial.orders.columns.order')}</Table.Th>
                  <Table.Th>{t('commercial.orders.columns.product')}</Table.Th>
                  <Table.Th ta="right">{t('commercial.orders.columns.quantity')}</Table.Th>
                  <Table.Th>{t('commercial.orders.columns.reason')}</Table.Th>
                  <Table.Th ta="right">{t('commercial.orders.columns.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!returns.data ? (
                  <TableSkeletonRows columns={7} rows={3} />
                ) : (
                  returns.data.items.map((r) => (
                    <Table.Tr key={r.returnId} data-testid="return-row">
                      <Table.Td fw={500}>{r.returnId}</Table.Td>
                      <Table.Td style={num}>{formatDay(r.returnDate, lang)}</Table.Td>
                      <Table.Td>
                        {r.orderId}
                        <Text span c="dimmed" size="xs">
                          {' '}
                          #{r.lineNo}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.product.name}</Text>
                        <Text size="xs" c="dimmed">
                          {r.product.sku}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={num}>
                        {formatDecimal(r.quantity, lang, 3)}
                      </Table.Td>
                      <Table.Td>{r.reason ? t(`commercial.orders.reasons.${r.reason}`) : '—'}</Table.Td>
                      <Table.Td ta="right" fw={600} style={num}>
                        {money(r.amount)}
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TableFooter offset={returnOffset} limit={LIMIT} total={returns.data?.total ?? 0} onOffset={setReturnOffset} />
        </>
      )}
    </Card>
  );
}
