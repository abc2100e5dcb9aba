import { Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../i18n/format';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { type ActAnalysis, useActAnalysis } from './actsApi';

type Notes = ActAnalysis['byAccount'][number]['latestPrevention'];

/** Repeat causes (JD 2.17): acts by client, product and reason, with the latest prevention notes. */
export function ActAnalysisView({ from, to, onPeriod }: { from?: string; to?: string; onPeriod: (from?: string, to?: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const analysis = useActAnalysis({ from, to });
  const a = analysis.data;
  const num = (s: string | number) => Number(s).toLocaleString(lang);
  const notes = (n: Notes) =>
    n.length ? (
      <Stack gap={2}>
        {n.map((p) => (
          <Text key={p.actId} size="xs">
            <Text span c="dimmed" size="xs">
              {p.reference}, {formatDay(p.actDate, lang)}:
            </Text>{' '}
            {p.note}
          </Text>
        ))}
      </Stack>
    ) : (
      <Text size="xs" c="dimmed">
        {t('acts.analysis.noPrevention')}
      </Text>
    );
  const table = (title: string, testId: string, head: ReactNode, rows: ReactNode[] | undefined, columns: number) => (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text fw={600} mb="xs">
        {title}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              {head}
              <Table.Th ta="right">{t('acts.analysis.acts')}</Table.Th>
              <Table.Th ta="right">{t('acts.analysis.lines')}</Table.Th>
              <Table.Th ta="right">{t('acts.analysis.quantity')}</Table.Th>
              <Table.Th w="40%">{t('acts.analysis.prevention')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!rows && <TableSkeletonRows columns={columns} rows={3} />}
            {rows?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns}>
                  <Text size="sm" c="dimmed">
                    {t('acts.analysis.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
  const figures = (g: { acts: number; lines: number; quantity: string }) => (
    <>
      <Table.Td ta="right" fw={600}>
        {g.acts}
      </Table.Td>
      <Table.Td ta="right">{g.lines}</Table.Td>
      <Table.Td ta="right">{num(g.quantity)}</Table.Td>
    </>
  );

  return (
    <Stack gap="md" data-testid="acts-analysis">
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('acts.analysis.from')}
          value={from ?? ''}
          onChange={(e) => onPeriod(e.currentTarget.value || undefined, to)}
        />
        <TextInput
          type="date"
          label={t('acts.analysis.to')}
          value={to ?? ''}
          onChange={(e) => onPeriod(from, e.currentTarget.value || undefined)}
        />
        {a && (
          <Text size="sm" c="dimmed" pb={8}>
            {t('acts.analysis.totals', { acts: a.totals.acts, lines: a.totals.lines, quantity: num(a.totals.quantity) })}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={1} spacing="md">
        {table(
          t('acts.analysis.byReason'),
          'analysis-by-reason',
          <>
            <Table.Th>{t('acts.columns.reason')}</Table.Th>
            <Table.Th ta="right">{t('acts.analysis.accounts')}</Table.Th>
          </>,
          a?.byReason.map((r) => (
            <Table.Tr key={r.reason}>
              <Table.Td fw={500}>{t(`acts.reasons.${r.reason}`)}</Table.Td>
              <Table.Td ta="right">{r.accounts}</Table.Td>
              {figures(r)}
              <Table.Td>{notes(r.latestPrevention)}</Table.Td>
            </Table.Tr>
          )),
          6,
        )}
        {table(
          t('acts.analysis.byAccount'),
          'analysis-by-account',
          <Table.Th>{t('acts.columns.account')}</Table.Th>,
          a?.byAccount.map((r) => (
            <Table.Tr key={r.account.id}>
              <Table.Td fw={500}>{r.account.name}</Table.Td>
              {figures(r)}
              <Table.Td>{notes(r.latestPrevention)}</Table.Td>
            </Table.Tr>
          )),
          5,
        )}
        {table(
          t('acts.analysis.byProduct'),
          'analysis-by-product',
          <>
            <Table.Th>{t('acts.columns.product')}</Table.Th>
            <Table.Th ta="right">{t('acts.analysis.accounts')}</Table.Th>
          </>,
          a?.byProduct.map((r) => (
            <Table.Tr key={r.product.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {r.product.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.product.sku}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{r.accounts}</Table.Td>
              {figures(r)}
              <Table.Td>{notes(r.latestPrevention)}</Table.Td>
            </Table.Tr>
          )),
          6,
        )}
      </SimpleGrid>
    </Stack>
  );
}
