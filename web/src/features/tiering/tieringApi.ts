import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccountTeam, OwnershipHistory } from '../../../../src/modules/accounts/team.contracts';
import type {
  Proposal,
  ProposalList,
  ProposalListQuery,
  RetieringSummary,
  RetierRun,
  RunList,
  Scorecard,
  ScoringPreview,
  ScoringSettings,
} from '../../../../src/modules/tiering/tiering.contracts';
import { api } from '../../app/api';

export type { AccountTeam, OwnershipHistory, Proposal, RetieringSummary, RetierRun, Scorecard, ScoringPreview, ScoringSettings };
export type ProposalListT = z.infer<typeof ProposalList>;
export type ProposalQuery = {
  [K in keyof z.output<typeof ProposalListQuery>]?: z.output<typeof ProposalListQuery>[K] | null;
};

export const scoringKey = ['scoring', 'settings'] as const;
export const scorecardKey = (accountId: string) => ['account', accountId, 'scorecard'] as const;
export const teamKey = (accountId: string) => ['account', accountId, 'team'] as const;
export const ownersKey = (accountId: string) => ['account', accountId, 'owners'] as const;

export function useScoringSettings() {
  return useQuery({ queryKey: scoringKey, queryFn: () => api.get<ScoringSettings>('/api/scoring/settings'), staleTime: 60_000 });
}

export function useScorecard(accountId: string, enabled = true) {
  return useQuery({
    queryKey: scorecardKey(accountId),
    queryFn: () => api.get<Scorecard>(`/api/accounts/${accountId}/scorecard`),
    enabled,
  });
}

export function useTeam(accountId: string) {
  return useQuery({ queryKey: teamKey(accountId), queryFn: () => api.get<AccountTeam>(`/api/accounts/${accountId}/team`) });
}

export function useOwners(accountId: string) {
  return useQuery({ queryKey: ownersKey(accountId), queryFn: () => api.get<OwnershipHistory>(`/api/accounts/${accountId}/owners`) });
}

export function useProposals(query: ProposalQuery) {
  return useQuery({
    queryKey: ['retiering', 'proposals', query],
    queryFn: () => api.get<ProposalListT>('/api/retiering/proposals', query),
    placeholderData: keepPreviousData,
  });
}

export function useRetieringSummary(enabled = true) {
  return useQuery({
    queryKey: ['retiering', 'summary'],
    queryFn: () => api.get<RetieringSummary>('/api/retiering/summary'),
    enabled,
  });
}

export function useRuns() {
  return useQuery({
    queryKey: ['retiering', 'runs'],
    queryFn: async () => (await api.get<z.infer<typeof RunList>>('/api/retiering/runs')).items,
  });
}

/** After an account's tier, owner, team or score changed: everything that shows it. */
export function invalidateAccount(client: QueryClient, accountId: string): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['account', accountId] }),
    client.invalidateQueries({ queryKey: ['accounts'] }),
    client.invalidateQueries({ queryKey: ['timeline', accountId] }),
    client.invalidateQueries({ queryKey: ['retiering'] }),
  ]);
}
