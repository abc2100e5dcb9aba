import { Badge, Button, CloseButton, Group, Indicator, MultiSelect, Popover, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { accountChannels, accountStatuses, accountTiers } from '../../../../src/modules/accounts/accounts.contracts';
import type { AccountChannel, AccountStatus, AccountTier, ListFilters } from './accountsApi';
import { useFacets } from './accountsApi';
import { UserSelect } from './UserSelect';

interface Props {
  filters: ListFilters;
  /** the search box text (debounced into filters.q by the page) */
  search: string;
  onSearch: (q: string) => void;
  onChange: (patch: Partial<ListFilters>) => void;
}

/** Filters beyond the first row: counted on the "More filters" button and shown as removable chips. */
const moreKeys = ['channel', 'segment', 'industry', 'region', 'hasPlan', 'archived'] as const;

export function moreFiltersCount(f: ListFilters): number {
  return (
    (f.channel.length ? 1 : 0) +
    (f.segment ? 1 : 0) +
    (f.industry ? 1 : 0) +
    (f.region ? 1 : 0) +
    (f.hasPlan ? 1 : 0) +
    (f.archived !== 'false' ? 1 : 0)
  );
}

/** A multi-select grows with its chosen values, so the chips stay readable. */
const multiWidth = (chosen: number, empty: number) => (chosen ? Math.min(120 + chosen * 100, 340) : empty);

export function AccountFiltersBar({ filters, search, onSearch, onChange }: Props) {
  const { t } = useTranslation();
  const facets = useFacets();
  const more = moreFiltersCount(filters);
  const facet = (key: 'segment' | 'industry' | 'region', values: string[] | undefined) => (
    <Select
      label={t(`accounts.columns.${key}`)}
      placeholder={t('accounts.filters.any')}
      data={values ?? []}
      value={filters[key]}
      onChange={(v) => onChange({ [key]: v })}
      searchable
      clearable
      nothingFoundMessage={t('palette.nothingFound')}
      comboboxProps={{ withinPortal: false }}
      data-testid={`filter-${key}`}
    />
  );
  return (
    <Group gap="sm" p="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <TextInput
        placeholder={t('accounts.filters.searchPlaceholder')}
        aria-label={t('common.search')}
        leftSection={<IconSearch size={15} />}
        rightSection={search ? <CloseButton size="sm" aria-label={t('accounts.filters.clearSearch')} onClick={() => onSearch('')} /> : null}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        style={{ flex: 1, minWidth: 220 }}
        data-testid="accounts-search"
      />
      <MultiSelect
        placeholder={filters.tier.length ? undefined : t('accounts.filters.anyTier')}
        aria-label={t('accounts.columns.tier')}
        data={accountTiers.map((v) => ({ value: v, label: t(`accounts.tier.${v}`) }))}
        value={filters.tier}
        onChange={(v) => onChange({ tier: v as AccountTier[] })}
        clearable
        w={multiWidth(filters.tier.length, 150)}
        comboboxProps={{ width: 200 }}
        data-testid="filter-tier"
      />
      <MultiSelect
        placeholder={filters.status.length ? undefined : t('accounts.filters.anyStatus')}
        aria-label={t('accounts.columns.status')}
        data={accountStatuses.map((v) => ({ value: v, label: t(`accounts.status.${v}`) }))}
        value={filters.status}
        onChange={(v) => onChange({ status: v as AccountStatus[] })}
        clearable
        w={multiWidth(filters.status.length, 150)}
        comboboxProps={{ width: 220 }}
        data-testid="filter-status"
      />
      <UserSelect
        placeholder={t('accounts.filters.anyOwner')}
        aria-label={t('accounts.columns.owner')}
        value={filters.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
        withMe
        w={180}
        comboboxProps={{ width: 260 }}
        data-testid="filter-owner"
      />
      <Popover width={420} position="bottom-end" shadow="md" trapFocus>
        <Popover.Target>
          <Indicator label={more} size={16} disabled={!more} offset={4}>
            <Button variant="default" leftSection={<IconAdjustmentsHorizontal size={16} />} data-testid="more-filters">
              {t('accounts.filters.more')}
            </Button>
          </Indicator>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="sm">
            <MultiSelect
              label={t('accounts.columns.channel')}
              placeholder={filters.channel.length ? undefined : t('accounts.filters.any')}
              data={accountChannels.map((v) => ({ value: v, label: t(`accounts.channel.${v}`) }))}
              value={filters.channel}
              onChange={(v) => onChange({ channel: v as AccountChannel[] })}
              clearable
              comboboxProps={{ withinPortal: false }}
            />
            <SimpleGrid cols={2} spacing="sm">
              {facet('segment', facets.data?.segments)}
              {facet('industry', facets.data?.industries)}
              {facet('region', facets.data?.regions)}
              <Select
                label={t('accounts.filters.plan')}
                placeholder={t('accounts.filters.any')}
                data={[
                  { value: 'true', label: t('accounts.filters.withPlan') },
                  { value: 'false', label: t('accounts.filters.withoutPlan') },
                ]}
                value={filters.hasPlan}
                onChange={(v) => onChange({ hasPlan: v as ListFilters['hasPlan'] })}
                clearable
                comboboxProps={{ withinPortal: false }}
              />
            </SimpleGrid>
            <Select
              label={t('accounts.filters.archived')}
              data={[
                { value: 'false', label: t('accounts.filters.notArchived') },
                { value: 'true', label: t('accounts.filters.onlyArchived') },
                { value: 'all', label: t('accounts.filters.archivedToo') },
              ]}
              value={filters.archived ?? 'all'}
              onChange={(v) => onChange({ archived: v === 'all' || !v ? null : (v as 'true' | 'false') })}
              allowDeselect={false}
              comboboxProps={{ withinPortal: false }}
              data-testid="filter-archived"
            />
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}

/** The filters of "More filters" as removable chips under the bar. */
export function MoreFilterChips({ filters, onChange }: Pick<Props, 'filters' | 'onChange'>) {
  const { t } = useTranslation();
  const chips: { key: (typeof moreKeys)[number]; label: string; clear: Partial<ListFilters> }[] = [];
  if (filters.channel.length)
    chips.push({
      key: 'channel',
      label: `${t('accounts.columns.channel')}: ${filters.channel.map((c) => t(`accounts.channel.${c}`)).join(', ')}`,
      clear: { channel: [] },
    });
  for (const key of ['segment', 'industry', 'region'] as const) {
    const value = filters[key];
    if (value) chips.push({ key, label: `${t(`accounts.columns.${key}`)}: ${value}`, clear: { [key]: null } });
  }
  if (filters.hasPlan)
    chips.push({
      key: 'hasPlan',
      label: t(filters.hasPlan === 'true' ? 'accounts.filters.withPlan' : 'accounts.filters.withoutPlan'),
      clear: { hasPlan: null },
    });
  if (filters.archived !== 'false')
    chips.push({
      key: 'archived',
      label: t(filters.archived === 'true' ? 'accounts.filters.onlyArchived' : 'accounts.filters.archivedToo'),
      clear: { archived: 'false' },
    });
  if (!chips.length) return null;
  return (
    <Group gap={6} px="sm" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      {chips.map((chip) => (
        <Badge
          key={chip.key}
          variant="light"
          color="gray"
          size="lg"
          radius="xl"
          rightSection={
            <CloseButton size="xs" aria-label={t('accounts.filters.remove', { name: chip.label })} onClick={() => onChange(chip.clear)} />
          }
        >
          {chip.label}
        </Badge>
      ))}
    </Group>
  );
}
