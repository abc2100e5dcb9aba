import { Badge, Paper, SegmentedControl, Select, Tabs, TextInput } from '@mantine/core';
import { IconMoodSad, IconSearch } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { Empty } from '../../ui/Empty';
import { DateRangeFilter, FilterBar, useUrlList } from '../../ui/FilterBar';
import { PageHeader } from '../../ui/PageHeader';
import { TableFooter } from '../../ui/TableFooter';
import { NotFoundPage } from '../errors/NotFoundPage';
import { AccountPicker } from '../interactions/AccountPicker';
import type { ServiceSearch } from '../interactions/search';
import { ComplaintDrawer } from './ComplaintDrawer';
import { ComplaintsTable } from './ComplaintsTable';
import { type ComplaintSeverity, useComplaints } from './complaintsApi';

const LIMIT = 25;
const severities: ComplaintSeverity[] = ['critical', 'high', 'normal', 'low'];

/** Service (D1): client complaints with their response and resolution clocks. Requests, acts and surveys come later. */
export function ServicePage() {
  const me = useCurrentUser();
  // the roles that see accounts in full (the same as may drill into KPI rows)
  if (!can(me, 'complaints.read')) return <NotFoundPage />;
  return <Service />;
}

function Service() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/service' });
  const { q, setQ, query, offset, setOffset, set, clear } = useUrlList<ServiceSearch>(
    (update) => void navigate({ to: '/service', search: update, replace: true }),
  );
  const filters = {
    accountId: search.account,
    severity: search.severity,
    state: search.state,
    justified: search.justified,
    from: search.from,
    to: search.to,
    q: query,
  };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const list = useComplaints(filters, LIMIT, offset);

  return (
    <>
      <PageHeader title={t('service.title')} subtitle={t('service.subtitle')} />
      <Tabs value="complaints">
        <Tabs.List mb="md">
          <Tabs.Tab
            value="complaints"
            rightSection={
              list.data && list.data.open > 0 ? (
                <Badge size="xs" color="orange" variant="filled" circle={list.data.open < 10}>
                  {list.data.open}
                </Badge>
              ) : undefined
            }
          >
            {t('service.tabs.complaints')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Paper withBorder radius="md">
        <FilterBar filtered={filtered} onClear={clear}>
          <SegmentedControl
            value={search.state ?? 'all'}
            onChange={(v) => set({ state: v === 'all' ? undefined : (v as 'open' | 'resolved') })}
            data={(['all', 'open', 'resolved'] as const).map((v) => ({ value: v, label: t(`service.states.${v}`) }))}
            data-testid="complaints-state"
          />
          <TextInput
            placeholder={t('service.filters.search')}
            aria-label={t('service.filters.search')}
            leftSection={<IconSearch size={15} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={200}
          />
          <AccountPicker
            value={search.account ?? null}
            onChange={(id) => set({ account: id ?? undefined })}
            placeholder={t('service.filters.anyAccount')}
            aria-label={t('service.filters.account')}
            w={220}
          />
          <Select
            data={severities.map((v) => ({ value: v, label: t(`service.severities.${v}`) }))}
            value={search.severity ?? null}
            onChange={(v) => set({ severity: (v as ComplaintSeverity) ?? undefined })}
            placeholder={t('service.filters.anySeverity')}
            aria-label={t('service.filters.severity')}
            clearable
            w={160}
          />
          <Select
            data={(['true', 'false', 'unknown'] as const).map((v) => ({ value: v, label: t(`service.justified.${v}`) }))}
            value={search.justified ?? null}
            onChange={(v) => set({ justified: (v as ServiceSearch['justified']) ?? undefined })}
            placeholder={t('service.filters.anyJustified')}
            aria-label={t('service.filters.justified')}
            clearable
            w={190}
          />
          <DateRangeFilter
            from={search.from}
            to={search.to}
            onChange={set}
            placeholder={t('service.filters.datesPlaceholder')}
            label={t('service.filters.dates')}
          />
        </FilterBar>
        {list.data && list.data.total === 0 ? (
          <Empty
            icon={<IconMoodSad size={28} />}
            title={filtered ? t('service.emptyFilteredTitle') : t('service.emptyTitle')}
            text={filtered ? t('service.emptyFilteredText') : t('service.emptyText')}
          />
        ) : (
          <ComplaintsTable items={list.data?.items} onOpen={(id) => set({ open: id })} />
        )}
        <TableFooter offset={offset} limit={LIMIT} total={list.data?.total ?? 0} onOffset={setOffset} />
      </Paper>
      <ComplaintDrawer id={search.open ?? null} onClose={() => set({ open: undefined })} />
    </>
  );
}
