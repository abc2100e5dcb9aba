import { Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconClockPause, IconGavel } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDateTime } from '../../i18n/format';
import type { Complaint, ComplaintDetail } from './complaintsApi';

/** The time now, renewed every 30 seconds: the clocks tick without refetching. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** 45 min, 3 h 20 min, 2 d 4 h: wall-clock time to or past a deadline. */
export function formatMinutes(minutes: number, t: TFunction): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return t('service.dur.min', { m });
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? t('service.dur.hm', { h, m: m % 60 }) : t('service.dur.h', { h });
  const d = Math.floor(h / 24);
  return h % 24 && d < 7 ? t('service.dur.dh', { d, h: h % 24 }) : t('service.dur.d', { d });
}

type ClockKind = 'response' | 'resolution';
type ClockState =
  | { kind: 'met'; late: boolean; at: string }
  | { kind: 'paused' }
  | { kind: 'running'; due: string; leftMinutes: number }
  | { kind: 'overdue'; due: string; overMinutes: number }
  | { kind: 'none' };

export function clockState(c: Complaint, clock: ClockKind, now: number): ClockState {
  const doneAt = clock === 'response' ? c.firstResponseAt : c.resolvedAt;
  const breachedAt = clock === 'response' ? c.responseBreachedAt : c.resolutionBreachedAt;
  const due = clock === 'response' ? c.responseDueAt : c.resolutionDueAt;
  if (doneAt) return { kind: 'met', late: !!breachedAt, at: doneAt };
  if (c.pausedSince) return { kind: 'paused' };
  if (!due)
    return breachedAt ? { kind: 'overdue', due: breachedAt, overMinutes: (now - Date.parse(breachedAt)) / 60_000 } : { kind: 'none' };
  const left = (Date.parse(due) - now) / 60_000;
  return left > 0 ? { kind: 'running', due, leftMinutes: left } : { kind: 'overdue', due, overMinutes: -left };
}

/** One clock in words: "3 h left", "overdue by 2 d" in red, "paused — waiting for the client", "met". */
export function ClockText({ c, clock, now, testId }: { c: Complaint; clock: ClockKind; now: number; testId?: string }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const s = clockState(c, clock, now);
  const lang = i18n.resolvedLanguage ?? 'en';
  const tz = me.company.timeZone;
  const body = (() => {
    switch (s.kind) {
      case 'met':
        return (
          <Text size="sm" c={s.late ? 'orange.8' : 'teal.8'}>
            {t(s.late ? 'service.clock.metLate' : 'service.clock.met')}
          </Text>
        );
      case 'paused':
        return (
          <Group gap={4} wrap="nowrap">
            <IconClockPause size={14} color="var(--mantine-color-yellow-7)" />
            <Text size="sm" c="yellow.8">
              {t('service.clock.paused')}
            </Text>
          </Group>
        );
      case 'running':
        return (
          <Tooltip label={t('service.detail.due', { date: formatDateTime(s.due, lang, tz) })}>
            <Text size="sm" c={s.leftMinutes < 60 ? 'orange.8' : undefined} fw={s.leftMinutes < 60 ? 600 : undefined}>
              {t('service.clock.left', { duration: formatMinutes(s.leftMinutes, t) })}
            </Text>
          </Tooltip>
        );
      case 'overdue':
        return (
          <Tooltip label={t('service.detail.due', { date: formatDateTime(s.due, lang, tz) })}>
            <Text size="sm" c="red.7" fw={600}>
              {t('service.clock.overdue', { duration: formatMinutes(s.overMinutes, t) })}
            </Text>
          </Tooltip>
        );
      default:
        return (
          <Text size="sm" c="dimmed">
            —
          </Text>
        );
    }
  })();
  return (
    <div data-testid={testId} data-clock={s.kind}>
      {body}
    </div>
  );
}

/** The legal claim's badge with its own clock in days. */
export function LegalBadge({ c, now }: { c: Complaint; now: number }) {
  const { t } = useTranslation();
  if (!c.legalClaim) return null;
  const open = !c.resolvedAt;
  const left = c.legalDueAt ? (Date.parse(c.legalDueAt) - now) / 60_000 : null;
  const over = left !== null && left <= 0;
  const label =
    !open || left === null
      ? t('service.clock.legal')
      : over
        ? t('service.clock.legalOverdue', { duration: formatMinutes(-left, t) })
        : t('service.clock.legalLeft', { duration: formatMinutes(left, t) });
  return (
    <Tooltip label={label} disabled={!open}>
      <Badge
        size="sm"
        color={over && open ? 'red' : 'grape'}
        variant={over && open ? 'filled' : 'light'}
        leftSection={<IconGavel size={11} />}
        data-testid="legal-badge"
      >
        {t('service.clock.legal')}
        {open && left !== null ? ` · ${formatMinutes(Math.abs(left), t)}` : ''}
      </Badge>
    </Tooltip>
  );
}

/** Business time in hours and minutes (a business day is the calendar's working hours, not 24 h). */
export function formatBusinessMinutes(minutes: number, t: TFunction): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return t('service.dur.min', { m });
  const h = Math.floor(m / 60);
  return m % 60 ? t('service.dur.hm', { h, m: m % 60 }) : t('service.dur.h', { h });
}

/** A clock as a bar: business minutes run of the target, with the deadline instant. */
export function ClockBar({ c, clock, now }: { c: ComplaintDetail; clock: ClockKind; now: number }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const tz = me.company.timeZone;
  const target = clock === 'response' ? c.responseTargetMinutes : c.resolutionTargetMinutes;
  const elapsed = clock === 'response' ? c.responseElapsedMinutes : c.resolutionElapsedMinutes;
  const s = clockState(c, clock, now);
  const pct = target && elapsed !== null ? Math.min(100, (elapsed / target) * 100) : 0;
  const color =
    s.kind === 'overdue' || (s.kind === 'met' && s.late)
      ? 'red'
      : s.kind === 'met'
        ? 'teal'
        : s.kind === 'paused'
          ? 'yellow'
          : pct >= 80
            ? 'orange'
            : 'blue';
  const due = clock === 'response' ? c.responseDueAt : c.resolutionDueAt;
  return (
    <Stack gap={4} data-testid={`clock-${clock}`}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {t(`service.clock.${clock}`)}
        </Text>
        <ClockText c={c} clock={clock} now={now} />
      </Group>
      <Progress
        value={s.kind === 'met' && !s.late ? 100 : pct}
        color={color}
        size="md"
        radius="sm"
        aria-label={t(`service.clock.${clock}`)}
      />
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {target && elapsed !== null
            ? t('service.detail.elapsed', { elapsed: formatBusinessMinutes(elapsed, t), target: formatBusinessMinutes(target, t) })
            : t('service.detail.noTarget')}
        </Text>
        <Text size="xs" c="dimmed">
          {s.kind === 'met'
            ? t('service.detail.metAt', { date: formatDateTime(s.at, lang, tz) })
            : due
              ? t('service.detail.due', { date: formatDateTime(due, lang, tz) })
              : ''}
        </Text>
      </Group>
    </Stack>
  );
}
