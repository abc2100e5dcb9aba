import { Button, Group, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingStore, IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { formatNumber } from '../../i18n/format';
import { Empty } from '../../ui/Empty';
import { PageHeader } from '../../ui/PageHeader';
import { TableFooter } from '../../ui/TableFooter';
import { NotFoundPage } from '../errors/NotFoundPage';
import { AccountFiltersBar, MoreFilterChips } from './AccountFiltersBar';
import { AccountsTable } from './AccountsTable';
import { defaultFilters, sameFilters, useAccountList, useViews } from './accountsApi';
import { ColumnChooser } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import { NewAccountModal } from './NewAccountModal';
import { useListState } from './useListState';
import { ViewsBar } from './ViewsBar';

const LIMIT = 50;

export function AccountsPage() {
  const me = useCurrentUser();
  if (!can(me, 'accounts.read')) return <NotFoundPage />;
  return <AccountsList />;
}

function AccountsList() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const state = useListState();
  const { filters, columns, offset } = state;
  const [creating, createModal] = useDisclosure(false);
  const accounts = useAccountList(filters, LIMIT, offset);
  const views = useViews();
  const activeView = views.data?.find((v) => v.id === state.viewId);
  const mayWrite = can(me, 'accounts.write');
  const total = accounts.data?.total ?? 0;
  const filtered = !sameFilters(filters, defaultFilters);

  const empty = accounts.data && accounts.data.items.length === 0;
  const emptyState = filtered ? (
    <Empty
      icon={<IconBuildingStore size={28} />}
      title={t('accounts.emptyFilteredTitle')}
      text={t('accounts.emptyFilteredText')}
      action={
        <Button variant="light" onClick={state.reset}>
          {t('common.clearFilters')}
        </Button>
      }
    />
  ) : (
    <Empty
      icon={<IconBuildingStore size={28} />}
      title={t('accounts.emptyTitle')}
      text={t(!mayWrite ? 'accounts.emptyTextReader' : can(me, 'imports.run') ? 'accounts.emptyText' : 'accounts.emptyTextNoImport')}
      action={
        mayWrite && (
          <Group gap="sm">
            <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
              {t('accounts.newAccount')}
            </Button>
            {can(me, 'imports.run') && (
              <Button variant="default" component={Link} to="/settings/imports" leftSection={<IconFileImport size={16} />}>
                {t('accounts.importAccounts')}
              </Button>
            )}
          </Group>
        )
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={
          accounts.data ? t('accounts.subtitle', { n: formatNumber(total, i18n.resolvedLanguage ?? 'en') }) : t('accounts.subtitleLoading')
        }
        actions={
          <>
            <ColumnChooser columns={columns} onChange={state.setColumns} />
            {can(me, 'accounts.export') && <ExportMenu filters={filters} columns={columns} total={total} />}
            {mayWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={createModal.open} data-testid="new-account">
                {t('accounts.newAccount')}
              </Button>
            )}
          </>
        }
      />
      <ViewsBar
        activeId={state.viewId}
        modified={state.modifiedFrom(activeView)}
        filters={filters}
        columns={columns}
        onApply={state.applyView}
      />
      <Paper withBorder radius="md">
        <AccountFiltersBar filters={filters} search={state.search} onSearch={state.setSearch} onChange={state.change} />
        <MoreFilterChips filters={filters} onChange={state.change} />
        {empty ? (
          emptyState
        ) : (
          <AccountsTable items={accounts.data?.items} columns={columns} sort={filters.sort} order={filters.order} onSort={state.sortBy} />
        )}
        <TableFooter offset={offset} limit={LIMIT} total={total} onOffset={state.setOffset} />
      </Paper>
      {mayWrite && <NewAccountModal opened={creating} onClose={createModal.close} />}
    </>
  );
}
