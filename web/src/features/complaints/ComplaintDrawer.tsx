import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Divider,
  Drawer,
  Group,
  Radio,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconBell,
  IconCheck,
  IconCircleCheck,
  IconClockPause,
  IconClockPlay,
  IconEdit,
  IconInbox,
  IconMail,
  IconMessageReply,
  IconPencil,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { formatDateTime } from '../../i18n/format';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { Field } from '../interactions/InteractionDrawer';
import { type Person, PersonPicker } from '../tiering/PersonPicker';
import { ClockBar, LegalBadge, useNow } from './clocks';
import { JustifiedBadge, SeverityBadge, StatusBadge } from './ComplaintsTable';
import { type ComplaintDetail, type ComplaintSeverity, complaintsApi, useComplaint, useComplaintAction } from './complaintsApi';

type Panel = null | 'reply' | 'wait' | 'resolve' | 'reopen' | 'edit';

/** One complaint: its clocks, what to do next by its state, and its story. */
export function ComplaintDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const one = useComplaint(id);
  const c = one.data;
  return (
    <Drawer
      opened={!!id}
      onClose={onClose}
      position="right"
      size="xl"
      title={c ? `${t('service.drawer.title')} ${c.reference}` : t('service.drawer.title')}
      data-testid="complaint-drawer"
    >
      {one.isError ? (
        <Text c="red">{errorMessage(one.error)}</Text>
      ) : !c ? (
        <Stack>
          <Skeleton h={24} />
          <Skeleton h={120} />
        </Stack>
      ) : (
        <Detail key={c.id} c={c} onClose={onClose} />
      )}
    </Drawer>
  );
}

function Detail({ c, onClose }: { c: ComplaintDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const now = useNow();
  const lang = i18n.resolvedLanguage ?? 'en';
  const tz = me.company.timeZone;
  const [panel, setPanel] = useState<Panel>(null);
  const done = () => setPanel(null);
  const open = c.status !== 'resolved' && c.status !== 'closed';
  const wait = useComplaintAction((waiting: boolean) => complaintsApi.waiting(c.id, waiting), done);
  const confirm = useComplaintAction(
    () => complaintsApi.confirm(c.id),
    () => notifySuccess(t('service.actions.confirmed')),
  );

  return (
    <Stack gap="md" data-testid="complaint-detail" data-status={c.status}>
      <Group gap="xs">
        <StatusBadge c={c} />
        <SeverityBadge c={c} />
        <LegalBadge c={c} now={now} />
        {c.justified !== null && <JustifiedBadge value={c.justified} />}
      </Group>
      <Title order={3} fz="lg">
        {c.subject ?? c.category ?? t('service.noCategory')}
      </Title>
      <Group gap="xl" align="flex-start">
        <Field label={t('service.drawer.account')}>
          <AccountAnchor accountId={c.account.id} size="sm" onClick={onClose}>
            {c.account.name}
          </AccountAnchor>
        </Field>
        <Field label={t('service.detail.handler')}>{c.handler?.name ?? t('service.list.unassigned')}</Field>
        <Field label={t('service.detail.contact')}>
          {c.contact.name || c.contact.email ? (
            <>
              {c.contact.name}
              {c.contact.email && (
                <Anchor href={`mailto:${c.contact.email}`} size="sm" ml={c.contact.name ? 6 : 0}>
                  {c.contact.email}
                </Anchor>
              )}
            </>
          ) : (
            '—'
          )}
        </Field>
        <Field label={t('service.drawer.received')}>
          {formatDateTime(c.receivedAt, lang, tz)} · {t(`service.channels.${c.channel}`)}
        </Field>
        {c.orderId && <Field label={t('service.detail.orderId')}>{c.orderId}</Field>}
        {c.product && <Field label={t('service.detail.product')}>{c.product.name}</Field>}
        {c.category && <Field label={t('service.drawer.category')}>{c.category}</Field>}
      </Group>

      <Card withBorder radius="md" padding="md">
        <Stack gap="md">
          <ClockBar c={c} clock="response" now={now} />
          <ClockBar c={c} clock="resolution" now={now} />
        </Stack>
      </Card>

      {c.canWork ? (
        <Group gap="xs" data-testid="complaint-actions">
          {open && (
            <Button size="sm" leftSection={<IconMessageReply size={15} />} onClick={() => setPanel('reply')}>
              {t('service.actions.reply')}
            </Button>
          )}
          {open &&
            (c.status === 'waiting_client' ? (
              <Button
                size="sm"
                variant="light"
                leftSection={<IconClockPlay size={15} />}
                loading={wait.isPending}
                onClick={() => wait.mutate(false, { onError: (e) => showServerError(e) })}
              >
                {t('service.actions.back')}
              </Button>
            ) : (
              <Button
                size="sm"
                variant="light"
                leftSection={<IconClockPause size={15} />}
                loading={wait.isPending}
                onClick={() => wait.mutate(true, { onError: (e) => showServerError(e) })}
              >
                {t('service.actions.wait')}
              </Button>
            ))}
          {open && (
            <Button size="sm" variant="light" color="teal" leftSection={<IconCheck size={15} />} onClick={() => setPanel('resolve')}>
              {t('service.actions.resolve')}
            </Button>
          )}
          {c.status === 'resolved' && (
            <Button
              size="sm"
              color="teal"
              leftSection={<IconCircleCheck size={15} />}
              loading={confirm.isPending}
              onClick={() => confirm.mutate(undefined, { onError: (e) => showServerError(e) })}
            >
              {t('service.actions.confirm')}
            </Button>
          )}
          {!open && (
            <Button size="sm" variant="light" color="orange" leftSection={<IconArrowBackUp size={15} />} onClick={() => setPanel('reopen')}>
              {t('service.actions.reopen')}
            </Button>
          )}
          <Button size="sm" variant="subtle" leftSection={<IconPencil size={15} />} onClick={() => setPanel('edit')}>
            {t('service.detail.edit')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('service.detail.readOnly')}
        </Text>
      )}
      {panel === 'reply' && <ReplyForm c={c} onDone={done} />}
      {panel === 'resolve' && <ResolveForm c={c} onDone={done} />}
      {panel === 'reopen' && <ReopenForm c={c} onDone={done} />}
      {panel === 'edit' && <EditForm c={c} onDone={done} />}

      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('service.detail.description')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={c.description ? undefined : 'dimmed'}>
          {c.description || t('service.detail.noDescription')}
        </Text>
      </div>

      {c.rootCause && (
        <Card withBorder radius="md" padding="md" data-testid="complaint-resolution">
          <Text size="sm" fw={600} mb="xs">
            {t('service.detail.resolution')}
          </Text>
          <Stack gap={6}>
            <Field label={t('service.detail.rootCause')}>{c.rootCause}</Field>
            {c.correctiveAction && <Field label={t('service.detail.correctiveAction')}>{c.correctiveAction}</Field>}
            {c.resolution && <Field label={t('service.detail.resolutionText')}>{c.resolution}</Field>}
          </Stack>
        </Card>
      )}

      <Divider label={t('service.detail.story')} labelPosition="left" />
      <Story c={c} />
    </Stack>
  );
}

function PanelCard({ children }: { children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md" bg="var(--mantine-color-default-hover)">
      {children}
    </Card>
  );
}

function Buttons({ onCancel, submit, loading, testId }: { onCancel: () => void; submit: string; loading: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" size="sm" onClick={onCancel}>
        {t('service.actions.cancel')}
      </Button>
      <Button type="submit" size="sm" loading={loading} data-testid={testId}>
        {submit}
      </Button>
    </Group>
  );
}

function ReplyForm({ c, onDone }: { c: ComplaintDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { message: '', toClient: !!c.contact.email },
    validate: { message: (v) => (v.trim() ? null : t('service.form.required')) },
  });
  const reply = useComplaintAction(
    (v: { message: string; toClient: boolean }) => complaintsApi.reply(c.id, v.message.trim(), v.toClient),
    () => {
      notifySuccess(t('service.actions.replied'));
      onDone();
    },
  );
  return (
    <PanelCard>
      <form onSubmit={form.onSubmit((v) => reply.mutate(v, { onError: (e) => showServerError(e, form) }))} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('service.actions.reply')}
            placeholder={t('service.actions.replyPlaceholder')}
            autosize
            minRows={3}
            autoFocus
            withAsterisk
            {...form.getInputProps('message')}
          />
          <Checkbox
            label={t('service.actions.toClient')}
            disabled={!c.contact.email}
            description={c.contact.email ?? undefined}
            {...form.getInputProps('toClient', { type: 'checkbox' })}
          />
          <Buttons onCancel={onDone} submit={t('service.actions.send')} loading={reply.isPending} testId="reply-submit" />
        </Stack>
      </form>
    </PanelCard>
  );
}

function ResolveForm({ c, onDone }: { c: ComplaintDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      justified: '' as '' | 'yes' | 'no',
      rootCause: c.rootCause ?? '',
      correctiveAction: c.correctiveAction ?? '',
      resolution: '',
    },
    validate: {
      justified: (v) => (v ? null : t('service.form.required')),
      rootCause: (v) => (v.trim() ? null : t('service.form.required')),
      resolution: (v) => (v.trim() ? null : t('service.form.required')),
    },
  });
  const resolve = useComplaintAction(
    (v: typeof form.values) =>
      complaintsApi.resolve(c.id, {
        justified: v.justified === 'yes',
        rootCause: v.rootCause.trim(),
        correctiveAction: v.correctiveAction.trim() || undefined,
        resolution: v.resolution.trim(),
      }),
    () => {
      notifySuccess(t('service.actions.resolved'));
      onDone();
    },
  );
  return (
    <PanelCard>
      <form
        onSubmit={form.onSubmit((v) => resolve.mutate(v, { onError: (e) => showServerError(e, form) }))}
        noValidate
        data-testid="resolve-form"
      >
        <Stack gap="sm">
          <Radio.Group label={t('service.actions.justified')} withAsterisk {...form.getInputProps('justified')}>
            <Group mt={6}>
              <Radio value="yes" label={t('service.actions.yes')} />
              <Radio value="no" label={t('service.actions.no')} />
            </Group>
          </Radio.Group>
          <Textarea label={t('service.actions.rootCause')} autosize minRows={2} withAsterisk {...form.getInputProps('rootCause')} />
          <Textarea label={t('service.actions.correctiveAction')} autosize minRows={2} {...form.getInputProps('correctiveAction')} />
          <Textarea label={t('service.actions.resolution')} autosize minRows={2} withAsterisk {...form.getInputProps('resolution')} />
          <Buttons onCancel={onDone} submit={t('service.actions.resolveSubmit')} loading={resolve.isPending} testId="resolve-submit" />
        </Stack>
      </form>
    </PanelCard>
  );
}

function ReopenForm({ c, onDone }: { c: ComplaintDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim() ? null : t('service.form.required')) },
  });
  const reopen = useComplaintAction((v: { reason: string }) => complaintsApi.reopen(c.id, v.reason.trim()), onDone);
  return (
    <PanelCard>
      <form onSubmit={form.onSubmit((v) => reopen.mutate(v, { onError: (e) => showServerError(e, form) }))} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('service.actions.reopenReason')}
            autosize
            minRows={2}
            autoFocus
            withAsterisk
            {...form.getInputProps('reason')}
          />
          <Buttons onCancel={onDone} submit={t('service.actions.reopenSubmit')} loading={reopen.isPending} />
        </Stack>
      </form>
    </PanelCard>
  );
}

function EditForm({ c, onDone }: { c: ComplaintDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState<ComplaintSeverity>(c.severity);
  const [legalClaim, setLegalClaim] = useState(c.legalClaim);
  const [handler, setHandler] = useState<Person | null>(c.handler);
  const save = useComplaintAction(
    () =>
      complaintsApi.patch(c.id, {
        ...(severity !== c.severity && { severity }),
        ...(legalClaim !== c.legalClaim && { legalClaim }),
        ...(handler && handler.id !== c.handler?.id && { handlerId: handler.id }),
      }),
    () => {
      notifySuccess(t('service.detail.saved'));
      onDone();
    },
  );
  return (
    <PanelCard>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined, { onError: (err) => showServerError(err) });
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('service.form.severity')}
            data={(['low', 'normal', 'high', 'critical'] as const).map((s) => ({ value: s, label: t(`service.severities.${s}`) }))}
            value={severity}
            onChange={(v) => v && setSeverity(v as ComplaintSeverity)}
            allowDeselect={false}
          />
          <PersonPicker
            accountId={c.account.id}
            purpose="owner"
            value={handler}
            onChange={setHandler}
            label={t('service.detail.handler')}
          />
          <Checkbox
            label={t('service.form.legalClaim')}
            description={t('service.form.legalClaimHint')}
            checked={legalClaim}
            onChange={(e) => setLegalClaim(e.currentTarget.checked)}
          />
          <Buttons onCancel={onDone} submit={t('service.actions.save')} loading={save.isPending} />
        </Stack>
      </form>
    </PanelCard>
  );
}

const eventIcons: Record<string, ReactNode> = {
  received: <IconInbox size={13} />,
  acknowledged: <IconMail size={13} />,
  replied: <IconMessageReply size={13} />,
  paused: <IconClockPause size={13} />,
  resumed: <IconClockPlay size={13} />,
  warned: <IconBell size={13} />,
  breached: <IconAlertTriangle size={13} />,
  resolved: <IconCheck size={13} />,
  confirmed: <IconCircleCheck size={13} />,
  reopened: <IconArrowBackUp size={13} />,
  client_replied: <IconMail size={13} />,
  updated: <IconEdit size={13} />,
};

/** The event in words: who did what. */
export function eventText(e: ComplaintDetail['events'][number], t: TFunction): string {
  const d = e.data as Record<string, unknown>;
  const actor = e.actor?.name ?? t('service.events.system');
  const clock = typeof d.clock === 'string' ? t(`service.events.clocks.${d.clock}`, { defaultValue: d.clock }) : '';
  switch (e.kind) {
    case 'received':
      return t('service.events.received', {
        channel: t(`service.channels.${String(d.channel ?? 'web')}`, { defaultValue: String(d.channel) }),
      });
    case 'acknowledged':
      return t('service.events.acknowledged', { to: String(d.to ?? '') });
    case 'replied':
      return t(d.toClient ? 'service.events.repliedToClient' : 'service.events.replied', { actor });
    case 'paused':
      return t('service.events.paused', { actor });
    case 'resumed':
      return d.by === 'client_reply' ? t('service.events.resumedByClient') : t('service.events.resumed', { actor });
    case 'warned':
      return t('service.events.warned', { clock });
    case 'breached':
      return t('service.events.breached', { clock });
    case 'resolved':
      return t('service.events.resolved', { actor, justified: t(`service.events.justified.${d.justified ? 'true' : 'false'}`) });
    case 'confirmed':
      return t('service.events.confirmed', { actor });
    case 'reopened':
      return t('service.events.reopened', { actor });
    case 'client_replied':
      return t('service.events.client_replied', { from: String(d.from ?? '') });
    case 'updated':
      return t('service.events.updated', {
        actor,
        fields: Object.keys(d)
          .map((k) => t(`service.events.fields.${k}`, { defaultValue: k }))
          .join(', '),
      });
    default:
      return t('service.events.other', { kind: e.kind });
  }
}

/** What the event carries that a reader wants: the reply, the note, the reason, the root cause. */
function eventNote(e: ComplaintDetail['events'][number]): string | null {
  const d = e.data as Record<string, unknown>;
  const v = d.message ?? d.note ?? d.reason ?? d.rootCause ?? d.text;
  return typeof v === 'string' && v ? v : null;
}

function Story({ c }: { c: ComplaintDetail }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const events = [...c.events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <Timeline bulletSize={24} lineWidth={2} active={events.length} data-testid="complaint-story">
      {events.map((e) => {
        const note = eventNote(e);
        const bad = e.kind === 'breached';
        return (
          <Timeline.Item
            key={e.id}
            bullet={eventIcons[e.kind] ?? <IconEdit size={13} />}
            color={bad ? 'red' : e.kind === 'warned' ? 'orange' : e.kind === 'resolved' || e.kind === 'confirmed' ? 'teal' : undefined}
            title={
              <Text size="sm" fw={500} c={bad ? 'red.7' : undefined} data-testid={`event-${e.kind}`}>
                {eventText(e, t)}
              </Text>
            }
          >
            {note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                {note}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(e.kind === 'received' ? c.receivedAt : e.createdAt, lang, me.company.timeZone)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
