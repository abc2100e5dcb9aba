/**
 * Wall time in the company time zone: the plan, the calendar and the date-time pickers show visits
 * and calls as the company's clock reads them, wherever the browser is.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone, as a UTC timestamp (the "UTC-coerced" form). */
function coerced(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** An instant as the zone's wall time: 2026-11-30 10:00:00. */
export function wallOf(instant: Date | string, timeZone: string): string {
  const ms = coerced(new Date(instant).getTime(), timeZone);
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** The same, as a Date whose UTC fields are the wall time (what FullCalendar uses for a named zone without a plugin). */
export function coercedDate(instant: Date | string, timeZone: string): Date {
  return new Date(coerced(new Date(instant).getTime(), timeZone));
}

/** A UTC-coerced Date (its UTC fields are the zone's wall time) → the real instant. */
export function instantOfCoerced(wall: Date, timeZone: string): Date {
  const guess = wall.getTime();
  let instant = guess - (coerced(guess, timeZone) - guess);
  // around a DST change the offset at the result may differ from the offset at the guess
  instant = guess - (coerced(instant, timeZone) - instant);
  return new Date(instant);
}

/** Wall time "2026-11-30 10:00[:00]" in the zone → the instant. */
export function instantOf(wall: string, timeZone: string): Date {
  const [d = '', t = '00:00:00'] = wall.trim().split(/[ T]/);
  const [y, m, day] = d.split('-').map(Number);
  const [h = 0, mi = 0, s = 0] = t.split(':').map(Number);
  return instantOfCoerced(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, day ?? 1, h, mi, s)), timeZone);
}
