import { Badge, Button, Group, Pagination, Paper, ScrollArea, Select, Skeleton, Table, Tabs, Text } from '@mantine/core';
import { IconClockCog, IconPlus, IconSend } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { Empty } from '../../ui/Empty';
import { PageHeader } from '../../ui/PageHeader';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { RequestDrawer } from './RequestDrawer';
import { RequestFormDrawer } from './RequestFormDrawer';
import { SlaClock } from './SlaClock';
import { SlaSettingsDrawer } from './SlaSettingsDrawer';
import {
  type RequestDetail,
  type RequestView,
  requestDepartments,
  type StatusFilter,
  statusColors,
  useDepartmentSla,
  useRequests,
} from './requestsApi';

const PAGE = 50;

/**
 * Requests to departments (D2): a department member's queue with its SLA clocks, the KAM's own
 * requests, a senior's team's and the head's all; a drawer works one request.
 */
export function RequestsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isDepartment = me.role === 'department';
  const mayRaise = can(me, 'interactions.write');
  const [view, setView] = useState<RequestView | undefined>(undefined);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [department, setDepartment] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [form, setForm] = useState<{ request: RequestDetail | null } | null>(null);
  const sla = useDepartmentSla();
  const [slaOpen, setSlaOpen] = useState(false);
  const list = useRequests({ view, status, department, offset: (page - 1) * PAGE });
  const current = view ?? list.data?.view;
  // a link with ?request=<id> (a notification) opens that request
  const linked = (useSearch({ strict: false }) as { request?: string }).request;
  const navigate = useNavigate();
  useEffect(() => {
    if (!linked) return;
    setOpen(linked);
    void navigate({ to: '/requests', search: {}, replace: true });
  }, [linked, navigate]);
  const views = list.data?.views ?? [];
  const filtered = status !== 'open' || !!department;
  return (
    <>
      <PageHeader
        title={t('requests.title')}
        subtitle={isDepartment ? t('requests.subtitle.queue') : t('requests.subtitle.other')}
        actions={
          <Group gap="xs">
            {sla.data?.canEdit && (
              <Button
                variant="default"
                leftSection={<IconClockCog size={16} />}
                onClick={() => setSlaOpen(true)}
                data-testid="sla-settings-open"
              >
                {t('requests.settings.title')}
              </Button>
            )}
            {mayRaise && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ request: null })} data-testid="new-request">
                {t('requests.newRequest')}
              </Button>
            )}
          </Group>
        }
      />
      {views.length > 1 && (
        <Tabs
          value={current ?? null}
          onChange={(v) => {
            if (!v) return;
            setView(v as RequestView);
            setPage(1);
          }}
        >
          <Tabs.List mb="md">
            {views.map((v) => (
              <Tabs.Tab key={v} value={v} data-testid={`requests-tab-${v}`}>
                {t(`requests.tabs.${v}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      <Group mb="sm" gap="sm">
        <Select
          aria-label={t('requests.filter.status')}
          w={200}
          value={status}
          onChange={(v) => {
            setStatus((v ?? '') as StatusFilter);
            setPage(1);
          }}
          data={[
            { value: 'open', label: t('requests.filter.open') },
            { value: 'closed', label: t('requests.filter.closed') },
            { value: '', label: t('requests.filter.any') },
            ...(['new', 'in_progress', 'waiting', 'done', 'rejected', 'cancelled'] as const).map((s) => ({
              value: s,
              label: t(`requests.statuses.${s}`),
            })),
          ]}
          allowDeselect={false}
          data-testid="requests-status-filter"
        />
        {current !== 'queue' && (
          <Select
            aria-label={t('requests.filter.department')}
            w={220}
            placeholder={t('requests.filter.anyDepartment')}
            value={department}
            onChange={(v) => {
              setDepartment(v);
              setPage(1);
            }}
            data={requestDepartments.map((d) => ({ value: d, label: t(`requests.departments.${d}`) }))}
            clearable
          />
        )}
        {list.data && list.data.total > 0 && (
          <Text size="sm" c="dimmed">
            {t('requests.total', { count: list.data.total })}
          </Text>
        )}
      </Group>
      {!list.data ? (
        <Skeleton h={160} />
      ) : (
        <Paper withBorder radius="md">
          {list.data.items.length === 0 ? (
            <Empty
              icon={<IconSend size={28} />}
              title={t(`requests.empty.${filtered ? 'filtered' : list.data.view}.title`)}
              text={t(`requests.empty.${filtered ? 'filtered' : list.data.view}.text`)}
              action={
                !filtered && list.data.view === 'mine' && mayRaise ? (
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ request: null })}>
                    {t('requests.newRequest')}
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <ScrollArea>
              <Table highlightOnHover verticalSpacing="xs" data-testid="requests-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('requests.columns.reference')}</Table.Th>
                    <Table.Th>{t('requests.columns.title')}</Table.Th>
                    <Table.Th>{t('requests.columns.account')}</Table.Th>
                    <Table.Th>{list.data.view === 'queue' ? t('requests.columns.requester') : t('requests.columns.department')}</Table.Th>
                    <Table.Th>{t('requests.columns.assignee')}</Table.Th>
                    <Table.Th>{t('requests.columns.sla')}</Table.Th>
                    <Table.Th>{t('requests.columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((r) => (
                    <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(r.id)} data-testid="request-row">
                      <Table.Td>
                        <Text size="sm" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                          {r.reference}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {r.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`requests.types.${r.type}`, { defaultValue: r.type })}
                        </Text>
                      </Table.Td>
                      <Table.Td onClick={(e) => e.stopPropagation()}>
                        {isDepartment ? (
                          <Text size="sm">{r.account.name}</Text>
                        ) : (
                          <AccountAnchor accountId={r.account.id} size="sm">
                            {r.account.name}
                          </AccountAnchor>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{list.data.view === 'queue' ? r.requestedBy.name : t(`requests.departments.${r.department}`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={r.assignee ? undefined : 'dimmed'}>
                          {r.assignee?.name ?? t('requests.unassigned')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <SlaClock request={r} />
                      </Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="dot" color={statusColors[r.status]}>
                          {t(`requests.statuses.${r.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
        </Paper>
      )}
      {list.data && list.data.total > PAGE && (
        <Group justify="center" mt="md">
          <Pagination total={Math.ceil(list.data.total / PAGE)} value={page} onChange={setPage} />
        </Group>
      )}
      <SlaSettingsDrawer opened={slaOpen} items={sla.data?.items ?? []} onClose={() => setSlaOpen(false)} />
      <RequestDrawer id={open} onClose={() => setOpen(null)} onEdit={(request) => setForm({ request })} />
      <RequestFormDrawer opened={!!form} request={form?.request ?? null} onClose={() => setForm(null)} onSaved={(r) => setOpen(r.id)} />
    </>
  );
}
