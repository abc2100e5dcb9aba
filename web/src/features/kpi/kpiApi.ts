import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type {
  DrillResult,
  KpiFigures,
  KpiKey,
  KpiManagerFigures,
  KpiReport,
  KpiTeamReport,
} from '../../../../src/modules/kpi/kpi.contracts';
import { api, withQuery } from '../../app/api';
import type { UserListT } from '../../app/types';
import type { Period } from './period';
import type { DrillGrouping, KpiScope } from './search';

export type { DrillResult, KpiFigures, KpiKey, KpiManagerFigures };

/** Whose figures a view shows, resolved to what the API needs. */
export interface Target {
  scope: KpiScope;
  /** a manager's e-mail (scopes me and manager) */
  manager?: string;
  /** a senior KAM's e-mail (scope team) */
  lead?: string;
}

/** One period of a view: the figures of the scope and the people behind it (managers or members). */
export interface ViewData {
  from: string;
  to: string;
  currency: string;
  /** null: the person has no figures in this period (owns nothing, no plan, no activity) */
  figures: KpiFigures | null;
  people: KpiManagerFigures[];
  lead?: { manager: string; name: string };
}

/** Whether a target names everything its scope needs. */
export const complete = (t: Target) => (t.scope === 'team' ? !!t.lead : t.scope === 'department' ? true : !!t.manager);

async function fetchView(t: Target, p: Period): Promise<ViewData> {
  if (t.scope === 'team') {
    const r = await api.get<KpiTeamReport>('/api/kpi/team', { from: p.from, to: p.to, lead: t.lead });
    return { from: r.from, to: r.to, currency: r.currency, figures: r.team, people: r.members, lead: r.lead };
  }
  if (t.scope === 'department') {
    const r = await api.get<KpiReport>('/api/kpi', { from: p.from, to: p.to });
    return { from: r.from, to: r.to, currency: r.currency, figures: r.total, people: r.managers };
  }
  const r = await api.get<KpiReport>('/api/kpi', { from: p.from, to: p.to, manager: t.manager });
  const person = r.managers.find((m) => m.manager === t.manager?.toLowerCase()) ?? null;
  return { from: r.from, to: r.to, currency: r.currency, figures: person, people: person ? [person] : [] };
}

const viewKey = (t: Target, p: Period) => ['kpi', 'view', t.scope, t.manager ?? t.lead ?? '', p.from, p.to] as const;

/** The view for the chosen period (index last) and the periods before it, one request each. */
export function useKpiViews(t: Target, periods: Period[]) {
  const enabled = complete(t);
  return useQueries({
    queries: periods.map((p, i) => ({
      queryKey: viewKey(t, p),
      queryFn: () => fetchView(t, p),
      enabled,
      staleTime: 60_000,
      // the chosen period keeps showing the last figures while the next ones load
      placeholderData: i === periods.length - 1 ? keepPreviousData : undefined,
    })),
  });
}

/** The people a view can switch to: the department's managers, or a senior KAM's team. */
export function useManagersOf(scope: 'department' | 'team', p: Period, lead: string | undefined, enabled: boolean) {
  const t: Target = scope === 'team' ? { scope, lead } : { scope };
  return useQuery({
    queryKey: viewKey(t, p),
    queryFn: () => fetchView(t, p),
    enabled: enabled && complete(t),
    staleTime: 60_000,
    select: (v) => v.people.map((m) => ({ email: m.manager, name: m.name })),
  });
}

/** Senior KAMs, whose teams the department can look at. */
export function useSeniors(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'list', { role: 'senior_kam', kpi: true }],
    queryFn: () => api.get<UserListT>('/api/users', { role: 'senior_kam', disabled: 'false', sort: 'name', limit: 500 }),
    enabled,
    staleTime: 60_000,
    select: (l) => l.items.map((u) => ({ email: u.email, name: u.name })),
  });
}

export function useDrill(key: KpiKey | undefined, p: Period, manager: string | undefined, by: DrillGrouping | undefined) {
  return useQuery({
    queryKey: ['kpi', 'drill', key, p.from, p.to, manager ?? '', by ?? 'account'],
    queryFn: () => api.get<DrillResult>('/api/kpi/drill', { key, from: p.from, to: p.to, manager, by }),
    enabled: !!key,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The server-made file of the current view. */
export function exportUrl(format: 'xlsx' | 'pdf', t: Target, p: Period): string {
  return withQuery('/api/kpi/export', {
    format,
    from: p.from,
    to: p.to,
    manager: t.scope === 'me' || t.scope === 'manager' ? t.manager : undefined,
    lead: t.scope === 'team' ? t.lead : undefined,
  });
}
