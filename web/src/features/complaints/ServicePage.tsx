import { Badge, Button, Chip, Paper, Select, Tabs, TextInput } from '@mantine/core';
import { IconMoodSad, IconPlus, IconSearch } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
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
import { type ComplaintSeverity, type ComplaintStatus, useComplaints } from './complaintsApi';
import { NewComplaintDrawer } from './NewComplaintDrawer';
import { SlaDashboard } from './SlaDashboard';

const LIMIT = 25;
const severities: ComplaintSeverity[] = ['critical', 'high', 'normal', 'low'];
const statuses: ComplaintStatus[] = ['new', 'in_progress', 'waiting_client', 'resolved', 'closed'];

/** Service (D1): client complaints with their live SLA clocks, and the SLA dashboard. */
export function ServicePage() {
  const me = useCurrentUser();
  // the roles that see accounts in full (the same as may drill into KPI rows)
  if (!can(me, 'complaints.read')) return <NotFoundPage />;
  return <Service />;
}

function Service() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/service' });
  const [creating, setCreating] = useState(false);
  const { q, setQ, query, offset, setOffset, set, clear } = useUrlList<ServiceSearch>(
    (update) => void navigate({ to: '/service', search: update, replace: true }),
  );
  const tab = search.view ?? 'complaints';
  const filters = {
    accountId: search.account,
    severity: search.severity,
    state: search.state,
    status: search.stage,
    mine: search.mine,
    breached: search.breached,
    justified: search.justified,
    from: search.from,
    to: search.to,
    q: query,
  };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const list = useComplaints(filters, LIMIT, offset);
  const opened = search.complaint ?? search.open ?? null;
  const canWrite = can(me, 'complaints.write');

  return (
    <>
      <PageHeader
        title={t('service.title')}
        subtitle={t('service.subtitle')}
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-complaint">
              {t('service.list.newComplaint')}
            </Button>
          ) : undefined
        }
      />
      <Tabs value={tab} onChange={(v) => set({ view: v === 'sla' ? 'sla' : undefined, open: search.open })}>
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
          <Tabs.Tab value="sla" data-testid="sla-tab">
            {t('service.tabs.sla')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'sla' ? (
        <SlaDashboard />
      ) : (
        <Paper withBorder radius="md">
          <FilterBar filtered={filtered} onClear={clear}>
            <TextInput
              placeholder={t('service.filters.search')}
              aria-label={t('service.filters.search')}
              leftSection={<IconSearch size={15} />}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={220}
            />
            <Chip checked={search.mine === 'true'} onChange={(on) => set({ mine: on ? 'true' : undefined })} data-testid="filter-mine">
              {t('service.list.mine')}
            </Chip>
            <Chip
              checked={search.breached === 'true'}
              color="red"
              onChange={(on) => set({ breached: on ? 'true' : undefined })}
              data-testid="filter-breached"
            >
              {t('service.list.breached')}
            </Chip>
            <Select
              data={statuses.map((v) => ({ value: v, label: t(`service.statuses.${v}`) }))}
              value={search.stage ?? null}
              onChange={(v) => set({ stage: (v as ComplaintStatus) ?? undefined })}
              placeholder={t('service.list.anyStatus')}
              aria-label={t('service.list.status')}
              clearable
              w={190}
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
              title={filtered ? t('service.emptyFilteredTitle') : t('service.list.emptyTitle')}
              text={filtered ? t('service.emptyFilteredText') : t('service.list.emptyText')}
              action={
                !filtered && canWrite ? (
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                    {t('service.list.newComplaint')}
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <ComplaintsTable items={list.data?.items} onOpen={(id) => set({ open: undefined, complaint: id })} />
          )}
          <TableFooter offset={offset} limit={LIMIT} total={list.data?.total ?? 0} onOffset={setOffset} />
        </Paper>
      )}
      <ComplaintDrawer id={opened} onClose={() => set({ open: undefined, complaint: undefined })} />
      <NewComplaintDrawer
        opened={creating}
        onClose={() => setCreating(false)}
        accountId={search.account}
        onCreated={(c) => {
          setCreating(false);
          set({ open: undefined, complaint: c.id });
        }}
      />
    </>
  );
}
