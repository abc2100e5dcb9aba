import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The instant a wall-clock minute of a calendar day begins in a time zone (DST-aware). */
export function zonedInstant(day: string, minute: number, zone: string): Date {
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return dayjs.tz(`${day} ${hh}:${mm}`, 'YYYY-MM-DD HH:mm', zone).toDate();
}

/** The calendar day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
