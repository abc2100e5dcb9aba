import { ActionIcon, Badge, Group, NumberInput, Paper, ScrollArea, SegmentedControl, Select, Skeleton, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconMoodHappy, IconTargetArrow } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../ui/Empty';
import { TierBadge } from '../accounts/badges';
import { UserSelect } from '../accounts/UserSelect';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { useFormat } from '../plans/planUi';
import { type AccountTier, useAdherence, useCoverage } from './planApi';

type Unit = 'week' | 'month';

function periodOf(unit: Unit, offset: number): { from: string; to: string } {
  const today = dayjs();
  if (unit === 'month') {
    const m = today.add(offset, 'month').startOf('month');
    return { from: m.format('YYYY-MM-DD'), to: m.endOf('month').format('YYYY-MM-DD') };
  }
  const monday = today.subtract((today.day() + 6) % 7, 'day').add(offset, 'week');
  return { from: monday.format('YYYY-MM-DD'), to: monday.add(6, 'day').format('YYYY-MM-DD') };
}

function pctColor(p: number | null): string {
  if (p === null) return 'gray';
  return p >= 90 ? 'teal' : p >= 70 ? 'yellow' : 'red';
}

/** Plan adherence per KAM for a week or a month. */
export function AdherenceTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [unit, setUnit] = useState<Unit>('week');
  const [offset, setOffset] = useState(0);
  const period = periodOf(unit, offset);
  const data = useAdherence(period.from, period.to);
  const rows = data.data?.rows ?? [];
  const num = (n: number) => new Intl.NumberFormat(f.lang === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 1 }).format(n);
  const cols = ['planned', 'done', 'moved', 'cancelled', 'missed', 'upcoming', 'offPlan'] as const;
  return (
    <Paper withBorder radius="md" data-testid="plan-adherence">
      <Group justify="space-between" p="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <SegmentedControl
            size="xs"
            value={unit}
            onChange={(u) => {
              setUnit(u as Unit);
              setOffset(0);
            }}
            data={[
              { value: 'week', label: t('weekPlan.adherence.week') },
              { value: 'month', label: t('weekPlan.adherence.month') },
            ]}
            aria-label={t('weekPlan.adherence.period')}
          />
          <ActionIcon variant="default" aria-label={t('weekPlan.prev')} onClick={() => setOffset(offset - 1)}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <ActionIcon variant="default" aria-label={t('weekPlan.next')} onClick={() => setOffset(offset + 1)}>
            <IconChevronRight size={16} />
          </ActionIcon>
          <Text size="sm" fw={500}>
            {f.day(period.from)} – {f.day(period.to)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" maw={460} ta="right">
          {t('weekPlan.adherence.hint')}
        </Text>
      </Group>
      {data.isPending ? (
        <Skeleton h={120} m="sm" />
      ) : rows.length === 0 ? (
        <Empty icon={<IconTargetArrow size={28} />} title={t('weekPlan.adherence.title')} text={t('weekPlan.adherence.none')} />
      ) : (
        <ScrollArea type="auto">
          <Table highlightOnHover verticalSpacing="xs" miw={860}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('weekPlan.adherence.columns.user')}</Table.Th>
                {cols.map((c) => (
                  <Table.Th key={c} ta="right">
                    {t(`weekPlan.adherence.columns.${c}`)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('weekPlan.adherence.columns.pct')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.user.id}>
                  <Table.Td fw={500}>{r.user.name}</Table.Td>
                  {cols.map((c) => (
                    <Table.Td key={c} ta="right" c={c === 'missed' && r.missed > 0 ? 'red' : undefined}>
                      {num(r[c])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    <Badge variant="light" color={pctColor(r.adherencePct)}>
                      {r.adherencePct === null ? '—' : `${num(r.adherencePct)} %`}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Paper>
  );
}

/** Key accounts nobody contacted for N days. */
export function CoverageTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [days, setDays] = useState<number | string>(30);
  const [tier, setTier] = useState<AccountTier>('key');
  const [owner, setOwner] = useState<string | null>(null);
  const [debouncedDays] = useDebouncedValue(typeof days === 'number' && days >= 1 && days <= 365 ? days : 30, 300);
  const data = useCoverage(debouncedDays, tier, owner ?? undefined);
  const rows = data.data?.rows ?? [];
  return (
    <Paper withBorder radius="md" data-testid="plan-coverage">
      <Group p="sm" gap="sm" align="flex-end" wrap="wrap">
        <NumberInput label={t('weekPlan.coverage.days')} value={days} onChange={setDays} min={1} max={365} w={170} size="xs" />
        <Select
          label={t('weekPlan.coverage.tier')}
          value={tier}
          onChange={(v) => v && setTier(v as AccountTier)}
          data={(['key', 'potential', 'regular'] as const).map((x) => ({ value: x, label: t(`weekPlan.coverage.tiers.${x}`) }))}
          allowDeselect={false}
          w={170}
          size="xs"
        />
        <UserSelect
          label={t('weekPlan.coverage.columns.owner')}
          value={owner}
          onChange={setOwner}
          placeholder={t('interactions.filters.anyUser')}
          w={220}
          size="xs"
        />
        {data.data && (
          <Text size="sm" c="dimmed" ml="auto">
            {t('weekPlan.coverage.summary', { n: rows.length, total: data.data.accountsInTier })}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed" px="sm" pb="xs">
        {t('weekPlan.coverage.hint')}
      </Text>
      {data.isPending ? (
        <Skeleton h={120} m="sm" />
      ) : rows.length === 0 ? (
        <Empty
          icon={<IconMoodHappy size={28} />}
          title={t('weekPlan.coverage.noneTitle')}
          text={t('weekPlan.coverage.none', { days: debouncedDays })}
        />
      ) : (
        <ScrollArea type="auto">
          <Table highlightOnHover verticalSpacing="xs" miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('weekPlan.coverage.columns.account')}</Table.Th>
                <Table.Th>{t('weekPlan.coverage.columns.owner')}</Table.Th>
                <Table.Th>{t('weekPlan.coverage.columns.last')}</Table.Th>
                <Table.Th ta="right">{t('weekPlan.coverage.columns.days')}</Table.Th>
                <Table.Th>{t('weekPlan.coverage.columns.next')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.account.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <AccountAnchor accountId={r.account.id} size="sm" fw={500}>
                        {r.account.name}
                      </AccountAnchor>
                      <TierBadge tier={r.account.tier} size="xs" />
                    </Group>
                  </Table.Td>
                  <Table.Td>{r.owner?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    {r.lastContactAt ? (
                      f.instant(r.lastContactAt)
                    ) : (
                      <Text span c="dimmed" size="sm">
                        {t('weekPlan.coverage.never')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" c={r.daysSince === null || r.daysSince > debouncedDays * 2 ? 'red' : undefined}>
                    {r.daysSince ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    {r.nextPlannedAt ? (
                      f.instant(r.nextPlannedAt)
                    ) : (
                      <Text span c="dimmed" size="sm">
                        {t('weekPlan.coverage.notPlanned')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Paper>
  );
}
