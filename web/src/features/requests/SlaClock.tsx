import { Badge, Tooltip } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDate, formatDateTime } from '../../i18n/format';
import { type DepartmentRequest, isOpenStatus } from './requestsApi';

/** Re-renders every 30 seconds so the clocks move. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "2 d 4 h", "3 h 10 min", "25 min". */
export function useSpan() {
  const { t } = useTranslation();
  return (ms: number) => {
    const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
    if (minutes < 60) return t('requests.sla.minutes', { count: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 24)
      return minutes % 60 ? t('requests.sla.hoursMinutes', { h: hours, m: minutes % 60 }) : t('requests.sla.hours', { count: hours });
    const days = Math.floor(hours / 24);
    return hours % 24 ? t('requests.sla.daysHours', { d: days, h: hours % 24 }) : t('requests.sla.days', { count: days });
  };
}

/**
 * The request's SLA clock: time left (green, orange in the last quarter) or how long it is overdue
 * (red); for a closed request, when it closed.
 */
export function SlaClock({ request, size = 'sm' }: { request: DepartmentRequest; size?: 'xs' | 'sm' | 'md' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const tz = useCurrentUser().company.timeZone;
  const now = useNow();
  const span = useSpan();
  if (!isOpenStatus(request.status))
    return (
      <Badge size={size} variant="transparent" color="gray" px={0}>
        {t('requests.sla.doneOn', { date: formatDate(request.doneAt ?? request.updatedAt, lang, tz) })}
      </Badge>
    );
  if (!request.dueAt)
    return (
      <Badge size={size} variant="transparent" color="gray" px={0}>
        {t('requests.sla.none')}
      </Badge>
    );
  const due = Date.parse(request.dueAt);
  const left = due - now;
  const total = due - Date.parse(request.createdAt);
  const color = left < 0 ? 'red' : total > 0 && left < total / 4 ? 'orange' : 'green';
  return (
    <Tooltip label={t('requests.sla.dueBy', { date: formatDateTime(request.dueAt, lang, tz) })}>
      <Badge
        size={size}
        color={color}
        variant={left < 0 ? 'filled' : 'light'}
        leftSection={<IconClock size={12} />}
        data-testid="sla-clock"
        data-state={left < 0 ? 'overdue' : color === 'orange' ? 'soon' : 'ok'}
        style={{ textTransform: 'none' }}
      >
        {left < 0 ? t('requests.sla.overdue', { time: span(left) }) : t('requests.sla.left', { time: span(left) })}
      </Badge>
    </Tooltip>
  );
}
