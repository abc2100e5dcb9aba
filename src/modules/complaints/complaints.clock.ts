import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../core/db/tx.js';
import type { AccountTier } from '../accounts/accounts.contracts.js';
import { type BusinessCalendar, businessDeadline, elapsedBusinessMinutes, type Pause, targetMinutes } from '../company/business-clock.js';
import type { ComplaintSeverity } from './complaints.contracts.js';
import { complaintPauses, slaTargets } from './complaints.schema.js';

/**
 * The two SLA clocks of a complaint (D1): time to the first response and time to resolution, in
 * business minutes of the company calendar from receipt, standing still while the desk waits for the
 * client (and while a complaint was resolved before it was reopened).
 */

export interface Targets {
  responseMinutes: number;
  resolutionMinutes: number;
}

export async function targetsFor(tx: Executor, cal: BusinessCalendar, tier: AccountTier, severity: ComplaintSeverity): Promise<Targets> {
  const rows = await tx.select().from(slaTargets).where(eq(slaTargets.tier, tier));
  const t = rows.find((r) => r.severity === severity);
  // the defaults, should a row have been deleted by hand
  const fallback = {
    critical: [1, 'hours', 1],
    high: [4, 'hours', 3],
    normal: [1, 'business_days', 5],
    low: [2, 'business_days', 10],
  } as const;
  const [ra, ru, za] = fallback[severity];
  return {
    responseMinutes: targetMinutes(cal, t?.responseAmount ?? ra, t?.responseUnit ?? ru),
    resolutionMinutes: targetMinutes(cal, t?.resolutionAmount ?? za, t?.resolutionUnit ?? 'business_days'),
  };
}

export async function pausesOf(tx: Executor, complaintId: string): Promise<Pause[]> {
  const rows = await tx
    .select()
    .from(complaintPauses)
    .where(eq(complaintPauses.complaintId, complaintId))
    .orderBy(asc(complaintPauses.startedAt));
  return rows.map((p) => ({ start: p.startedAt, end: p.endedAt }));
}

/** The pauses of many complaints in one query. */
export async function pausesOfMany(tx: Executor, complaintIds: string[]): Promise<Map<string, Pause[]>> {
  const out = new Map<string, Pause[]>();
  if (!complaintIds.length) return out;
  const rows = await tx
    .select()
    .from(complaintPauses)
    .where(inArray(complaintPauses.complaintId, complaintIds))
    .orderBy(asc(complaintPauses.startedAt));
  for (const p of rows) out.set(p.complaintId, [...(out.get(p.complaintId) ?? []), { start: p.startedAt, end: p.endedAt }]);
  return out;
}

export interface ClockState {
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

/** Deadlines as of now: none for a clock that is met (or stopped by an open pause). */
export function deadlines(
  cal: BusinessCalendar,
  c: {
    receivedAt: Date;
    firstResponseAt: Date | null;
    resolvedAt: Date | null;
    responseTargetMinutes: number | null;
    resolutionTargetMinutes: number | null;
  },
  pauses: Pause[],
): ClockState {
  const resolved = c.resolvedAt !== null;
  return {
    responseDueAt:
      c.firstResponseAt || resolved || c.responseTargetMinutes === null
        ? null
        : businessDeadline(cal, c.receivedAt, c.responseTargetMinutes, pauses),
    resolutionDueAt:
      resolved || c.resolutionTargetMinutes === null ? null : businessDeadline(cal, c.receivedAt, c.resolutionTargetMinutes, pauses),
  };
}

/** Business minutes each clock has run, up to its stop (the response, the resolution) or now. */
export function elapsed(
  cal: BusinessCalendar,
  c: { receivedAt: Date; firstResponseAt: Date | null; resolvedAt: Date | null },
  pauses: Pause[],
  now: Date,
): { response: number; resolution: number } {
  return {
    response: elapsedBusinessMinutes(cal, c.receivedAt, c.firstResponseAt ?? c.resolvedAt ?? now, pauses),
    resolution: elapsedBusinessMinutes(cal, c.receivedAt, c.resolvedAt ?? now, pauses),
  };
}

/** The moment 75 % of a target has run (the warning to the handler). */
export function warningAt(cal: BusinessCalendar, receivedAt: Date, target: number, pauses: Pause[]): Date | null {
  return businessDeadline(cal, receivedAt, Math.ceil(target * 0.75), pauses);
}
