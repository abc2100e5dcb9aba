import { Anchor, Avatar, Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { type AccountColumn, accountColumns, defaultAccountColumns } from '../../../../src/modules/accounts/accounts.contracts';
import { formatDate, formatMoney } from '../../i18n/format';
import { initials } from '../../ui/initials';
import type { AccountListItem, AccountSort } from './accountsApi';
import { StatusBadge, TierBadge } from './badges';
import { daysSince, formatRelative, formatScore } from './format';

export interface CellContext {
  t: TFunction;
  lang: string;
  timeZone: string;
}

export interface ColumnDef {
  key: AccountColumn;
  /** the list's sort field, when the column sorts */
  sort?: AccountSort;
  width?: number;
  align?: 'right';
  render: (a: AccountListItem, c: CellContext) => ReactNode;
}

const dimmed = (text: string | null | undefined) => (
  <Text size="sm" c={text ? undefined : 'dimmed'} lineClamp={1} title={text ?? undefined}>
    {text || '—'}
  </Text>
);

const day = (value: string | null, c: CellContext, empty?: string) =>
  value ? (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
      {formatDate(value, c.lang, c.timeZone)}
    </Text>
  ) : (
    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {empty ?? '—'}
    </Text>
  );

export const columnDefs: Record<AccountColumn, ColumnDef> = {
  name: {
    key: 'name',
    sort: 'name',
    render: (a, c) => (
      <Group gap={6} wrap="nowrap">
        <Anchor
          renderRoot={(props) => <Link {...props} to="/accounts/$accountId" params={{ accountId: a.id }} />}
          fw={600}
          size="sm"
          c="var(--mantine-color-text)"
          underline="hover"
          onClick={(e) => e.stopPropagation()}
          data-testid="account-link"
          style={{ whiteSpace: 'nowrap' }}
        >
          {a.name}
        </Anchor>
        {a.archived && (
          <Badge size="xs" color="gray" variant="outline">
            {c.t('accounts.archivedBadge')}
          </Badge>
        )}
      </Group>
    ),
  },
  externalId: { key: 'externalId', render: (a) => dimmed(a.externalId) },
  registrationNo: { key: 'registrationNo', render: (a) => dimmed(a.registrationNo) },
  tier: { key: 'tier', sort: 'tier', render: (a) => <TierBadge tier={a.tier} /> },
  status: { key: 'status', sort: 'status', render: (a) => <StatusBadge status={a.status} /> },
  owner: {
    key: 'owner',
    sort: 'owner',
    render: (a, c) =>
      a.owner ? (
        <Group gap={6} wrap="nowrap">
          <Avatar size={22} radius="xl" color="initials" name={a.owner.name}>
            {initials(a.owner.name)}
          </Avatar>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {a.owner.name}
          </Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {c.t('accounts.noOwner')}
        </Text>
      ),
  },
  score: {
    key: 'score',
    sort: 'score',
    width: 96,
    render: (a, c) =>
      a.score === null ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : (
        <Group gap={8} wrap="nowrap">
          <Text size="sm" fw={500} w={30} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatScore(a.score, c.lang)}
          </Text>
          <Progress value={a.score} size="sm" w={40} color={a.score >= 70 ? 'violet' : a.score >= 40 ? 'blue' : 'gray'} />
        </Group>
      ),
  },
  lastContactAt: {
    key: 'lastContactAt',
    sort: 'lastContactAt',
    render: (a, c) =>
      a.lastContactAt ? (
        <Tooltip label={formatDate(a.lastContactAt, c.lang, c.timeZone)} openDelay={400}>
          <Text size="sm" c={daysSince(a.lastContactAt) > 45 ? 'orange.7' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {formatRelative(a.lastContactAt, c.lang, Date.now(), 'short')}
          </Text>
        </Tooltip>
      ) : (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {c.t('accounts.noContactYet')}
        </Text>
      ),
  },
  city: { key: 'city', sort: 'city', render: (a) => dimmed(a.city) },
  region: { key: 'region', render: (a) => dimmed(a.region) },
  segment: { key: 'segment', render: (a) => dimmed(a.segment) },
  industry: { key: 'industry', render: (a) => dimmed(a.industry) },
  channel: { key: 'channel', render: (a, c) => dimmed(a.channel && c.t(`accounts.channel.${a.channel}`)) },
  currency: { key: 'currency', render: (a) => dimmed(a.currency) },
  creditLimit: {
    key: 'creditLimit',
    align: 'right',
    render: (a, c) => (
      <Text size="sm" c={a.creditLimit ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {a.creditLimit ? formatMoney(a.creditLimit, a.currency, c.lang) : '—'}
      </Text>
    ),
  },
  paymentTermsDays: {
    key: 'paymentTermsDays',
    align: 'right',
    render: (a, c) => dimmed(a.paymentTermsDays === null ? null : c.t('accounts.days', { n: a.paymentTermsDays })),
  },
  priceColumn: { key: 'priceColumn', render: (a) => dimmed(a.priceColumn) },
  source: { key: 'source', render: (a) => dimmed(a.source) },
  nextStep: { key: 'nextStep', render: (a) => dimmed(a.nextStep) },
  planUpdatedAt: { key: 'planUpdatedAt', render: (a, c) => day(a.planUpdatedAt, c, c.t('accounts.noPlan')) },
  createdAt: { key: 'createdAt', sort: 'createdAt', render: (a, c) => day(a.createdAt, c) },
  updatedAt: { key: 'updatedAt', sort: 'updatedAt', render: (a, c) => day(a.updatedAt, c) },
};

export { accountColumns, defaultAccountColumns };

const STORAGE_KEY = 'grove.accounts.columns';

/** Known columns in display order, `name` always first. */
export function normalizeColumns(columns: readonly string[]): AccountColumn[] {
  const chosen = new Set(columns);
  return accountColumns.filter((c) => c === 'name' || chosen.has(c));
}

export function loadColumns(): AccountColumn[] {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (Array.isArray(stored) && stored.length) return normalizeColumns(stored.filter((c): c is string => typeof c === 'string'));
  } catch {
    // a broken value falls back to the default
  }
  return normalizeColumns(defaultAccountColumns);
}

export function saveColumns(columns: AccountColumn[]): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(columns));
}
