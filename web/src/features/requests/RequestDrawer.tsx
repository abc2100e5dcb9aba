import { Alert, Badge, Button, Drawer, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconHandGrab, IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { formatDateTime, formatDay } from '../../i18n/format';
import { showServerError } from '../../ui/formErrors';
import { TierBadge } from '../accounts/badges';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { Field } from '../interactions/InteractionDrawer';
import { AttachmentsPanel } from '../../ui/AttachmentsPanel';
import { SlaClock } from './SlaClock';
import {
  type RequestDetail,
  type RequestEvent,
  type RequestStatus,
  isOpenStatus,
  statusColors,
  useRequest,
  useRequestAssignees,
  useRequestChange,
} from './requestsApi';

/** One request: details, its SLA clock, what the caller may do, files, and its history with comments. */
export function RequestDrawer({ id, onClose, onEdit }: { id: string | null; onClose: () => void; onEdit: (r: RequestDetail) => void }) {
  const { t } = useTranslation();
  const one = useRequest(id);
  const request = one.data;
  return (
    <Drawer
      opened={!!id}
      onClose={onClose}
      position="right"
      size="lg"
      title={request ? t('requests.drawer.title', { reference: request.reference }) : ''}
      data-testid="request-drawer"
    >
      {one.isError ? (
        <Text c="red">{errorMessage(one.error)}</Text>
      ) : !request ? (
        <Stack>
          <Skeleton h={24} />
          <Skeleton h={120} />
        </Stack>
      ) : (
        <RequestBody request={request} onClose={onClose} onEdit={onEdit} />
      )}
    </Drawer>
  );
}

function RequestBody({ request, onClose, onEdit }: { request: RequestDetail; onClose: () => void; onEdit: (r: RequestDetail) => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const tz = me.company.timeZone;
  const id = request.id;
  const [comment, setComment] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const status = useRequestChange((body: { status: RequestStatus; reason?: string }) =>
    api.post<RequestDetail>(`/api/requests/${id}/status`, body),
  );
  const assign = useRequestChange((assigneeId: string | null | undefined) =>
    api.post<RequestDetail>(`/api/requests/${id}/assign`, assigneeId === undefined ? {} : { assigneeId }),
  );
  const send = useRequestChange(
    (body: string) => api.post<RequestDetail>(`/api/requests/${id}/comments`, { body }),
    () => setComment(''),
  );
  const assignees = useRequestAssignees(id, request.can.work);
  const move = (s: RequestStatus, why?: string) =>
    status.mutate(
      { status: s, ...(why ? { reason: why } : {}) },
      { onError: (e) => showServerError(e), onSuccess: () => setRejecting(false) },
    );
  const mine = request.assignee?.id === me.id;
  const isDepartment = me.role === 'department';
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="dot" color={statusColors[request.status]} size="lg" data-testid="request-status">
          {t(`requests.statuses.${request.status}`)}
        </Badge>
        <Badge variant="light" color="gray">
          {t(`requests.departments.${request.department}`)}
        </Badge>
        <Badge variant="light" color="gray">
          {t(`requests.types.${request.type}`, { defaultValue: request.type })}
        </Badge>
        <SlaClock request={request} />
      </Group>
      <Text fw={600} fz="lg">
        {request.title}
      </Text>
      {request.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {request.description}
        </Text>
      )}
      <SimpleGrid cols={2} spacing="sm">
        <Field label={t('requests.columns.account')}>
          <Group gap={6}>
            {isDepartment ? (
              request.account.name
            ) : (
              <AccountAnchor accountId={request.account.id} size="sm" onClick={onClose}>
                {request.account.name}
              </AccountAnchor>
            )}
            <TierBadge tier={request.account.tier as 'key'} />
          </Group>
          {request.account.owner && (
            <Text size="xs" c="dimmed">
              {request.account.owner.name}
            </Text>
          )}
        </Field>
        <Field label={t('requests.columns.requester')}>{request.requestedBy.name}</Field>
        <Field label={t('requests.drawer.raised')}>{formatDateTime(request.createdAt, lang, tz)}</Field>
        <Field label={t('requests.drawer.deadline')}>
          {request.dueAt ? formatDateTime(request.dueAt, lang, tz) : t('requests.sla.none')}
        </Field>
        {request.dueDate && <Field label={t('requests.drawer.needBy')}>{formatDay(request.dueDate, lang)}</Field>}
        <Field label={t('requests.columns.assignee')}>{request.assignee?.name ?? t('requests.unassigned')}</Field>
      </SimpleGrid>

      {request.can.work && (
        <Stack gap="xs" data-testid="request-actions">
          <Group gap="xs">
            {!mine && (
              <Button
                size="xs"
                leftSection={<IconHandGrab size={14} />}
                loading={assign.isPending}
                onClick={() => assign.mutate(undefined, { onError: (e) => showServerError(e) })}
                data-testid="request-take"
              >
                {t('requests.drawer.take')}
              </Button>
            )}
            {request.status !== 'in_progress' && (mine || request.status === 'waiting') && (
              <Button size="xs" variant="default" leftSection={<IconPlayerPlay size={14} />} onClick={() => move('in_progress')}>
                {t('requests.drawer.start')}
              </Button>
            )}
            {request.status !== 'waiting' && (
              <Button size="xs" variant="default" leftSection={<IconPlayerPause size={14} />} onClick={() => move('waiting')}>
                {t('requests.drawer.wait')}
              </Button>
            )}
            <Button size="xs" color="green" leftSection={<IconCheck size={14} />} onClick={() => move('done')} data-testid="request-done">
              {t('requests.drawer.done')}
            </Button>
            <Button size="xs" color="red" variant="light" leftSection={<IconX size={14} />} onClick={() => setRejecting((r) => !r)}>
              {t('requests.drawer.reject')}
            </Button>
          </Group>
          {rejecting && (
            <Group align="flex-end" gap="xs">
              <Textarea
                style={{ flex: 1 }}
                label={t('requests.drawer.rejectReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={2000}
                data-autofocus
              />
              <Button color="red" size="xs" disabled={!reason.trim()} onClick={() => move('rejected', reason.trim())}>
                {t('requests.drawer.rejectConfirm')}
              </Button>
            </Group>
          )}
          {(assignees.data?.items.length ?? 0) > 1 && (
            <Select
              size="xs"
              w={260}
              label={t('requests.drawer.assignTo')}
              data={(assignees.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={request.assignee?.id ?? null}
              onChange={(v) => assign.mutate(v, { onError: (e) => showServerError(e) })}
              clearable
            />
          )}
        </Stack>
      )}
      {(request.can.edit || request.can.cancel) && (
        <Group gap="xs">
          {request.can.edit && (
            <Button size="xs" variant="default" onClick={() => onEdit(request)}>
              {t('requests.drawer.edit')}
            </Button>
          )}
          {request.can.cancel && (
            <Button
              size="xs"
              color="red"
              variant="subtle"
              onClick={() => {
                if (window.confirm(t('requests.drawer.confirmCancel'))) move('cancelled');
              }}
            >
              {t('requests.drawer.cancel')}
            </Button>
          )}
        </Group>
      )}
      {!request.can.work && !request.can.cancel && isOpenStatus(request.status) && (
        <Alert color="gray">{t('requests.drawer.watching')}</Alert>
      )}

      <AttachmentsPanel
        ns="requests"
        url={`/api/requests/${request.id}/attachments`}
        files={request.attachments}
        mayAttach={request.can.work || request.can.cancel || request.can.edit}
        queryKey={['requests', 'one', request.id]}
        testId="request"
      />

      <Text fw={600}>{t('requests.drawer.history')}</Text>
      <Stack gap="xs" data-testid="request-history">
        {request.events.map((e) => (
          <EventItem key={e.id} e={e} mine={e.actor?.id === me.id} />
        ))}
      </Stack>
      {request.can.comment && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) send.mutate(comment.trim(), { onError: (err) => showServerError(err) });
          }}
        >
          <Stack gap="xs">
            <Textarea
              aria-label={t('requests.drawer.comment')}
              placeholder={t('requests.drawer.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={send.isPending} disabled={!comment.trim()}>
                {t('requests.drawer.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function EventItem({ e, mine }: { e: RequestEvent; mine: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const tz = useCurrentUser().company.timeZone;
  const d = e.data as Record<string, unknown>;
  const when = (
    <Text size="xs" c="dimmed">
      {formatDateTime(e.createdAt, lang, tz)}
    </Text>
  );
  if (e.kind === 'comment')
    return (
      <Paper withBorder p="xs" radius="sm" bg={mine ? 'var(--mantine-color-blue-light)' : undefined}>
        <Group justify="space-between" gap="xs">
          <Text size="xs" fw={600}>
            {e.actor?.name ?? '—'}
          </Text>
          {when}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {String(d.body ?? '')}
        </Text>
      </Paper>
    );
  if (e.kind === 'warned' || e.kind === 'breached')
    return (
      <Group gap="xs" wrap="nowrap">
        <IconAlertTriangle size={14} color={e.kind === 'breached' ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-orange-6)'} />
        <Text size="sm" c={e.kind === 'breached' ? 'red' : 'orange'}>
          {t(`requests.drawer.events.${e.kind}`)}
        </Text>
        {when}
      </Group>
    );
  const status = (s: unknown) => t(`requests.statuses.${String(s)}`, { defaultValue: String(s) }).toLowerCase();
  const assignee = d.assignee as { name?: string } | null | undefined;
  const text =
    e.kind === 'status'
      ? d.reason
        ? t('requests.drawer.events.statusReason', { status: status(d.to), reason: String(d.reason) })
        : t('requests.drawer.events.status', { status: status(d.to) })
      : e.kind === 'assigned'
        ? assignee?.name
          ? e.actor && (assignee as { id?: string }).id === e.actor.id
            ? t('requests.drawer.events.took')
            : t('requests.drawer.events.assigned', { name: assignee.name })
          : t('requests.drawer.events.unassigned')
        : e.kind === 'attachment'
          ? t('requests.drawer.events.attachment', { name: String(d.fileName ?? '') })
          : e.kind === 'edited'
            ? t('requests.drawer.events.edited')
            : t('requests.drawer.events.raised');
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm">
        <b>{e.actor?.name ?? '—'}</b> {text}
      </Text>
      {when}
    </Group>
  );
}
