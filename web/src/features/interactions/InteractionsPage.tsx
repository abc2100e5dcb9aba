import { Button, Paper, Select, TextInput } from '@mantine/core';
import { IconMessagePlus, IconMessages, IconSearch } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { Empty } from '../../ui/Empty';
import { DateRangeFilter, FilterBar, useUrlList } from '../../ui/FilterBar';
import { PageHeader } from '../../ui/PageHeader';
import { TableFooter } from '../../ui/TableFooter';
import { UserSelect } from '../accounts/UserSelect';
import { NotFoundPage } from '../errors/NotFoundPage';
import { AccountPicker } from './AccountPicker';
import { InteractionDrawer } from './InteractionDrawer';
import { InteractionsTable } from './InteractionsTable';
import { openLogDrawer } from './logApi';
import { type InteractionStatus, type InteractionType, useInteractions } from './interactionsApi';
import type { InteractionsSearch } from './search';

const LIMIT = 25;
const types: InteractionType[] = ['meeting', 'visit', 'call', 'email', 'presentation', 'negotiation', 'training'];
const statuses: InteractionStatus[] = ['planned', 'done', 'cancelled'];

/** Interactions with clients (C1): every meeting, visit and call with the accounts the reader works with. */
export function InteractionsPage() {
  const me = useCurrentUser();
  // the roles that see accounts in full (the same as may drill into KPI rows)
  if (!can(me, 'interactions.read')) return <NotFoundPage />;
  return <Interactions />;
}

function Interactions() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/interactions' });
  const { q, setQ, query, offset, setOffset, set, clear } = useUrlList<InteractionsSearch>(
    (update) => void navigate({ to: '/interactions', search: update, replace: true }),
  );
  const filters = {
    accountId: search.account,
    userId: search.user,
    type: search.type,
    status: search.status,
    from: search.from,
    to: search.to,
    q: query,
  };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const list = useInteractions(filters, LIMIT, offset);

  return (
    <>
      <PageHeader
        title={t('interactions.title')}
        subtitle={t('interactions.subtitle')}
        actions={
          can(me, 'interactions.write') && (
            <Button
              leftSection={<IconMessagePlus size={16} />}
              onClick={() => openLogDrawer({ mode: 'new', status: 'done', kind: 'call', accountId: search.account ?? null })}
              data-testid="interactions-log"
            >
              {t('interactions.log.button')}
            </Button>
          )
        }
      />
      <Paper withBorder radius="md">
        <FilterBar filtered={filtered} onClear={clear}>
          <TextInput
            placeholder={t('interactions.filters.search')}
            aria-label={t('interactions.filters.search')}
            leftSection={<IconSearch size={15} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={240}
            data-testid="interactions-search"
          />
          <AccountPicker
            value={search.account ?? null}
            onChange={(id) => set({ account: id ?? undefined })}
            placeholder={t('interactions.filters.anyAccount')}
            aria-label={t('interactions.filters.account')}
            w={220}
            data-testid="interactions-account"
          />
          <UserSelect
            value={search.user ?? null}
            onChange={(id) => set({ user: id ?? undefined })}
            placeholder={t('interactions.filters.anyUser')}
            aria-label={t('interactions.filters.user')}
            w={190}
          />
          <Select
            data={types.map((v) => ({ value: v, label: t(`interactions.types.${v}`) }))}
            value={search.type ?? null}
            onChange={(v) => set({ type: (v as InteractionType) ?? undefined })}
            placeholder={t('interactions.filters.anyType')}
            aria-label={t('interactions.filters.type')}
            clearable
            w={160}
            data-testid="interactions-type"
          />
          <Select
            data={statuses.map((v) => ({ value: v, label: t(`interactions.statuses.${v}`) }))}
            value={search.status ?? null}
            onChange={(v) => set({ status: (v as InteractionStatus) ?? undefined })}
            placeholder={t('interactions.filters.anyStatus')}
            aria-label={t('interactions.filters.status')}
            clearable
            w={160}
          />
          <DateRangeFilter
            from={search.from}
            to={search.to}
            onChange={set}
            placeholder={t('interactions.filters.datesPlaceholder')}
            label={t('interactions.filters.dates')}
          />
        </FilterBar>
        {list.data && list.data.total === 0 ? (
          <Empty
            icon={<IconMessages size={28} />}
            title={filtered ? t('interactions.emptyFilteredTitle') : t('interactions.emptyTitle')}
            text={filtered ? t('interactions.emptyFilteredText') : t('interactions.emptyText')}
          />
        ) : (
          <InteractionsTable items={list.data?.items} onOpen={(id) => set({ open: id })} />
        )}
        <TableFooter offset={offset} limit={LIMIT} total={list.data?.total ?? 0} onOffset={setOffset} />
      </Paper>
      <InteractionDrawer id={search.open ?? null} onClose={() => set({ open: undefined })} />
    </>
  );
}
