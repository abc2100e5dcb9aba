import { Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAdjustments, IconPlayerPlay, IconScale, IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { BulkApproveResult, DecisionResult } from '../../../../src/modules/tiering/tiering.contracts';
import { api } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { formatDateTime } from '../../i18n/format';
import { Empty } from '../../ui/Empty';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PageHeader } from '../../ui/PageHeader';
import { TableFooter } from '../../ui/TableFooter';
import { NotFoundPage } from '../errors/NotFoundPage';
import { HandoverDrawer } from './HandoverDrawer';
import { ProposalsTable } from './ProposalsTable';
import { invalidateAccount, type Proposal, type RetierRun, useProposals, useRuns } from './tieringApi';

const LIMIT = 25;
const statuses = ['pending', 'approved', 'rejected', 'superseded', 'all'] as const;
type Status = (typeof statuses)[number];

export function RetieringPage() {
  const me = useCurrentUser();
  if (!can(me, 'accounts.retier')) return <NotFoundPage />;
  return <Retiering />;
}

function Retiering() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>('pending');
  const [direction, setDirection] = useState<'promote' | 'demote' | null>(null);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<Proposal | null>(null);
  const [handover, setHandover] = useState<{ accountId: string; name: string; promoted: boolean } | null>(null);

  const query = { status, direction, q: debouncedQ, limit: LIMIT, offset };
  const proposals = useProposals(query);
  const runs = useRuns();
  const lastRun: RetierRun | undefined = runs.data?.[0];

  const refresh = () => client.invalidateQueries({ queryKey: ['retiering'] });
  const run = useMutation({
    mutationFn: () => api.post<RetierRun>('/api/retiering/runs', {}),
    onSuccess: async (r) => {
      notifySuccess(t('tiering.retiering.ran', { created: r.created, kept: r.kept, superseded: r.superseded }));
      setSelected([]);
      await refresh();
    },
    onError: (error) => showServerError(error),
  });
  const approve = useMutation({
    mutationFn: (p: Proposal) => api.post<DecisionResult>(`/api/retiering/proposals/${p.id}/approve`, {}),
    onSuccess: async (result) => {
      const p = result.proposal;
      notifySuccess(t('tiering.retiering.approved', { name: p.account.name, tier: t(`tiering.tiersLower.${p.toTier}`) }));
      setSelected((s) => s.filter((id) => id !== p.id));
      if (result.handover) setHandover({ accountId: result.handover.accountId, name: p.account.name, promoted: true });
      await invalidateAccount(client, p.account.id);
    },
    onError: async (error) => {
      showServerError(error);
      await refresh();
    },
  });
  const reject = useMutation({
    mutationFn: ({ p, note }: { p: Proposal; note: string }) =>
      api.post<DecisionResult>(`/api/retiering/proposals/${p.id}/reject`, { note: note.trim() || null }),
    onSuccess: async (result) => {
      notifySuccess(t('tiering.retiering.rejected', { name: result.proposal.account.name }));
      setRejecting(null);
      await refresh();
    },
    onError: (error) => showServerError(error),
  });
  const bulk = useMutation({
    mutationFn: (ids: string[]) => api.post<z.infer<typeof BulkApproveResult>>('/api/retiering/proposals/approve-demotions', { ids }),
    onSuccess: async (r) => {
      notifySuccess(t('tiering.retiering.bulkDone', { approved: r.approved, skipped: r.skipped }));
      setSelected([]);
      await Promise.all([
        refresh(),
        client.invalidateQueries({ queryKey: ['account'] }),
        client.invalidateQueries({ queryKey: ['accounts'] }),
      ]);
    },
    onError: (error) => showServerError(error),
  });

  const filtered = !!(direction || debouncedQ);
  const items = proposals.data?.items;
  const empty = items && items.length === 0;
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setOffset(0);
      setSelected([]);
    };

  return (
    <>
      <PageHeader
        title={t('tiering.retiering.title')}
        subtitle={t('tiering.retiering.subtitle')}
        actions={
          <>
            <Button component={Link} to="/settings/scoring" variant="default" leftSection={<IconAdjustments size={16} />}>
              {t('tiering.scoreCard.weightsLink')}
            </Button>
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              onClick={() => run.mutate()}
              loading={run.isPending}
              data-testid="run-retiering"
            >
              {t('tiering.retiering.runNow')}
            </Button>
          </>
        }
      />
      <Text size="sm" c="dimmed" mb="sm" data-testid="last-run">
        {lastRun
          ? lastRun.kind === 'monthly'
            ? t('tiering.retiering.lastRunMonthly', { date: formatDateTime(lastRun.startedAt, lang, me.company.timeZone) })
            : t('tiering.retiering.lastRunBy', {
                date: formatDateTime(lastRun.startedAt, lang, me.company.timeZone),
                name: lastRun.startedBy?.name ?? '—',
              })
          : t('tiering.retiering.neverRun')}{' '}
        {t('tiering.retiering.monthly')}
      </Text>
      <Paper withBorder radius="md">
        <Group gap="sm" p="sm" wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <SegmentedControl
            size="xs"
            value={status}
            onChange={change((v: string) => setStatus(v as Status))}
            data={statuses.map((s) => ({ value: s, label: t(`tiering.retiering.status.${s}`) }))}
            data-testid="status-filter"
          />
          <Select
            size="xs"
            w={220}
            placeholder={t('tiering.retiering.anyDirection')}
            aria-label={t('tiering.retiering.change')}
            data={[
              { value: 'promote', label: t('tiering.retiering.promotions') },
              { value: 'demote', label: t('tiering.retiering.demotions') },
            ]}
            value={direction}
            onChange={change((v: string | null) => setDirection(v as 'promote' | 'demote' | null))}
            clearable
          />
          <TextInput
            size="xs"
            w={240}
            placeholder={t('tiering.retiering.searchPlaceholder')}
            aria-label={t('common.search')}
            leftSection={<IconSearch size={14} />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setOffset(0);
            }}
          />
          {status === 'pending' && selected.length > 0 && (
            <Button
              size="xs"
              color="orange"
              ml="auto"
              onClick={() => bulk.mutate(selected)}
              loading={bulk.isPending}
              data-testid="approve-demotions"
            >
              {t('tiering.retiering.approveDemotions', { n: selected.length })}
            </Button>
          )}
        </Group>
        {empty ? (
          <Empty
            icon={<IconScale size={28} />}
            title={filtered || status !== 'pending' ? t('tiering.retiering.emptyFilteredTitle') : t('tiering.retiering.emptyTitle')}
            text={filtered || status !== 'pending' ? t('tiering.retiering.emptyFilteredText') : t('tiering.retiering.emptyText')}
            action={
              status === 'pending' && !filtered ? (
                <Button variant="light" leftSection={<IconPlayerPlay size={16} />} onClick={() => run.mutate()} loading={run.isPending}>
                  {t('tiering.retiering.runNow')}
                </Button>
              ) : undefined
            }
          />
        ) : (
          <ProposalsTable
            items={items}
            selectable={status === 'pending'}
            selected={selected}
            onSelect={setSelected}
            onApprove={(p) => approve.mutate(p)}
            approving={approve.isPending ? approve.variables?.id : undefined}
            onReject={setRejecting}
            onHandOver={(p) => setHandover({ accountId: p.account.id, name: p.account.name, promoted: false })}
          />
        )}
        <TableFooter offset={offset} limit={LIMIT} total={proposals.data?.total ?? 0} onOffset={setOffset} />
      </Paper>
      <Modal
        opened={!!rejecting}
        onClose={() => setRejecting(null)}
        title={rejecting ? t('tiering.retiering.rejectTitle', { name: rejecting.account.name }) : ''}
        centered
      >
        {rejecting && (
          <RejectForm
            key={rejecting.id}
            loading={reject.isPending}
            onCancel={() => setRejecting(null)}
            onReject={(note) => reject.mutate({ p: rejecting, note })}
          />
        )}
      </Modal>
      {handover && (
        <HandoverDrawer
          accountId={handover.accountId}
          accountName={handover.name}
          opened
          onClose={() => setHandover(null)}
          intro={handover.promoted ? t('tiering.handover.promoted', { name: handover.name }) : undefined}
        />
      )}
    </>
  );
}

function RejectForm({ loading, onCancel, onReject }: { loading: boolean; onCancel: () => void; onReject: (note: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onReject(note);
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('tiering.retiering.rejectText')}
        </Text>
        <Textarea
          label={t('tiering.retiering.reason')}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={loading} data-testid="confirm-reject">
            {t('tiering.retiering.reject')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
