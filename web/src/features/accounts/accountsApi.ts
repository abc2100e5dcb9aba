import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Account,
  AccountFacets,
  AccountList,
  AccountListItem,
  AccountStatus,
  AccountTier,
  SavedView,
  Timeline,
  TimelineEvent,
  accountChannels,
  accountSortFields,
} from '../../../../src/modules/accounts/accounts.contracts';
import { ApiError, api, withQuery } from '../../app/api';

export type { Account, AccountFacets, AccountListItem, AccountStatus, AccountTier, SavedView, TimelineEvent };
export type AccountListT = z.infer<typeof AccountList>;
export type TimelineT = z.infer<typeof Timeline>;
export type AccountChannel = (typeof accountChannels)[number];
export type AccountSort = (typeof accountSortFields)[number];

/** The filters of the account list, as the page holds them. */
export interface ListFilters {
  q: string;
  tier: AccountTier[];
  status: AccountStatus[];
  ownerId: string | null;
  channel: AccountChannel[];
  segment: string | null;
  industry: string | null;
  region: string | null;
  /** 'false' (the default: not archived), 'true' (archived only) or null (both) */
  archived: 'true' | 'false' | null;
  hasPlan: 'true' | 'false' | null;
  sort: AccountSort;
  order: 'asc' | 'desc';
}

export const defaultFilters: ListFilters = {
  q: '',
  tier: [],
  status: [],
  ownerId: null,
  channel: [],
  segment: null,
  industry: null,
  region: null,
  archived: 'false',
  hasPlan: null,
  sort: 'name',
  order: 'asc',
};

/** The query string of GET /api/accounts (and of its export) for these filters. */
export function filterQuery(f: ListFilters): Record<string, string | undefined> {
  const list = (v: string[]) => (v.length ? v.join(',') : undefined);
  return {
    q: f.q.trim() || undefined,
    tier: list(f.tier),
    status: list(f.status),
    ownerId: f.ownerId ?? undefined,
    channel: list(f.channel),
    segment: f.segment ?? undefined,
    industry: f.industry ?? undefined,
    region: f.region ?? undefined,
    archived: f.archived ?? undefined,
    hasPlan: f.hasPlan ?? undefined,
    sort: f.sort,
    order: f.order,
  };
}

/** Filters as a saved view stores them (only what is set). */
export function viewQuery(f: ListFilters): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({ ...filterQuery(f), tier: f.tier, status: f.status, channel: f.channel }).filter(
      ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

const asList = <T extends string>(v: unknown): T[] =>
  Array.isArray(v) ? (v as T[]) : typeof v === 'string' && v ? (v.split(',') as T[]) : [];
const asText = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const asFlag = (v: unknown): 'true' | 'false' | null => (v === 'true' || v === 'false' ? v : null);

/** The filters a saved view stands for; what it does not name is not filtered. */
export function filtersOfView(query: Record<string, unknown>): ListFilters {
  return {
    q: asText(query.q) ?? '',
    tier: asList<AccountTier>(query.tier),
    status: asList<AccountStatus>(query.status),
    ownerId: asText(query.ownerId),
    channel: asList<AccountChannel>(query.channel),
    segment: asText(query.segment),
    industry: asText(query.industry),
    region: asText(query.region),
    archived: asFlag(query.archived),
    hasPlan: asFlag(query.hasPlan),
    sort: (asText(query.sort) as AccountSort | null) ?? 'name',
    order: query.order === 'desc' ? 'desc' : 'asc',
  };
}

export function sameFilters(a: ListFilters, b: ListFilters): boolean {
  return JSON.stringify(filterQuery(a)) === JSON.stringify(filterQuery(b));
}

export function exportUrl(f: ListFilters, columns: string[], format: 'csv' | 'xlsx'): string {
  return withQuery('/api/accounts/export', { ...filterQuery(f), format, columns: columns.join(',') });
}

export const accountKey = (id: string) => ['account', id] as const;
export const timelineKey = (id: string) => ['timeline', id] as const;

/** One account; `null` when it does not exist or is hidden from the reader (the server answers 404). */
export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKey(id),
    queryFn: async (): Promise<Account | null> => {
      try {
        return await api.get<Account>(`/api/accounts/${id}`);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
        throw error;
      }
    },
  });
}

export function useAccountList(f: ListFilters, limit: number, offset: number) {
  const query = { ...filterQuery(f), limit, offset };
  return useQuery({
    queryKey: ['accounts', 'list', query],
    queryFn: () => api.get<AccountListT>('/api/accounts', query),
    placeholderData: keepPreviousData,
  });
}

export function useFacets() {
  return useQuery({
    queryKey: ['accounts', 'facets'],
    queryFn: () => api.get<AccountFacets>('/api/accounts/facets'),
    staleTime: 60_000,
  });
}

export const viewsKey = ['accounts', 'views'] as const;
export function useViews() {
  return useQuery({
    queryKey: viewsKey,
    queryFn: async () => (await api.get<{ items: SavedView[] }>('/api/account-views')).items,
    staleTime: 60_000,
  });
}

export interface CompetitorOption {
  id: string;
  name: string;
}

/** Competitors for "lost to"; an empty list when the competitors module does not answer. */
export function useCompetitorOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['competitors', 'options'],
    queryFn: async (): Promise<CompetitorOption[]> => {
      try {
        const answer = await api.get<{ items: CompetitorOption[] }>('/api/competitors');
        return answer.items.map((c) => ({ id: c.id, name: c.name }));
      } catch {
        return [];
      }
    },
    enabled,
    staleTime: 60_000,
  });
}
