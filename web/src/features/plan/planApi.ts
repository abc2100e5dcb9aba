import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type {
  AcceptPlan,
  Adherence,
  Cadence,
  ChecklistTemplate,
  Coverage,
  DueAccount,
  DueList,
  DueReason,
  PlanItem,
  Suggestion,
  Suggestions,
  Week,
} from '../../../../src/modules/contact-plan/contact-plan.contracts';
import type { AccountTier } from '../../../../src/modules/accounts/accounts.contracts';
import type { ChecklistKind } from '../../../../src/modules/interactions/interactions.contracts';
import { api } from '../../app/api';
import { formatDay, formatMoney } from '../../i18n/format';

export type { Adherence, Cadence, ChecklistTemplate, Coverage, DueAccount, DueReason, PlanItem, Suggestion, Week, AccountTier };

export function useWeek(from: string | null, to: string | null, userId: string | undefined) {
  return useQuery({
    queryKey: ['plan', 'week', from, to, userId ?? 'me'],
    queryFn: () => api.get<Week>('/api/plan/week', { from: from ?? '', to: to ?? '', userId }),
    enabled: !!from && !!to,
    placeholderData: keepPreviousData,
  });
}

export function useDue(userId: string | undefined) {
  return useQuery({
    queryKey: ['plan', 'due', userId ?? 'me'],
    queryFn: () => api.get<DueList>('/api/plan/due', { userId }),
  });
}

export const suggest = (weekStart: string, userId?: string) => api.post<Suggestions>('/api/plan/suggest', { weekStart, userId });

export function useAccept() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptPlan) => api.post<{ ids: string[] }>('/api/plan/accept', body),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['plan'] }), client.invalidateQueries({ queryKey: ['interactions'] })]),
  });
}

export function useAdherence(from: string, to: string) {
  return useQuery({
    queryKey: ['plan', 'adherence', from, to],
    queryFn: () => api.get<Adherence>('/api/plan/adherence', { from, to }),
    placeholderData: keepPreviousData,
  });
}

export function useCoverage(days: number, tier: AccountTier, userId: string | undefined) {
  return useQuery({
    queryKey: ['plan', 'coverage', days, tier, userId ?? 'all'],
    queryFn: () => api.get<Coverage>('/api/plan/coverage', { days, tier, userId }),
    placeholderData: keepPreviousData,
  });
}

export function useCadences() {
  return useQuery({ queryKey: ['plan', 'cadences'], queryFn: () => api.get<{ items: Cadence[] }>('/api/plan/cadences') });
}

export function useSaveCadences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: Cadence[]) => api.put<{ items: Cadence[] }>('/api/plan/cadences', { items }),
    onSuccess: (saved) => {
      client.setQueryData(['plan', 'cadences'], saved);
      return client.invalidateQueries({ queryKey: ['plan'] });
    },
  });
}

export function useSaveChecklist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, items }: { kind: ChecklistKind; items: string[] }) =>
      api.put<ChecklistTemplate>(`/api/plan/checklists/${kind}`, { items }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plan', 'checklists'] }),
  });
}

/** A reason an account is due, in words: "Visit due: last visit 23 days ago (every 14)". */
export function reasonText(r: DueReason, t: TFunction, lang: string): string {
  switch (r.kind) {
    case 'visit_due':
      return r.daysSince === null
        ? t('weekPlan.reasons.visitNever', { every: r.everyDays })
        : t('weekPlan.reasons.visitDue', { days: r.daysSince, every: r.everyDays });
    case 'call_due':
      return r.daysSince === null
        ? t('weekPlan.reasons.callNever', { every: r.everyDays })
        : t('weekPlan.reasons.callDue', { days: r.daysSince, every: r.everyDays });
    case 'decision_maker_not_met':
      return r.daysSince === null
        ? t('weekPlan.reasons.dmNotMet', { name: r.name })
        : t('weekPlan.reasons.dmNotMetFor', { name: r.name, days: r.daysSince });
    case 'open_complaints':
      return t('weekPlan.reasons.complaints', { n: r.count });
    case 'overdue_debt':
      return t('weekPlan.reasons.debt', { amount: formatMoney(r.amount, r.currency, lang).replace(/[.,]00(?=\D*$)/, '') });
    case 'renewal':
      return t('weekPlan.reasons.renewal', { title: r.title, date: formatDay(r.date, lang) });
  }
}
