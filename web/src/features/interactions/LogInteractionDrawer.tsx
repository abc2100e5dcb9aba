import {
  Button,
  Checkbox,
  Chip,
  Collapse,
  Drawer,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { DayInput } from '../plans/planUi';
import { AccountPicker } from './AccountPicker';
import {
  closeLogDrawer,
  type InteractionDetail,
  type InteractionType,
  interactionWrites,
  kindOf,
  type LogKind,
  type LogRequest,
  logKinds,
  typeOfKind,
  useAccountContacts,
  useChecklists,
  useInteractionWrite,
  useLogRequest,
} from './logApi';
import { instantOf, wallOf } from './zoned';

const nextTypes: InteractionType[] = ['visit', 'call', 'meeting', 'presentation', 'negotiation', 'training', 'email'];
const PICKER_FORMAT = { en: 'MMM D, YYYY HH:mm', ru: 'DD.MM.YYYY HH:mm' } as const;

/** A Mantine date-time value (local wall time) ↔ an instant. */
/** A picker value is the company's wall time ("2026-11-30 10:00:00") ↔ an instant. */
const toPicker = (d: Date | string | null | undefined, tz: string) => (d ? wallOf(d, tz) : null);
const toInstant = (v: string | null, tz: string) => (v ? instantOf(v, tz).toISOString() : undefined);

function usePickerProps() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  return { valueFormat: PICKER_FORMAT[lang], locale: lang, popoverProps: { withinPortal: true } };
}

/** Ctrl/⌘+Enter submits the drawer's form from any field. */
function submitOnModEnter(submit: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
}

/** The one log drawer of the app, opened through `openLogDrawer` (palette, account page, plan, lists). */
export function GlobalLogDrawer() {
  const request = useLogRequest();
  return <LogInteractionDrawer request={request} onClose={closeLogDrawer} />;
}

/** Logs or plans an interaction, or marks a planned one done, moves or cancels it. */
export function LogInteractionDrawer({
  request,
  onClose,
  onDone,
}: {
  request: LogRequest | null;
  onClose: () => void;
  onDone?: (saved: InteractionDetail | null) => void;
}) {
  const { t } = useTranslation();
  const title = !request
    ? ''
    : request.mode === 'new'
      ? request.status === 'planned'
        ? t('interactions.log.titlePlan')
        : t('interactions.log.titleLog')
      : request.mode === 'complete'
        ? t('interactions.log.titleComplete')
        : request.mode === 'move'
          ? t('interactions.log.titleMove')
          : t('interactions.log.titleCancel');
  const done = (saved: InteractionDetail | null) => {
    onDone?.(saved);
    onClose();
  };
  return (
    <Drawer
      opened={!!request}
      onClose={onClose}
      position="right"
      size={request?.mode === 'move' || request?.mode === 'cancel' ? 'sm' : 'md'}
      title={title}
      data-testid="log-drawer"
    >
      {request?.mode === 'new' && <LogForm key={JSON.stringify(request)} request={request} onDone={done} onCancel={onClose} />}
      {request?.mode === 'complete' && <LogForm key={`c${request.item.id}`} request={request} onDone={done} onCancel={onClose} />}
      {request?.mode === 'move' && <MoveForm key={request.item.id} item={request.item} onDone={done} onCancel={onClose} />}
      {request?.mode === 'cancel' && <CancelForm key={request.item.id} item={request.item} onDone={done} onCancel={onClose} />}
    </Drawer>
  );
}

interface Values {
  accountId: string | null;
  kind: LogKind;
  status: 'planned' | 'done';
  at: string | null;
  duration: number | string;
  contactIds: string[];
  subject: string;
  outcome: string;
  nextStep: string;
  withTask: boolean;
  taskTitle: string;
  taskDue: string | null;
  withNext: boolean;
  nextType: InteractionType;
  nextAt: string | null;
  checklist: Record<string, boolean>;
}

function initialValues(request: Extract<LogRequest, { mode: 'new' | 'complete' }>, tz: string): Values {
  const base: Values = {
    accountId: null,
    kind: 'call',
    status: 'done',
    at: toPicker(new Date(), tz),
    duration: 30,
    contactIds: [],
    subject: '',
    outcome: '',
    nextStep: '',
    withTask: false,
    taskTitle: '',
    taskDue: null,
    withNext: false,
    nextType: 'visit',
    nextAt: null,
    checklist: {},
  };
  if (request.mode === 'new') {
    const kind = request.kind ?? 'call';
    return {
      ...base,
      accountId: request.accountId ?? null,
      kind,
      status: request.status ?? 'done',
      at: toPicker(request.at ?? roundedNow(request.status === 'planned'), tz),
      duration: request.durationMinutes ?? defaultDuration(kind),
    };
  }
  const i = request.item;
  return {
    ...base,
    accountId: i.account.id,
    kind: kindOf(i.type, i.checklistKind),
    status: 'done',
    // done ahead of its time: it happened now (an interaction cannot be done in the future)
    at: toPicker(new Date(i.occurredAt).getTime() > Date.now() ? roundedNow(false) : i.occurredAt, tz),
    duration: i.durationMinutes ?? 30,
    contactIds: i.contacts.map((c) => c.id),
    subject: i.subject ?? '',
    nextStep: i.nextStep ?? '',
    checklist: Object.fromEntries((i.checklist ?? []).map((a) => [a.item, a.done])),
  };
}

const defaultDuration = (kind: LogKind) => (kind === 'call' || kind === 'email' ? 15 : 60);

/** Now, or for a plan the next whole hour. */
function roundedNow(planned: boolean): Date {
  const d = new Date();
  d.setSeconds(0, 0);
  if (planned) d.setHours(d.getHours() + 1, 0);
  return d;
}

function LogForm({
  request,
  onDone,
  onCancel,
}: {
  request: Extract<LogRequest, { mode: 'new' | 'complete' }>;
  onDone: (saved: InteractionDetail | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const picker = usePickerProps();
  const tz = useCurrentUser().company.timeZone;
  const [v, setV] = useState<Values>(() => initialValues(request, tz));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<Values>) => setV((old) => ({ ...old, ...patch }));
  const completing = request.mode === 'complete';
  const planned = !completing && v.status === 'planned';
  const { checklistKind, type } = typeOfKind(v.kind);
  const contacts = useAccountContacts(v.accountId);
  const checklists = useChecklists(!!checklistKind);
  const template = checklists.data?.items.find((c) => c.kind === checklistKind);
  const checklistItems = template ? [...new Set([...template.items, ...Object.keys(v.checklist)])] : Object.keys(v.checklist);

  const write = useInteractionWrite((body: Record<string, unknown>) =>
    completing ? interactionWrites.complete(request.item.id, body as never) : interactionWrites.create(body as never),
  );

  const submit = () => {
    const e: Record<string, string> = {};
    if (!v.accountId) e.accountId = t('interactions.log.accountRequired');
    if (!v.at) e.occurredAt = t('interactions.log.whenRequired');
    if (completing && !v.outcome.trim()) e.outcome = t('interactions.log.outcomeRequired');
    if (!planned && v.withTask && !v.taskTitle.trim()) e['nextTask.title'] = t('interactions.log.taskTitleRequired');
    if (!planned && v.withNext && !v.nextAt) e['nextInteraction.occurredAt'] = t('interactions.log.whenRequired');
    setErrors(e);
    if (Object.keys(e).length) return;
    const duration = typeof v.duration === 'number' ? v.duration : undefined;
    const checklist = checklistKind ? checklistItems.map((item) => ({ item, done: !!v.checklist[item] })) : undefined;
    const details = {
      subject: v.subject.trim() || undefined,
      outcome: planned ? undefined : v.outcome.trim() || undefined,
      nextStep: planned ? undefined : v.nextStep.trim() || undefined,
      durationMinutes: duration,
      contactIds: v.contactIds,
      checklistKind,
      checklist: planned ? undefined : checklist,
      nextTask: !planned && v.withTask ? { title: v.taskTitle.trim(), dueDate: v.taskDue ?? undefined, priority: 'normal' } : undefined,
      nextInteraction: !planned && v.withNext && v.nextAt ? { type: v.nextType, occurredAt: toInstant(v.nextAt, tz) } : undefined,
    };
    const body = completing
      ? { ...details, occurredAt: v.at !== toPicker(request.item.occurredAt, tz) ? toInstant(v.at, tz) : undefined }
      : {
          ...details,
          accountId: v.accountId,
          type,
          status: v.status,
          occurredAt: toInstant(v.at, tz),
          userId: request.userId,
        };
    write.mutate(body, {
      onSuccess: (saved) => {
        notifySuccess(
          completing ? t('interactions.log.completed') : planned ? t('interactions.log.plannedOk') : t('interactions.log.logged'),
        );
        onDone(saved ?? null);
      },
      onError: (err) => showServerError(err, { setFieldError: (path, msg) => setErrors((old) => ({ ...old, [path]: msg })) }),
    });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={submitOnModEnter(submit)}
      data-testid="log-form"
    >
      <Stack gap="sm">
        <AccountPicker
          label={t('interactions.log.account')}
          value={v.accountId}
          onChange={(id) => set({ accountId: id, contactIds: [] })}
          error={errors.accountId}
          disabled={completing || (request.mode === 'new' && request.lockAccount)}
          required
          data-autofocus={!v.accountId || undefined}
          data-testid="log-account"
        />
        {!completing && (
          <SegmentedControl
            data={[
              { value: 'done', label: t('interactions.log.done') },
              { value: 'planned', label: t('interactions.log.planned') },
            ]}
            value={v.status}
            onChange={(s) => set({ status: s as 'planned' | 'done' })}
            aria-label={t('interactions.log.status')}
            data-testid="log-status"
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('interactions.log.kind')}
          </Text>
          <Chip.Group
            multiple={false}
            value={v.kind}
            onChange={(k) => {
              const kind = k as LogKind;
              // the duration follows the kind until the person changes it
              set({ kind, ...(v.duration === defaultDuration(v.kind) && { duration: defaultDuration(kind) }) });
            }}
          >
            <Group gap={6}>
              {logKinds.map((k) => (
                <Chip
                  key={k}
                  value={k}
                  size="xs"
                  disabled={completing && k !== v.kind && typeOfKind(k).type !== type}
                  data-testid={`kind-${k}`}
                >
                  {t(`interactions.log.kinds.${k}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <Group grow align="flex-start">
          <DateTimePicker
            label={t('interactions.log.when')}
            value={v.at}
            onChange={(at) => set({ at })}
            error={errors.occurredAt}
            required
            {...picker}
            data-testid="log-when"
          />
          <NumberInput
            label={t('interactions.log.duration')}
            value={v.duration}
            onChange={(d) => set({ duration: d })}
            min={5}
            max={1440}
            step={15}
            maw={150}
          />
        </Group>
        <MultiSelect
          label={t('interactions.log.contacts')}
          placeholder={v.contactIds.length ? undefined : t('interactions.log.contactsPlaceholder')}
          data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.fullName} · ${c.title}` : c.fullName }))}
          value={v.contactIds}
          onChange={(ids) => set({ contactIds: ids })}
          disabled={!v.accountId}
          nothingFoundMessage={t('interactions.log.noContacts')}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          error={errors.contactIds}
        />
        <TextInput
          label={t('interactions.log.subject')}
          placeholder={t('interactions.log.subjectPlaceholder')}
          value={v.subject}
          onChange={(e) => set({ subject: e.currentTarget.value })}
          maxLength={200}
          error={errors.subject}
          data-autofocus={v.accountId ? true : undefined}
          data-testid="log-subject"
        />
        {!planned && (
          <>
            <Textarea
              label={t('interactions.log.outcome')}
              placeholder={t('interactions.log.outcomePlaceholder')}
              value={v.outcome}
              onChange={(e) => set({ outcome: e.currentTarget.value })}
              autosize
              minRows={3}
              maxLength={4000}
              required={completing}
              error={errors.outcome}
              data-testid="log-outcome"
            />
            {checklistKind && checklistItems.length > 0 && (
              <Paper withBorder p="sm" radius="md" data-testid="log-checklist">
                <Text size="sm" fw={500}>
                  {t('interactions.log.checklist')}
                </Text>
                <Text size="xs" c="dimmed" mb={6}>
                  {t('interactions.log.checklistHint')}
                </Text>
                <Stack gap={6}>
                  {checklistItems.map((item) => (
                    <Checkbox
                      key={item}
                      label={item}
                      checked={!!v.checklist[item]}
                      onChange={(e) => set({ checklist: { ...v.checklist, [item]: e.currentTarget.checked } })}
                    />
                  ))}
                </Stack>
              </Paper>
            )}
            <Textarea
              label={t('interactions.log.nextStep')}
              placeholder={t('interactions.log.nextStepPlaceholder')}
              value={v.nextStep}
              onChange={(e) => set({ nextStep: e.currentTarget.value })}
              autosize
              minRows={1}
              maxLength={1000}
              error={errors.nextStep}
            />
            <Checkbox
              label={t('interactions.log.createTask')}
              checked={v.withTask}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                set({ withTask: on, taskTitle: on && !v.taskTitle ? v.nextStep.trim().slice(0, 200) : v.taskTitle });
              }}
              data-testid="log-with-task"
            />
            <Collapse expanded={v.withTask}>
              <Group grow align="flex-start" pl="lg">
                <TextInput
                  label={t('interactions.log.taskTitle')}
                  value={v.taskTitle}
                  onChange={(e) => set({ taskTitle: e.currentTarget.value })}
                  maxLength={200}
                  error={errors['nextTask.title']}
                />
                <DayInput
                  label={t('interactions.log.taskDue')}
                  value={v.taskDue}
                  onChange={(d) => set({ taskDue: d ? String(d).slice(0, 10) : null })}
                  clearable
                  maw={170}
                />
              </Group>
            </Collapse>
            <Checkbox
              label={t('interactions.log.planNext')}
              checked={v.withNext}
              onChange={(e) => set({ withNext: e.currentTarget.checked })}
              data-testid="log-with-next"
            />
            <Collapse expanded={v.withNext}>
              <Group grow align="flex-start" pl="lg">
                <Select
                  label={t('interactions.log.nextType')}
                  data={nextTypes.map((x) => ({ value: x, label: t(`interactions.types.${x}`) }))}
                  value={v.nextType}
                  onChange={(x) => x && set({ nextType: x as InteractionType })}
                  allowDeselect={false}
                  maw={150}
                  comboboxProps={{ withinPortal: true }}
                />
                <DateTimePicker
                  label={t('interactions.log.nextWhen')}
                  value={v.nextAt}
                  onChange={(at) => set({ nextAt: at })}
                  error={errors['nextInteraction.occurredAt']}
                  {...picker}
                />
              </Group>
            </Collapse>
          </>
        )}
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {t('interactions.log.shortcut')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('interactions.log.close')}
            </Button>
            <Button type="submit" loading={write.isPending} data-testid="log-submit">
              {completing
                ? t('interactions.log.submitComplete')
                : planned
                  ? t('interactions.log.submitPlan')
                  : t('interactions.log.submitLog')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function MoveForm({
  item,
  onDone,
  onCancel,
}: {
  item: InteractionDetail;
  onDone: (s: InteractionDetail | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const picker = usePickerProps();
  const tz = useCurrentUser().company.timeZone;
  const [at, setAt] = useState<string | null>(toPicker(item.occurredAt, tz));
  const [duration, setDuration] = useState<number | string>(item.durationMinutes ?? 30);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const write = useInteractionWrite(() =>
    interactionWrites.move(item.id, {
      occurredAt: toInstant(at, tz) as string,
      durationMinutes: typeof duration === 'number' ? duration : undefined,
      reason: reason.trim() || undefined,
    }),
  );
  const submit = () => {
    if (!at) return setError(t('interactions.log.whenRequired'));
    write.mutate(undefined, {
      onSuccess: (saved) => {
        notifySuccess(t('interactions.log.moved'));
        onDone(saved ?? null);
      },
      onError: (err) => showServerError(err),
    });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={submitOnModEnter(submit)}
      data-testid="move-form"
    >
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {item.account.name} · {t(`interactions.types.${item.type}`)}
        </Text>
        <DateTimePicker label={t('interactions.log.newTime')} value={at} onChange={setAt} error={error} required {...picker} />
        <NumberInput
          label={t('interactions.log.duration')}
          value={duration}
          onChange={setDuration}
          min={5}
          max={1440}
          step={15}
          maw={150}
        />
        <Textarea
          label={t('interactions.log.reasonOptional')}
          placeholder={t('interactions.log.reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('interactions.log.close')}
          </Button>
          <Button type="submit" loading={write.isPending} data-testid="move-submit">
            {t('interactions.log.submitMove')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CancelForm({
  item,
  onDone,
  onCancel,
}: {
  item: InteractionDetail;
  onDone: (s: InteractionDetail | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const write = useInteractionWrite(() => interactionWrites.cancel(item.id, { reason: reason.trim() }));
  const submit = () => {
    if (!reason.trim()) return setError(t('interactions.log.reasonRequired'));
    write.mutate(undefined, {
      onSuccess: (saved) => {
        notifySuccess(t('interactions.log.cancelled'));
        onDone(saved ?? null);
      },
      onError: (err) => showServerError(err),
    });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={submitOnModEnter(submit)}
      data-testid="cancel-form"
    >
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {item.account.name} · {t(`interactions.types.${item.type}`)}
        </Text>
        <Textarea
          label={t('interactions.log.reason')}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(undefined);
          }}
          maxLength={500}
          autosize
          minRows={2}
          required
          error={error}
          data-autofocus
          data-testid="cancel-reason"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('interactions.log.close')}
          </Button>
          <Button type="submit" color="red" loading={write.isPending} data-testid="cancel-submit">
            {t('interactions.log.submitCancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
