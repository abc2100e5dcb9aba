import { Card, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AgingBucket, agingBuckets } from '../../../../src/modules/invoices/invoices.contracts';
import type { AccountCommercial } from './commercialApi';
import { formatDay, formatMoney } from '../../i18n/format';
import { CardTitle } from '../../ui/CardTitle';

export const bucketColors: Record<AgingBucket, string> = {
  current: 'teal.5',
  d1_30: 'yellow.5',
  d31_60: 'orange.6',
  d61_90: 'red.5',
  over_90: 'red.8',
};
/** Outstanding and overdue debt and its aging by days past the due date. */
export function ReceivablesCard({ data }: { data: AccountCommercial }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const r = data.receivables;
  const money = (v: string) => formatMoney(v, data.currency, lang);
  const total = Number(r.outstanding);

  return (
    <Card padding="lg" withBorder radius="md" h="100%" data-testid="receivables-card">
      <CardTitle
        mb="md"
        title={t('commercial.receivables.title')}
        subtitle={t('commercial.receivables.subtitle', { date: formatDay(r.asOf, lang) })}
      />
      <Group gap="xl" mb="md" wrap="wrap">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('commercial.receivables.outstanding')}
          </Text>
          <Text fz={20} fw={700} data-testid="receivables-outstanding">
            {money(r.outstanding)}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('commercial.receivables.overdue')}
          </Text>
          <Text fz={20} fw={700} c={r.overdue !== '0.00' ? 'red.7' : undefined} data-testid="receivables-overdue">
            {money(r.overdue)}
          </Text>
        </Stack>
      </Group>

      {total > 0 && (
        <Stack gap={6}>
          <Progress.Root size={14} radius="sm" aria-hidden>
            {agingBuckets.map((b) =>
              r.buckets[b].count > 0 ? (
                <Tooltip key={b} label={`${t(`commercial.receivables.buckets.${b}`)}: ${money(r.buckets[b].amount)}`} withinPortal>
                  <Progress.Section value={(Number(r.buckets[b].amount) / total) * 100} color={bucketColors[b]} />
                </Tooltip>
              ) : null,
            )}
          </Progress.Root>
          <Table verticalSpacing={4} fz="sm" data-testid="aging-table">
            <Table.Tbody>
              {agingBuckets.map((b) => (
                <Table.Tr key={b} data-testid={`aging-${b}`} style={{ opacity: r.buckets[b].count ? 1 : 0.55 }}>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <span
                        style={{
                          width: 10,
                          height: 10,
                          borderRadius: 3,
                          background: `var(--mantine-color-${bucketColors[b].replace('.', '-')})`,
                          flex: 'none',
                        }}
                      />
                      {t(`commercial.receivables.buckets.${b}`)}
                    </Group>
                  </Table.Td>
                  <Table.Td c="dimmed">
                    {r.buckets[b].count ? t('commercial.receivables.bucketCount', { count: r.buckets[b].count }) : ''}
                  </Table.Td>
                  <Table.Td ta="right" fw={r.buckets[b].count ? 600 : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {money(r.buckets[b].amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Card>
  );
}
