import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccountCompetitors,
  Competitor,
  CompetitorDetail,
  CompetitorList,
  Presence,
  ThreatLevel,
  ThreatList,
} from '../../../../src/modules/competitors/competitors.contracts';
import { api } from '../../app/api';

export type { AccountCompetitors, Competitor, CompetitorDetail, Presence, ThreatLevel };
export type CompetitorListT = z.infer<typeof CompetitorList>;
export type ThreatListT = z.infer<typeof ThreatList>;

export const threatColors: Record<ThreatLevel, string> = { low: 'gray', medium: 'orange', high: 'red' };

export function useCompetitorList(query: { q?: string; archived: 'true' | 'false' | 'all'; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['competitors', 'list', query],
    queryFn: () => api.get<CompetitorListT>('/api/competitors', query),
    placeholderData: keepPreviousData,
  });
}

export function useCompetitor(id: string | null) {
  return useQuery({
    queryKey: ['competitors', 'one', id],
    queryFn: () => api.get<CompetitorDetail>(`/api/competitors/${id}`),
    enabled: !!id,
  });
}

export function useThreats(query: { threat?: 'high' | 'medium'; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['competitors', 'threats', query],
    queryFn: () => api.get<ThreatListT>('/api/competitors/threats', query),
    placeholderData: keepPreviousData,
  });
}

export const accountCompetitorsKey = (accountId: string) => ['account-competitors', accountId] as const;

export function useAccountCompetitors(accountId: string) {
  return useQuery({
    queryKey: accountCompetitorsKey(accountId),
    queryFn: () => api.get<AccountCompetitors>(`/api/accounts/${accountId}/competitors`),
  });
}

/** Catalogue changes refresh every competitor list (the accounts' "lost to" picker too). */
export function useSaveCompetitor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (r: { id?: string; body: Record<string, unknown> }) =>
      r.id ? api.patch<CompetitorDetail>(`/api/competitors/${r.id}`, r.body) : api.post<CompetitorDetail>('/api/competitors', r.body),
    onSuccess: (saved) => {
      client.setQueryData(['competitors', 'one', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['competitors'] });
      void client.invalidateQueries({ queryKey: ['account-competitors'] });
    },
  });
}

export type PresenceRequest =
  | { method: 'post'; body: unknown }
  | { method: 'patch'; id: string; body: unknown }
  | { method: 'delete'; id: string };

/** Presence changes answer the account's whole list; its timeline and the threats list follow. */
export function usePresenceChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (r: PresenceRequest) => {
      if (r.method === 'post') return api.post<AccountCompetitors>(`/api/accounts/${accountId}/competitors`, r.body);
      if (r.method === 'patch') return api.patch<AccountCompetitors>(`/api/competitor-presence/${r.id}`, r.body);
      return api.delete<AccountCompetitors>(`/api/competitor-presence/${r.id}`);
    },
    onSuccess: (list) => {
      client.setQueryData(accountCompetitorsKey(accountId), list);
      void client.invalidateQueries({ queryKey: ['timeline', accountId] });
      void client.invalidateQueries({ queryKey: ['competitors'] });
    },
  });
}
