import { Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../ui/Empty';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { PlainTh } from '../../ui/SortableTh';
import { TableFooter } from '../../ui/TableFooter';
import { TierBadge } from '../accounts/badges';
import { useFormat } from '../plans/planUi';
import { useThreats } from './competitorsApi';
import { AccountLink, priceIndexText, ThreatBadge } from './competitorsUi';

const LIMIT = 50;

/** Accounts where a competitor is a medium or high threat, the worst first, each a link to the account. */
export function ThreatsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [level, setLevel] = useState<'all' | 'high' | 'medium'>('all');
  const [offset, setOffset] = useState(0);
  const threats = useThreats({ ...(level === 'all' ? {} : { threat: level }), limit: LIMIT, offset });
  const counts = threats.data?.counts;
  return (
    <Paper withBorder radius="md">
      <Group justify="space-between" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <SegmentedControl
          size="xs"
          value={level}
          onChange={(v) => {
            setLevel(v as typeof level);
            setOffset(0);
          }}
          data={[
            { value: 'all', label: t('competitors.threats.all') },
            { value: 'high', label: t('competitors.threats.high') },
            { value: 'medium', label: t('competitors.threats.medium') },
          ]}
          data-testid="threat-filter"
        />
        {counts && (
          <Text size="sm" c="dimmed">
            {t('competitors.threats.summary', { high: counts.high, medium: counts.medium })}
          </Text>
        )}
      </Group>
      {threats.data && threats.data.items.length === 0 ? (
        <Empty icon={<IconShieldCheck size={28} />} title={t('competitors.threats.emptyTitle')} text={t('competitors.threats.emptyText')} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover data-testid="threats-table">
            <Table.Thead>
              <Table.Tr>
                <PlainTh>{t('competitors.columns.account')}</PlainTh>
                <PlainTh>{t('competitors.columns.owner')}</PlainTh>
                <PlainTh>{t('competitors.columns.name')}</PlainTh>
                <PlainTh>{t('competitors.columns.threat')}</PlainTh>
                <PlainTh>{t('competitors.columns.share')}</PlainTh>
                <PlainTh>{t('competitors.columns.priceIndex')}</PlainTh>
                <PlainTh>{t('competitors.columns.lastObserved')}</PlainTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!threats.data ? (
                <TableSkeletonRows columns={7} rows={5} />
              ) : (
                threats.data.items.map((row) => (
                  <Table.Tr key={row.presenceId} data-testid="threat-row">
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <AccountLink accountId={row.account.id} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {row.account.name}
                        </AccountLink>
                        {row.account.tier === 'key' && <TierBadge tier="key" size="xs" />}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.account.owner?.name ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.competitor.name}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ThreatBadge threat={row.threat} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.shareOfWallet === null ? '—' : `${row.shareOfWallet} %`}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={row.priceIndex !== null && row.priceIndex < 100 ? 'red' : undefined}>
                        {row.priceIndex === null ? '—' : priceIndexText(t, row.priceIndex)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {row.lastObserved ? f.day(row.lastObserved) : '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TableFooter offset={offset} limit={LIMIT} total={threats.data?.total ?? 0} onOffset={setOffset} />
    </Paper>
  );
}
