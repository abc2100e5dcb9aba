import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { ChecklistTemplate } from '../../../../src/modules/contact-plan/contact-plan.contracts';
import type {
  CancelInteraction,
  CompleteInteraction,
  InteractionDetail,
  InteractionPatch,
  MoveInteraction,
  NewInteraction,
} from '../../../../src/modules/interactions/interaction-write.contracts';
import type { ChecklistKind, InteractionType } from '../../../../src/modules/interactions/interactions.contracts';
import { api } from '../../app/api';
import { timelineKey } from '../accounts/accountsApi';

export type { ChecklistKind, ChecklistTemplate, InteractionDetail, InteractionType };

/** What a person picks: a type, or a type with its own checklist (C4). */
export const logKinds = ['meeting', 'visit', 'call', 'presentation', 'negotiation', 'training', 'merchandising', 'email'] as const;
export type LogKind = (typeof logKinds)[number];

export function kindOf(type: InteractionType, checklistKind: ChecklistKind | null | undefined): LogKind {
  if (type === 'visit' && checklistKind === 'merchandising') return 'merchandising';
  return type;
}
export function typeOfKind(kind: LogKind): { type: InteractionType; checklistKind?: ChecklistKind } {
  if (kind === 'merchandising') return { type: 'visit', checklistKind: 'merchandising' };
  if (kind === 'training') return { type: 'training', checklistKind: 'training' };
  return { type: kind };
}

export const interactionKey = (id: string) => ['interactions', 'detail', id] as const;

export function useInteractionDetail(id: string | null) {
  return useQuery({
    queryKey: interactionKey(id ?? ''),
    queryFn: () => api.get<InteractionDetail>(`/api/interactions/${id}`),
    enabled: !!id,
  });
}

export function useChecklists(enabled = true) {
  return useQuery({
    queryKey: ['plan', 'checklists'],
    queryFn: () => api.get<{ items: ChecklistTemplate[] }>('/api/plan/checklists'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useAccountContacts(accountId: string | null) {
  return useQuery({
    queryKey: ['contacts', accountId ?? '', 'list', 'false'],
    queryFn: () =>
      api.get<{ items: { id: string; fullName: string; title: string | null }[] }>(`/api/accounts/${accountId}/contacts`, {
        archived: 'false',
      }),
    enabled: !!accountId,
  });
}

export const interactionWrites = {
  create: (body: NewInteraction) => api.post<InteractionDetail>('/api/interactions', body),
  patch: (id: string, body: InteractionPatch) => api.patch<InteractionDetail>(`/api/interactions/${id}`, body),
  complete: (id: string, body: CompleteInteraction) => api.post<InteractionDetail>(`/api/interactions/${id}/complete`, body),
  move: (id: string, body: MoveInteraction) => api.post<InteractionDetail>(`/api/interactions/${id}/move`, body),
  cancel: (id: string, body: CancelInteraction) => api.post<InteractionDetail>(`/api/interactions/${id}/cancel`, body),
  remove: (id: string) => api.delete<undefined>(`/api/interactions/${id}`).then(() => null),
};

/** A write on interactions; afterwards the plan, the lists, the account timeline and tasks are fresh. */
export function useInteractionWrite<V>(fn: (v: V) => Promise<InteractionDetail | null>, accountIdOf?: (v: V) => string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (saved, v) => {
      const accountId = saved?.account.id ?? accountIdOf?.(v);
      if (saved) client.setQueryData(interactionKey(saved.id), saved);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['plan'] }),
        client.invalidateQueries({ queryKey: ['interactions'] }),
        client.invalidateQueries({ queryKey: ['tasks'] }),
        client.invalidateQueries({ queryKey: ['home'] }),
        accountId ? client.invalidateQueries({ queryKey: timelineKey(accountId) }) : undefined,
      ]);
    },
  });
}

/** How the log drawer opens: a new item (logged or planned), or an action on a planned one. */
export type LogRequest =
  | {
      mode: 'new';
      accountId?: string | null;
      /** the account cannot be changed (opened from the account) */
      lockAccount?: boolean;
      kind?: LogKind;
      status?: 'planned' | 'done';
      at?: Date;
      durationMinutes?: number;
      /** whose plan (a deputy plans for the one they cover) */
      userId?: string;
    }
  | { mode: 'complete'; item: InteractionDetail }
  | { mode: 'move'; item: InteractionDetail }
  | { mode: 'cancel'; item: InteractionDetail };

/** A module-level store: anything can open the one drawer mounted in the shell. */
let current: LogRequest | null = null;
const listeners = new Set<() => void>();
function emit() {
  for (const l of listeners) l();
}
export function openLogDrawer(request: LogRequest): void {
  current = request;
  emit();
}
export function closeLogDrawer(): void {
  current = null;
  emit();
}
export function useLogRequest(): LogRequest | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
