import { type KpiKey, kpiKeys } from '../../../../src/modules/kpi/kpi.contracts';
import { isIsoDate, type PeriodKind, periodKinds } from './period';

/** Whose figures the dashboard shows. */
export const kpiScopes = ['me', 'team', 'department', 'manager'] as const;
export type KpiScope = (typeof kpiScopes)[number];
export const drillGroupings = ['account', 'product', 'line'] as const;
export type DrillGrouping = (typeof drillGroupings)[number];

/** What the address of the dashboard keeps, so that a view can be shared. */
export interface KpiSearch {
  scope?: KpiScope;
  period?: PeriodKind;
  from?: string;
  to?: string;
  /** the senior KAM whose team is shown (scope team) */
  lead?: string;
  /** the manager shown (scope manager) */
  manager?: string;
  /** the figure whose rows are open */
  drill?: KpiKey;
  /** whose rows (a manager's e-mail; absent: the figure of the view) */
  dm?: string;
  /** sales rows per account, product or line */
  by?: DrillGrouping;
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => (list.includes(v as T) ? (v as T) : undefined);
const email = (v: unknown): string | undefined => (typeof v === 'string' && v.includes('@') && v.length <= 320 ? v : undefined);

export function validateKpiSearch(search: Record<string, unknown>): KpiSearch {
  const out: KpiSearch = {
    scope: oneOf(kpiScopes, search.scope),
    period: oneOf(periodKinds, search.period),
    from: isIsoDate(search.from) ? search.from : undefined,
    to: isIsoDate(search.to) ? search.to : undefined,
    lead: email(search.lead),
    manager: email(search.manager),
    drill: oneOf(kpiKeys, search.drill),
    dm: email(search.dm),
    by: oneOf(drillGroupings, search.by),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as KpiSearch;
}
