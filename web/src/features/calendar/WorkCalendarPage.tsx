import {
  ActionIcon,
  Box,
  Button,
  Card,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BusinessCalendarView,
  CalendarDay,
  CalendarDayKind,
  WorkingHours,
} from '../../../../src/modules/company/business-calendar.contracts';
import { api } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { formatDay, localeTag } from '../../i18n/format';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { NotFoundPage } from '../errors/NotFoundPage';
import { Section } from '../profile/Section';

const key = (year: number | null) => ['calendar', year ?? 'current'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** HH:MM of minutes after midnight (1440, the end of the day, shows as 00:00). */
function toTime(minutes: number): string {
  const m = minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
/** minutes after midnight of HH:MM; an end of 00:00 is midnight at the end of the day */
function fromTime(text: string, isEnd: boolean): number | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return isEnd && minutes === 0 ? 1440 : minutes;
}

/** Settings → Working calendar: the working week and the production calendar the SLA clocks use (issue 6, H5). */
export function WorkCalendarPage() {
  const me = useCurrentUser();
  const { t } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const allowed = can(me, 'company.manage');
  const calendar = useQuery({
    queryKey: key(year),
    queryFn: () => api.get<BusinessCalendarView>('/api/calendar', year ? { year } : undefined),
    enabled: allowed,
    placeholderData: (previous) => previous,
  });
  if (!allowed) return <NotFoundPage />;
  const data = calendar.data;
  return (
    <>
      <PageHeader title={t('workCalendar.title')} subtitle={data ? t('workCalendar.subtitle', { zone: data.timeZone }) : undefined} />
      {data ? (
        <Stack gap="lg">
          <WorkingWeek calendar={data} />
          <YearView calendar={data} onYear={setYear} />
        </Stack>
      ) : calendar.isError ? null : (
        <PageSkeleton rows={8} />
      )}
    </>
  );
}

interface Row {
  works: boolean;
  start: string;
  end: string;
}

function WorkingWeek({ calendar }: { calendar: BusinessCalendarView }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const initial = useMemo(() => {
    const byDay = new Map(calendar.hours.map((h) => [h.weekday, h]));
    return WEEKDAYS.map((wd): Row => {
      const h = byDay.get(wd);
      return h ? { works: true, start: toTime(h.startMinute), end: toTime(h.endMinute) } : { works: false, start: '09:00', end: '18:00' };
    });
  }, [calendar.hours]);
  const [rows, setRows] = useState<Row[]>(initial);
  const dayNames = useMemo(() => {
    const f = new Intl.DateTimeFormat(localeTag(i18n.language), { weekday: 'long', timeZone: 'UTC' });
    return WEEKDAYS.map((wd) => f.format(Date.UTC(2024, 0, wd))); // 2024-01-01 was a Monday
  }, [i18n.language]);
  const parsed = rows.map((r, i) => {
    const start = fromTime(r.start, false);
    const end = fromTime(r.end, true);
    return { weekday: i + 1, works: r.works, start, end, valid: !r.works || (start !== null && end !== null && start < end) };
  });
  const save = useMutation({
    mutationFn: () => {
      const hours: WorkingHours[] = parsed
        .filter((p) => p.works)
        .map((p) => ({ weekday: p.weekday, startMinute: p.start ?? 0, endMinute: p.end ?? 0 }));
      return api.put<BusinessCalendarView>('/api/calendar/hours', { hours });
    },
    onSuccess: () => {
      notifySuccess(t('workCalendar.weekSaved'));
      void client.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: (error) => showServerError(error),
  });
  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const length = calendar.businessDayMinutes;
  const lengthText =
    length % 60 === 0
      ? t('workCalendar.hours', { h: length / 60 })
      : t('workCalendar.hoursMinutes', { h: Math.floor(length / 60), m: length % 60 });

  return (
    <Section title={t('workCalendar.week')} text={t('workCalendar.weekText')}>
      <Stack gap="xs" maw={640} data-testid="working-week">
        {rows.map((r, i) => (
          <Group key={WEEKDAYS[i]} gap="md" wrap="nowrap" align="flex-start">
            <Switch
              w={200}
              mt={6}
              label={dayNames[i]}
              checked={r.works}
              onChange={(e) => update(i, { works: e.currentTarget.checked })}
              aria-label={`${dayNames[i]}: ${t('workCalendar.works')}`}
            />
            <TextInput
              type="time"
              w={130}
              aria-label={`${dayNames[i]}: ${t('workCalendar.from')}`}
              value={r.start}
              disabled={!r.works}
              onChange={(e) => update(i, { start: e.currentTarget.value })}
            />
            <TextInput
              type="time"
              w={130}
              aria-label={`${dayNames[i]}: ${t('workCalendar.to')}`}
              value={r.end}
              disabled={!r.works}
              error={parsed[i]?.valid ? undefined : t('workCalendar.hoursInvalid')}
              onChange={(e) => update(i, { end: e.currentTarget.value })}
            />
          </Group>
        ))}
        <Text size="sm" c="dimmed">
          {t('workCalendar.dayLength', { hours: lengthText })}
        </Text>
        <Group justify="flex-end">
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!parsed.every((p) => p.valid) || !parsed.some((p) => p.works)}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

const kindColor: Record<CalendarDayKind, string> = {
  holiday: 'var(--mantine-color-red-6)',
  short: 'var(--mantine-color-yellow-6)',
  working: 'var(--mantine-color-teal-6)',
};

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function YearView({ calendar, onYear }: { calendar: BusinessCalendarView; onYear: (year: number) => void }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const year = calendar.year;
  const days = useMemo(() => new Map(calendar.days.map((d) => [d.day, d])), [calendar.days]);
  const workingWeekdays = useMemo(() => new Set(calendar.hours.map((h) => h.weekday)), [calendar.hours]);
  const tag = localeTag(i18n.language);
  const monthNames = useMemo(() => {
    const f = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, m) => f.format(Date.UTC(2024, m, 1)));
  }, [tag]);
  const dayLetters = useMemo(() => {
    const f = new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' });
    return WEEKDAYS.map((wd) => f.format(Date.UTC(2024, 0, wd)).slice(0, 2)); // Mo Tu … / пн вт …
  }, [tag]);

  return (
    <Section
      title={t('workCalendar.year', { year })}
      text={t('workCalendar.yearText')}
      aside={
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('workCalendar.previousYear')}>
            <ActionIcon
              variant="default"
              aria-label={t('workCalendar.previousYear')}
              onClick={() => onYear(year - 1)}
              disabled={year <= 2000}
            >
              <IconChevronLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <Text fw={600} w={48} ta="center" data-testid="calendar-year">
            {year}
          </Text>
          <Tooltip label={t('workCalendar.nextYear')}>
            <ActionIcon variant="default" aria-label={t('workCalendar.nextYear')} onClick={() => onYear(year + 1)} disabled={year >= 2100}>
              <IconChevronRight size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      }
    >
      <Group gap="lg" mb="md">
        <Legend color={kindColor.holiday} label={t('workCalendar.legendHoliday')} />
        <Legend color={kindColor.short} label={t('workCalendar.legendShort')} />
        <Legend color={kindColor.working} label={t('workCalendar.legendWorking')} />
        <Legend color="var(--mantine-color-gray-4)" label={t('workCalendar.legendOff')} outline />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="md" data-testid="calendar-months">
        {monthNames.map((monthName, month) => {
          const first = new Date(Date.UTC(year, month, 1));
          const lead = (first.getUTCDay() + 6) % 7; // Monday first
          const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
          return (
            <Card key={monthName} withBorder padding="xs">
              <Title order={6} mb={4} tt="capitalize">
                {monthName}
              </Title>
              <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
                {dayLetters.map((l) => (
                  <Text key={l} size="xs" c="dimmed" ta="center">
                    {l}
                  </Text>
                ))}
                {Array.from({ length }, (_, i) => {
                  const d = i + 1;
                  const day = isoDay(year, month, d);
                  const entry = days.get(day);
                  const weekday = ((lead + i) % 7) + 1;
                  const off = !entry && !workingWeekdays.has(weekday);
                  const color = entry ? kindColor[entry.kind] : undefined;
                  const label = `${formatDay(day, i18n.language)}${entry ? ` — ${t(kindKey[entry.kind])}${entry.name ? `: ${entry.name}` : ''}` : ''}`;
                  return (
                    <Tooltip key={day} label={label} openDelay={400}>
                      <UnstyledButton
                        aria-label={label}
                        data-day={day}
                        data-kind={entry?.kind ?? (off ? 'off' : 'regular')}
                        onClick={() => setEditing(day)}
                        style={{
                          gridColumnStart: d === 1 ? lead + 1 : undefined,
                          textAlign: 'center',
                          fontSize: 12,
                          lineHeight: '22px',
                          borderRadius: 4,
                          background: color,
                          color: color ? 'white' : off ? 'var(--mantine-color-dimmed)' : undefined,
                          fontWeight: color ? 600 : undefined,
                          outline: off ? '1px solid var(--mantine-color-gray-4)' : undefined,
                          outlineOffset: -1,
                        }}
                      >
                        {d}
                      </UnstyledButton>
                    </Tooltip>
                  );
                })}
              </Box>
            </Card>
          );
        })}
      </SimpleGrid>
      {editing && <DayModal day={editing} entry={days.get(editing) ?? null} onClose={() => setEditing(null)} />}
    </Section>
  );
}

const kindKey = {
  holiday: 'workCalendar.legendHoliday',
  short: 'workCalendar.legendShort',
  working: 'workCalendar.kindWorking',
} as const satisfies Record<CalendarDayKind, string>;

function Legend({ color, label, outline }: { color: string; label: string; outline?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box
        w={14}
        h={14}
        style={{ borderRadius: 3, background: outline ? undefined : color, border: outline ? `1px solid ${color}` : undefined }}
      />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

type Choice = CalendarDayKind | 'regular';

function DayModal({ day, entry, onClose }: { day: string; entry: CalendarDay | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<Choice>(entry?.kind ?? 'regular');
  const [name, setName] = useState(entry?.name ?? '');
  const save = useMutation({
    mutationFn: async () => {
      if (kind === 'regular') {
        if (entry) await api.delete(`/api/calendar/days/${day}`);
        return 'cleared' as const;
      }
      await api.put<CalendarDay>(`/api/calendar/days/${day}`, { kind, name: name.trim() || null });
      return 'saved' as const;
    },
    onSuccess: (result) => {
      notifySuccess(t(result === 'cleared' ? 'workCalendar.dayCleared' : 'workCalendar.daySaved'));
      void client.invalidateQueries({ queryKey: ['calendar'] });
      onClose();
    },
    onError: (error) => showServerError(error),
  });
  return (
    <Modal opened onClose={onClose} title={formatDay(day, i18n.language)}>
      <Stack gap="md">
        <Radio.Group label={t('workCalendar.kind')} value={kind} onChange={(v) => setKind(v as Choice)}>
          <Stack gap="xs" mt="xs">
            <Radio value="regular" label={t('workCalendar.kindRegular')} />
            <Radio value="holiday" label={t('workCalendar.kindHoliday')} />
            <Radio value="short" label={t('workCalendar.kindShort')} />
            <Radio value="working" label={t('workCalendar.kindWorking')} />
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('workCalendar.name')}
          placeholder={t('workCalendar.namePlaceholder')}
          value={name}
          maxLength={200}
          disabled={kind === 'regular'}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
