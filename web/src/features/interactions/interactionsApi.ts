import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Interaction, InteractionList } from '../../../../src/modules/interactions/interaction-list.contracts';
import type { InteractionStatus, InteractionType } from '../../../../src/modules/interactions/interactions.contracts';
import { api } from '../../app/api';

export type { Interaction, InteractionList, InteractionStatus, InteractionType };

export interface InteractionFilters {
  accountId?: string;
  userId?: string;
  type?: InteractionType;
  status?: InteractionStatus;
  from?: string;
  to?: string;
  q?: string;
}

export function useInteractions(f: InteractionFilters, limit: number, offset: number) {
  return useQuery({
    queryKey: ['interactions', 'list', f, limit, offset],
    queryFn: () => api.get<InteractionList>('/api/interactions', { ...f, limit, offset }),
    placeholderData: keepPreviousData,
  });
}

export function useInteraction(id: string | null) {
  return useQuery({
    queryKey: ['interactions', 'one', id],
    queryFn: () => api.get<Interaction>(`/api/interactions/${id}`),
    enabled: !!id,
  });
}

export const typeColors: Record<InteractionType, string> = {
  meeting: 'blue',
  visit: 'teal',
  call: 'cyan',
  email: 'gray',
  presentation: 'grape',
  negotiation: 'orange',
  training: 'lime',
};
export const statusColors: Record<InteractionStatus, string> = { planned: 'blue', done: 'teal', cancelled: 'gray' };
