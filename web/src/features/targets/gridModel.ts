import type { SaveTargetsRequest, TargetGrid, TargetMetric, TargetRow } from '../../../../src/modules/targets/targets.contracts';
import { fromUnits, type Scale, splitUnits, subtractDecimals, sumDecimals, toUnits } from '../../../../src/modules/targets/targets.split';

/**
 * The plans grid in the browser: the server's grid plus the user's unsaved edits, keyed by
 * "<row>|<month 1..12>|<metric>" where row is "department" or a user id. Values are canonical decimal
 * strings ("1250.50" for money, "12" for counts) or null for "no plan".
 */
export type Edits = ReadonlyMap<string, string | null>;
export const DEPARTMENT = 'department';
export const months = Array.from({ length: 12 }, (_, i) => i + 1);

export const scaleOf = (metric: TargetMetric): Scale => (metric === 'revenue' ? 2 : 0);
export const cellKey = (row: string, month: number, metric: TargetMetric) => `${row}|${month}|${metric}`;

function rowOf(grid: TargetGrid, row: string): TargetRow | undefined {
  return row === DEPARTMENT ? grid.department : grid.managers.find((m) => m.user.id === row);
}

/** What the server holds for a cell, as a canonical string. */
export function serverValue(grid: TargetGrid, row: string, month: number, metric: TargetMetric): string | null {
  const v = rowOf(grid, row)?.[metric][month - 1];
  if (v === null || v === undefined) return null;
  return metric === 'revenue' ? fromUnits(toUnits(String(v), 2), 2) : String(v);
}

export function value(grid: TargetGrid, edits: Edits, row: string, month: number, metric: TargetMetric): string | null {
  const key = cellKey(row, month, metric);
  return edits.has(key) ? (edits.get(key) ?? null) : serverValue(grid, row, month, metric);
}

/** The edits that differ from the server's grid (an edit back to the saved value is no change). */
export function realChanges(grid: TargetGrid, edits: Edits): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const [key, v] of edits) {
    const [row = '', month = '0', metric] = key.split('|');
    if (serverValue(grid, row, Number(month), metric as TargetMetric) !== v) out.set(key, v);
  }
  return out;
}

/** The PUT body: one entry per changed row and month, with only the changed metrics. */
export function saveRequest(grid: TargetGrid, edits: Edits): SaveTargetsRequest {
  const byCell = new Map<string, Record<string, unknown>>();
  for (const [key, v] of realChanges(grid, edits)) {
    const [row = '', month = '0', metric = ''] = key.split('|');
    const id = `${row}|${month}`;
    const entry = byCell.get(id) ?? (row === DEPARTMENT ? { month: Number(month) } : { userId: row, month: Number(month) });
    entry[metric] = v === null ? null : metric === 'revenue' ? v : Number(v);
    byCell.set(id, entry);
  }
  const entries = [...byCell.entries()];
  return {
    version: grid.version,
    department: entries.filter(([id]) => id.startsWith(`${DEPARTMENT}|`)).map(([, e]) => e) as SaveTargetsRequest['department'],
    managers: entries.filter(([id]) => !id.startsWith(`${DEPARTMENT}|`)).map(([, e]) => e) as SaveTargetsRequest['managers'],
  };
}

/** Sum of the managers' plans for a month (exact), with the edits. */
export function managersSum(grid: TargetGrid, edits: Edits, month: number, metric: TargetMetric): string {
  return sumDecimals(
    grid.managers.map((m) => value(grid, edits, m.user.id, month, metric)),
    scaleOf(metric),
  );
}

/** Sum − department plan; null while the department has no plan for the month. */
export function difference(grid: TargetGrid, edits: Edits, month: number, metric: TargetMetric): string | null {
  const target = value(grid, edits, DEPARTMENT, month, metric);
  if (target === null) return null;
  return subtractDecimals(managersSum(grid, edits, month, metric), target, scaleOf(metric));
}

/** The managers' plans over the year (none for active clients). */
export function managersYearTotal(grid: TargetGrid, edits: Edits, metric: TargetMetric): string | null {
  if (metric === 'activeClients') return null;
  return sumDecimals(
    months.map((m) => managersSum(grid, edits, m, metric)),
    scaleOf(metric),
  );
}

/** A row's year: the sum of its months (none for active clients, a level rather than a flow). */
export function yearTotal(grid: TargetGrid, edits: Edits, row: string, metric: TargetMetric): string | null {
  if (metric === 'activeClients') return null;
  const values = months.map((m) => value(grid, edits, row, m, metric));
  return values.every((v) => v === null) ? null : sumDecimals(values, scaleOf(metric));
}

/**
 * What the user typed, as a canonical value: "1 250 000,5" (Russian) or "1,250,000.5" (English) →
 * "1250000.50"; empty → null; undefined when it is not a valid plan. In Russian the comma is the
 * decimal mark; in English it separates thousands, unless it ends the number with one or two digits.
 */
export function parseInput(text: string, metric: TargetMetric, locale = 'en'): string | null | undefined {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (locale === 'ru') s = s.replace(',', '.');
  else if (!s.includes('.') && /^[\d,]*,\d{1,2}$/.test(s)) s = s.replace(/,(\d{1,2})$/, '.$1').replace(/,/g, '');
  else s = s.replace(/,(?=\d{3}(\D|$))/g, '');
  if (s === '') return null;
  if (metric === 'revenue') {
    if (!/^\d{1,16}(\.\d{1,2})?$/.test(s)) return undefined;
    return fromUnits(toUnits(s, 2), 2);
  }
  if (!/^\d{1,7}$/.test(s) || Number(s) > 1_000_000) return undefined;
  return String(Number(s));
}

export type SplitMode = 'evenly' | 'lastYear';
export type SplitOutcome =
  | { ok: true; edits: Map<string, string | null>; fellBack: number[]; skipped: number[] }
  | { ok: false; reason: 'noTarget' | 'noManagers' | 'fixedTooLarge'; month?: number };

/**
 * Fills the active managers' cells of the given months so that, with the plans of managers who left
 * (kept as they are), they add up exactly to the department plan. Evenly, or in proportion to each
 * manager's plan for the same month of `lastYear` (evenly where nobody had one).
 */
export function splitMonths(
  grid: TargetGrid,
  edits: Edits,
  metric: TargetMetric,
  which: number[],
  mode: SplitMode,
  lastYear: TargetGrid | undefined,
): SplitOutcome {
  const scale = scaleOf(metric);
  const planned = grid.managers.filter((m) => m.planned);
  if (!planned.length) return { ok: false, reason: 'noManagers' };
  const next = new Map(edits);
  const fellBack: number[] = [];
  const skipped: number[] = [];
  for (const month of which) {
    const target = value(grid, edits, DEPARTMENT, month, metric);
    if (target === null) {
      if (which.length === 1) return { ok: false, reason: 'noTarget', month };
      skipped.push(month);
      continue;
    }
    const fixed = sumDecimals(
      grid.managers.filter((m) => !m.planned).map((m) => value(grid, edits, m.user.id, month, metric)),
      scale,
    );
    const rest = toUnits(target, scale) - toUnits(fixed, scale);
    if (rest < 0n) return { ok: false, reason: 'fixedTooLarge', month };
    let weights = planned.map(() => 1n);
    if (mode === 'lastYear') {
      const last = planned.map((m) => {
        const v = lastYear ? serverValue(lastYear, m.user.id, month, metric) : null;
        return v === null ? 0n : toUnits(v, scale);
      });
      if (last.some((w) => w > 0n)) weights = last;
      else fellBack.push(month);
    }
    splitUnits(rest, weights).forEach((units, i) => {
      const m = planned[i];
      if (m) next.set(cellKey(m.user.id, month, metric), fromUnits(units, scale));
    });
  }
  if (skipped.length === which.length) return { ok: false, reason: 'noTarget' };
  return { ok: true, edits: next, fellBack, skipped };
}
