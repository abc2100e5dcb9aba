import { Badge, Card, Group, Switch, Table, Text, Title } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../ui/Empty';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { TableFooter } from '../../ui/TableFooter';
import { type AccountCommercial, useAccountInvoices } from './commercialApi';
import { formatDay, formatMoney } from '../../i18n/format';
import { ImportAction } from './ImportAction';
import { bucketColors } from './ReceivablesCard';

const LIMIT = 5;
const nowrap = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** The client's open invoices, the most overdue first (or all of them, the newest first). */
export function InvoicesCard({ accountId, data }: { accountId: string; data: AccountCommercial }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const r = data.receivables;
  const money = (v: string) => formatMoney(v, data.currency, lang);
  const [all, setAll] = useState(false);
  const [offset, setOffset] = useState(0);
  const invoices = useAccountInvoices(accountId, all ? 'all' : 'open', offset, LIMIT);

  return (
    <Card padding="lg" withBorder radius="md" data-testid="invoices-card">
      <Group justify="space-between" mb="sm">
        <Title order={4} fz="md">
          {t('commercial.receivables.invoices')}
        </Title>
        <Switch
          size="xs"
          label={t('commercial.receivables.showAll')}
          checked={all}
          onChange={(e) => {
            setAll(e.currentTarget.checked);
            setOffset(0);
          }}
        />
      </Group>
      {invoices.data && invoices.data.total === 0 ? (
        all || r.discipline.invoices === 0 ? (
          <Empty
            icon={<IconReceipt size={26} />}
            title={t('commercial.receivables.noInvoicesTitle')}
            text={t('commercial.receivables.noInvoicesText')}
            action={<ImportAction />}
          />
        ) : (
          <Text size="sm" c="dimmed" py="sm">
            {t('commercial.receivables.emptyTitle')}. {t('commercial.receivables.emptyText')}
          </Text>
        )
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table fz="sm" verticalSpacing={6} data-testid="invoices-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('commercial.receivables.columns.invoice')}</Table.Th>
                  <Table.Th>{t('commercial.receivables.columns.issued')}</Table.Th>
                  <Table.Th>{t('commercial.receivables.columns.due')}</Table.Th>
                  <Table.Th ta="right">{t('commercial.receivables.columns.amount')}</Table.Th>
                  <Table.Th ta="right">{t('commercial.receivables.columns.paid')}</Table.Th>
                  <Table.Th ta="right">{t('commercial.receivables.columns.outstanding')}</Table.Th>
                  <Table.Th>{t('commercial.receivables.columns.overdue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!invoices.data ? (
                  <TableSkeletonRows columns={7} rows={3} />
                ) : (
                  invoices.data.items.map((i) => (
                    <Table.Tr key={i.invoiceId} data-testid="invoice-row">
                      <Table.Td style={nowrap} fw={500}>
                        {i.invoiceId}
                      </Table.Td>
                      <Table.Td style={nowrap}>{formatDay(i.issueDate, lang)}</Table.Td>
                      <Table.Td style={nowrap}>{formatDay(i.dueDate, lang)}</Table.Td>
                      <Table.Td ta="right" style={nowrap}>
                        {money(i.amount)}
                      </Table.Td>
                      <Table.Td ta="right" style={nowrap} c={i.paid === '0.00' ? 'dimmed' : undefined}>
                        {money(i.paid)}
                      </Table.Td>
                      <Table.Td ta="right" fw={600} style={nowrap}>
                        {money(i.outstanding)}
                      </Table.Td>
                      <Table.Td style={nowrap}>
                        {i.bucket === null ? (
                          <Text size="xs" c="dimmed">
                            {i.settledOn ? t('commercial.receivables.paidOn', { date: formatDay(i.settledOn, lang) }) : '—'}
                          </Text>
                        ) : i.daysOverdue !== null && i.daysOverdue > 0 ? (
                          <Badge variant="light" color={bucketColors[i.bucket].split('.')[0]}>
                            {t('commercial.receivables.daysOverdue', { count: i.daysOverdue })}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {i.daysOverdue === 0
                              ? t('commercial.receivables.dueToday')
                              : t('commercial.receivables.dueIn', { count: -(i.daysOverdue ?? 0) })}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TableFooter offset={offset} limit={LIMIT} total={invoices.data?.total ?? 0} onOffset={setOffset} />
        </>
      )}
    </Card>
  );
}
