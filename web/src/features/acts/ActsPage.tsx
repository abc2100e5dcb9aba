import { Badge, Button, Group, Paper, Select, Table, Tabs, Text } from '@mantine/core';
import { IconFileAlert, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { formatDay } from '../../i18n/format';
import { Empty } from '../../ui/Empty';
import { PageHeader } from '../../ui/PageHeader';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { TableFooter } from '../../ui/TableFooter';
import { NotFoundPage } from '../errors/NotFoundPage';
import { AccountPicker } from '../interactions/AccountPicker';
import { ActAnalysisView } from './ActAnalysisView';
import { type ActKind, type ActStatus, type ActSummary, actKinds, actStatuses, kindColors, statusColors, useActs } from './actsApi';
import { NewActDrawer } from './NewActDrawer';
import type { ActsSearch } from './search';

const LIMIT = 25;

/** Acts (D3): the list with filters, the repeat-cause analysis, and the new act form. */
export function ActsPage() {
  const me = useCurrentUser();
  if (!can(me, 'complaints.read')) return <NotFoundPage />;
  return <Acts />;
}

export function KindBadge({ kind }: { kind: ActKind }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={kindColors[kind]}>
      {t(`acts.kinds.${kind}`)}
    </Badge>
  );
}

export function ActStatusBadge({ status }: { status: ActStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant={status === 'signed' ? 'filled' : 'light'} color={statusColors[status]} data-testid="act-status">
      {t(`acts.statuses.${status}`)}
    </Badge>
  );
}

function Acts() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/acts' });
  const [offset, setOffset] = useState(0);
  const set = (patch: Partial<ActsSearch>) => {
    setOffset(0);
    void navigate({ to: '/acts', search: { ...search, ...patch }, replace: true });
  };
  const filters = { account: search.account, kind: search.actKind, status: search.actStatus, from: search.from, to: search.to };
  const filtered = Object.values(filters).some(Boolean);
  const list = useActs(filters, LIMIT, offset);
  const canWrite = can(me, 'complaints.write');
  const open = (id: string) => void navigate({ to: '/acts/$actId', params: { actId: id } });

  return (
    <>
      <PageHeader
        title={t('acts.title')}
        subtitle={t('acts.subtitle')}
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => set({ newAct: '1' })} data-testid="new-act">
              {t('acts.newAct')}
            </Button>
          ) : undefined
        }
      />
      <Tabs value={search.actView ?? 'acts'} onChange={(v) => set({ actView: v === 'analysis' ? 'analysis' : undefined })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="acts" data-testid="acts-tab-list">
            {t('acts.tabs.acts')}
          </Tabs.Tab>
          <Tabs.Tab value="analysis" data-testid="acts-tab-analysis">
            {t('acts.tabs.analysis')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="acts">
          <Group mb="sm" gap="sm" align="flex-end">
            <AccountPicker
              label={t('acts.filters.account')}
              value={search.account ?? null}
              onChange={(id) => set({ account: id ?? undefined })}
              clearable
              w={260}
            />
            <Select
              label={t('acts.filters.kind')}
              placeholder={t('acts.filters.any')}
              data={actKinds.map((k) => ({ value: k, label: t(`acts.kinds.${k}`) }))}
              value={search.actKind ?? null}
              onChange={(v) => set({ actKind: (v as ActKind | null) ?? undefined })}
              clearable
              w={170}
            />
            <Select
              label={t('acts.filters.status')}
              placeholder={t('acts.filters.any')}
              data={actStatuses.map((s) => ({ value: s, label: t(`acts.statuses.${s}`) }))}
              value={search.actStatus ?? null}
              onChange={(v) => set({ actStatus: (v as ActStatus | null) ?? undefined })}
              clearable
              w={150}
            />
          </Group>
          <Paper withBorder radius="md">
            {list.data && list.data.total === 0 ? (
              filtered ? (
                <Text c="dimmed" p="lg" ta="center">
                  {t('acts.empty.filtered')}
                </Text>
              ) : (
                <Empty icon={<IconFileAlert size={28} />} title={t('acts.empty.title')} text={t('acts.empty.text')} />
              )
            ) : (
              <>
                <ActsTable items={list.data?.items} onOpen={open} />
                <TableFooter offset={offset} limit={LIMIT} total={list.data?.total ?? 0} onOffset={setOffset} />
              </>
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="analysis">
          {search.actView === 'analysis' && (
            <ActAnalysisView from={search.from} to={search.to} onPeriod={(from, to) => set({ from, to })} />
          )}
        </Tabs.Panel>
      </Tabs>
      <NewActDrawer
        opened={search.newAct === '1'}
        accountId={search.account ?? null}
        onClose={() => set({ newAct: undefined })}
        onCreated={(id) => void navigate({ to: '/acts/$actId', params: { actId: id } })}
      />
    </>
  );
}

export function ActsTable({
  items,
  onOpen,
  withAccount = true,
}: {
  items: ActSummary[] | undefined;
  onOpen: (id: string) => void;
  withAccount?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover fz="sm" verticalSpacing={8} data-testid="acts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('acts.columns.reference')}</Table.Th>
            {withAccount && <Table.Th>{t('acts.columns.account')}</Table.Th>}
            <Table.Th>{t('acts.columns.kind')}</Table.Th>
            <Table.Th>{t('acts.columns.order')}</Table.Th>
            <Table.Th>{t('acts.columns.date')}</Table.Th>
            <Table.Th ta="right">{t('acts.columns.lines')}</Table.Th>
            <Table.Th ta="right">{t('acts.columns.quantity')}</Table.Th>
            <Table.Th>{t('acts.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items && <TableSkeletonRows columns={withAccount ? 8 : 7} rows={5} />}
          {items?.map((a) => (
            <Table.Tr key={a.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(a.id)} data-testid="act-row">
              <Table.Td fw={600}>{a.reference}</Table.Td>
              {withAccount && <Table.Td>{a.account.name}</Table.Td>}
              <Table.Td>
                <KindBadge kind={a.kind} />
              </Table.Td>
              <Table.Td>{a.orderId}</Table.Td>
              <Table.Td>{formatDay(a.actDate, lang)}</Table.Td>
              <Table.Td ta="right">{a.lineCount}</Table.Td>
              <Table.Td ta="right">{Number(a.totalQuantity).toLocaleString(lang)}</Table.Td>
              <Table.Td>
                <ActStatusBadge status={a.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
