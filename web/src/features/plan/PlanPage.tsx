import type { DateSelectArg, EventClickArg, EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core';
import ruLocale from '@fullcalendar/core/locales/ru';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DropArg, type EventResizeDoneArg } from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Alert, Button, Grid, Group, Modal, Paper, Select, Stack, Tabs, Text, Textarea, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCalendarDown, IconPlus, IconSparkles } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PageHeader } from '../../ui/PageHeader';
import { useCover } from '../absences/absencesApi';
import { UserSelect } from '../accounts/UserSelect';
import { NotFoundPage } from '../errors/NotFoundPage';
import { typeColors } from '../interactions/interactionsApi';
import { interactionWrites, kindOf, openLogDrawer, useInteractionWrite } from '../interactions/logApi';
import { coercedDate, instantOfCoerced, wallOf } from '../interactions/zoned';
import { useFormat } from '../plans/planUi';
import { ItemPanel } from './ItemPanel';
import { DuePanel, SuggestionsPanel } from './SidePanels';
import { type PlanItem, type Suggestion, suggest, useWeek } from './planApi';
import { AdherenceTab, CoverageTab } from './TeamTabs';
import './plan.css';

/** Roles that look after others' plans: their line or the whole department. */
const teamRoles = ['head', 'senior_kam', 'executive', 'admin'];

/** The weekly visit and call plan (C2): a calendar, suggestions, what is due; adherence and coverage for leads. */
export function PlanPage() {
  const me = useCurrentUser();
  if (!can(me, 'plan.read')) return <NotFoundPage />;
  return <Plan />;
}

function Plan() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const team = teamRoles.includes(me.role);
  const [tab, setTab] = useState<string | null>('week');
  return (
    <>
      <PageHeader title={t('weekPlan.title')} subtitle={t('weekPlan.subtitle')} />
      {team ? (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="week" data-testid="plan-tab-week">
              {t('weekPlan.tabs.week')}
            </Tabs.Tab>
            <Tabs.Tab value="adherence" data-testid="plan-tab-adherence">
              {t('weekPlan.tabs.adherence')}
            </Tabs.Tab>
            <Tabs.Tab value="coverage" data-testid="plan-tab-coverage">
              {t('weekPlan.tabs.coverage')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="week">
            <WeekPlan team />
          </Tabs.Panel>
          <Tabs.Panel value="adherence">
            <AdherenceTab />
          </Tabs.Panel>
          <Tabs.Panel value="coverage">
            <CoverageTab />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <WeekPlan team={false} />
      )}
    </>
  );
}

interface Range {
  start: Date;
  end: Date;
  from: string;
  to: string;
  view: string;
}

interface PendingMove {
  id: string;
  start: Date;
  end: Date | null;
  revert: () => void;
}

/** An instant as FullCalendar's wall time of the company zone: 2026-11-30T10:00:00. */
const wall = (d: Date, tz: string) => wallOf(d, tz).replace(' ', 'T');
/** FullCalendar's dates in a named zone (no zone plugin) are UTC-coerced: their UTC fields are the wall time. */
const dayOf = (coerced: Date) => coerced.toISOString().slice(0, 10);

/** Mantine colour of an item: by type; done filled, planned outlined, cancelled grey and struck. */
function eventOf(item: PlanItem, canPlan: boolean, tz: string): EventInput {
  const c = typeColors[item.type];
  const start = new Date(item.occurredAt);
  const base: EventInput = {
    id: item.id,
    start: item.allDay ? wallOf(start, tz).slice(0, 10) : wall(start, tz),
    end: item.allDay ? undefined : wall(new Date(start.getTime() + item.durationMinutes * 60_000), tz),
    allDay: item.allDay,
    extendedProps: { item },
    editable: canPlan && item.status === 'planned',
  };
  if (item.status === 'done')
    return {
      ...base,
      backgroundColor: `var(--mantine-color-${c}-6)`,
      borderColor: `var(--mantine-color-${c}-6)`,
      textColor: '#fff',
      classNames: ['plan-ev-done'],
    };
  if (item.status === 'cancelled')
    return {
      ...base,
      backgroundColor: 'var(--mantine-color-gray-light)',
      borderColor: 'var(--mantine-color-gray-4)',
      textColor: 'var(--mantine-color-dimmed)',
      classNames: ['plan-ev-cancelled'],
    };
  // planned and its time passed: missed until it is marked done, moved or cancelled
  const missed = start.getTime() + item.durationMinutes * 60_000 < Date.now();
  return {
    ...base,
    backgroundColor: `var(--mantine-color-${c}-light)`,
    borderColor: missed ? 'var(--mantine-color-red-6)' : `var(--mantine-color-${c}-6)`,
    textColor: `var(--mantine-color-${c}-light-color)`,
    classNames: ['plan-ev-planned'],
  };
}

function ghostOf(s: Suggestion, index: number, tz: string): EventInput {
  const c = typeColors[s.type];
  const start = new Date(s.occurredAt);
  return {
    id: `suggestion:${index}`,
    start: wall(start, tz),
    end: wall(new Date(start.getTime() + s.durationMinutes * 60_000), tz),
    editable: false,
    extendedProps: { suggestion: s },
    backgroundColor: 'transparent',
    borderColor: `var(--mantine-color-${c}-5)`,
    textColor: `var(--mantine-color-${c}-light-color)`,
    classNames: ['plan-ev-ghost'],
  };
}

function WeekPlan({ team }: { team: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const f = useFormat();
  const tz = me.company.timeZone;
  const ru = i18n.resolvedLanguage === 'ru';
  const calendar = useRef<FullCalendar>(null);
  const [range, setRange] = useState<Range | null>(null);
  const [person, setPersonState] = useState<string | null>(null);
  const userId = person && person !== me.id ? person : undefined;
  // the colleagues the user covers while they are away (B3): a plain KAM may open and fill their plan too
  const covering = useCover().data?.covering ?? [];
  const week = useWeek(range?.from ?? null, range?.to ?? null, userId);
  const canPlan = week.data?.canPlan ?? !userId;
  const mayWrite = can(me, 'interactions.write') && canPlan;
  const [openId, setOpenId] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const setPerson = (id: string | null) => {
    setPersonState(id);
    // suggestions belong to the person they were made for
    setSuggestions(null);
  };
  const move = useInteractionWrite((m: PendingMove & { reason: string }) =>
    interactionWrites.move(m.id, {
      occurredAt: m.start.toISOString(),
      durationMinutes: m.end ? Math.max(5, Math.round((m.end.getTime() - m.start.getTime()) / 60_000)) : undefined,
      reason: m.reason.trim() || undefined,
    }),
  );
  const weekStart = useMemo(() => {
    if (!range) return null;
    const now = coercedDate(new Date(), tz);
    const base = range.view === 'timeGridWeek' || now < range.start || now >= range.end ? range.start : now;
    const monday = new Date(base.getTime() - ((base.getUTCDay() + 6) % 7) * 86_400_000);
    return dayOf(monday);
  }, [range, tz]);
  const suggesting = useMutation({
    mutationFn: () => suggest(weekStart as string, userId),
    onSuccess: (data) => setSuggestions(data.items),
    onError: (e) => showServerError(e),
  });

  const events = useMemo(() => {
    const items = (week.data?.items ?? []).map((i) => eventOf(i, mayWrite, tz));
    return [...items, ...(suggestions ?? []).map((s, i) => ghostOf(s, i, tz))];
  }, [week.data, suggestions, mayWrite, tz]);

  const planAt = (start: Date, end: Date | null, allDay: boolean, accountId?: string) => {
    const wallStart = new Date(start);
    if (allDay) wallStart.setUTCHours(10, 0, 0, 0);
    const at = instantOfCoerced(wallStart, tz);
    const minutes = !allDay && end ? Math.round((end.getTime() - start.getTime()) / 60_000) : 60;
    openLogDrawer({ mode: 'new', status: 'planned', kind: 'visit', at, durationMinutes: minutes, accountId, userId });
  };

  const onSelect = (s: DateSelectArg) => {
    s.view.calendar.unselect();
    planAt(s.start, s.end, s.allDay);
  };
  const onDrop = (d: DropArg) => {
    const accountId = d.draggedEl.dataset.accountId;
    if (accountId) planAt(d.date, null, d.allDay, accountId);
  };
  const onMove = (e: EventDropArg | EventResizeDoneArg) => {
    if (!e.event.start) return e.revert();
    const end = e.event.end ? instantOfCoerced(e.event.end, tz) : null;
    setPending({ id: e.event.id, start: instantOfCoerced(e.event.start, tz), end, revert: e.revert });
  };
  const onClick = (e: EventClickArg) => {
    if (e.event.extendedProps.suggestion) return;
    setOpenId(e.event.id);
  };

  const exportHref = range ? withQuery('/api/plan/export.ics', { from: range.from, to: range.to, userId }) : undefined;
  const owner = week.data?.user;
  /** planning for someone else: a deputy for the colleague they cover */
  const forOther = userId && owner && owner.id === userId && canPlan ? owner : undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          {!team && covering.length > 0 && (
            <Select
              data={covering.map((c) => ({ value: c.user.id, label: c.user.name }))}
              value={person}
              onChange={setPerson}
              clearable
              placeholder={t('weekPlan.mine')}
              aria-label={t('weekPlan.whose')}
              w={240}
              data-testid="plan-person"
            />
          )}
          {team && (
            <UserSelect
              value={person}
              onChange={setPerson}
              current={owner && owner.id !== me.id ? owner : null}
              placeholder={t('weekPlan.mine')}
              aria-label={t('weekPlan.whose')}
              w={240}
              data-testid="plan-person"
            />
          )}
          {mayWrite && (
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => openLogDrawer({ mode: 'new', status: 'planned', kind: 'visit', userId })}
              data-testid="plan-new"
            >
              {t('weekPlan.newItem')}
            </Button>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {mayWrite && (
            <Button
              leftSection={<IconSparkles size={16} />}
              onClick={() => suggesting.mutate()}
              loading={suggesting.isPending}
              disabled={!weekStart}
              data-testid="plan-suggest"
            >
              {t('weekPlan.suggest.button')}
            </Button>
          )}
          <Tooltip label={t('weekPlan.exportHint')}>
            <Button
              component="a"
              href={exportHref}
              download
              variant="default"
              leftSection={<IconCalendarDown size={16} />}
              data-testid="plan-export"
            >
              {t('weekPlan.exportIcs')}
            </Button>
          </Tooltip>
        </Group>
      </Group>
      {userId && owner && !canPlan && (
        <Alert color="gray" variant="light" py="xs" data-testid="plan-read-only">
          {t('weekPlan.readOnly', { name: owner.name })}
        </Alert>
      )}
      {forOther && (
        <Alert color="orange" variant="light" py="xs" data-testid="plan-deputy">
          {t('weekPlan.deputy', { name: forOther.name })}
        </Alert>
      )}
      {week.isError && (
        <Alert color="red" variant="light" py="xs">
          {t('weekPlan.loadError')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8.5 }}>
          <Paper withBorder radius="md" p="sm" className="plan-calendar" data-testid="plan-calendar">
            <FullCalendar
              ref={calendar}
              timeZone={tz}
              now={() => wall(new Date(), tz)}
              plugins={[timeGridPlugin, dayGridPlugin, interactionPlugin]}
              initialView="timeGridWeek"
              locales={[ruLocale]}
              locale={ru ? 'ru' : 'en-gb'}
              firstDay={1}
              headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridWeek,dayGridMonth' }}
              buttonText={{ today: t('weekPlan.today'), week: t('weekPlan.views.week'), month: t('weekPlan.views.month') }}
              slotMinTime="08:00:00"
              slotMaxTime="20:00:00"
              scrollTime="08:00:00"
              slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
              eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
              views={{
                timeGridWeek: {
                  dayHeaderFormat: ru
                    ? { weekday: 'short', day: 'numeric', month: 'numeric' }
                    : { weekday: 'short', day: 'numeric', month: 'short' },
                },
                dayGridMonth: { dayHeaderFormat: { weekday: 'short' } },
              }}
              eventDisplay="block"
              eventInteractive
              nowIndicator
              allDaySlot
              allDayText={ru ? 'весь день' : 'all day'}
              height="auto"
              displayEventEnd={false}
              eventMinHeight={30}
              selectable={mayWrite}
              selectMirror
              droppable={mayWrite}
              eventDurationEditable={mayWrite}
              events={events}
              eventContent={(arg) => <EventBox arg={arg} />}
              select={onSelect}
              drop={onDrop}
              eventDrop={onMove}
              eventResize={onMove}
              eventClick={onClick}
              datesSet={(d) => {
                const last = new Date(d.end.getTime() - 1);
                const next = { start: d.start, end: d.end, from: dayOf(d.start), to: dayOf(last), view: d.view.type };
                // FullCalendar calls this on every update: keep the same range object unless it changed
                setRange((old) => (old && old.from === next.from && old.to === next.to && old.view === next.view ? old : next));
              }}
            />
          </Paper>
          {week.data && week.data.items.length === 0 && !suggestions?.length && (
            <Text size="sm" c="dimmed" mt="xs" data-testid="plan-empty">
              {t('weekPlan.emptyWeek')}
            </Text>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3.5 }}>
          <Stack gap="md">
            {suggestions && (
              <SuggestionsPanel
                items={suggestions}
                owner={forOther}
                onChange={setSuggestions}
                onAccepted={(n) => {
                  setSuggestions(null);
                  notifySuccess(forOther ? t('weekPlan.suggest.addedFor', { n, name: forOther.name }) : t('weekPlan.suggest.added', { n }));
                }}
              />
            )}
            <DuePanel
              userId={userId}
              canPlan={mayWrite}
              onPlan={(accountId) => openLogDrawer({ mode: 'new', status: 'planned', kind: 'visit', accountId, userId })}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <ItemPanel id={openId} onClose={() => setOpenId(null)} />
      <MoveConfirm
        pending={pending}
        when={pending ? f.instant(pending.start.toISOString()) : ''}
        loading={move.isPending}
        onCancel={() => {
          pending?.revert();
          setPending(null);
        }}
        onConfirm={(reason) => {
          if (!pending) return;
          move.mutate(
            { ...pending, reason },
            {
              onSuccess: () => notifySuccess(t('interactions.log.moved')),
              onError: (e) => {
                pending.revert();
                showServerError(e);
              },
              onSettled: () => setPending(null),
            },
          );
        }}
      />
    </Stack>
  );
}

function EventBox({ arg }: { arg: EventContentArg }) {
  const { t } = useTranslation();
  const item = arg.event.extendedProps.item as PlanItem | undefined;
  const suggestion = arg.event.extendedProps.suggestion as Suggestion | undefined;
  const type = item
    ? t(`interactions.log.kinds.${kindOf(item.type, item.checklistKind)}`)
    : suggestion
      ? t(`interactions.types.${suggestion.type}`)
      : '';
  const account = item?.account.name ?? suggestion?.account.name ?? '';
  return (
    <div className="plan-ev" title={`${type} · ${account}`} data-testid={item ? `plan-event-${item.status}` : 'plan-ghost'}>
      <div className="plan-ev-line plan-ev-text">
        {item?.moved && (
          <span className="plan-ev-badge" title={t('weekPlan.moved')}>
            <span aria-hidden>↻</span>
            <VisuallyHidden>{t('weekPlan.moved')}</VisuallyHidden>
          </span>
        )}
        {arg.timeText && <b>{arg.timeText} </b>}
        {type}
      </div>
      <div className="plan-ev-line plan-ev-text" style={{ fontWeight: 600 }}>
        {account}
      </div>
    </div>
  );
}

function MoveConfirm({
  pending,
  when,
  loading,
  onCancel,
  onConfirm,
}: {
  pending: PendingMove | null;
  when: string;
  loading: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      opened={!!pending}
      onClose={onCancel}
      title={t('weekPlan.moveModal.title', { when })}
      size="sm"
      data-testid="plan-move-modal"
      onExitTransitionEnd={() => setReason('')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(reason);
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={t('weekPlan.moveModal.reason')}
            placeholder={t('weekPlan.moveModal.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('weekPlan.moveModal.cancel')}
            </Button>
            <Button type="submit" loading={loading} data-testid="plan-move-confirm">
              {t('weekPlan.moveModal.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
