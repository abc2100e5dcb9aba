import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Absence, AbsenceList, CoverStatus, DeputyList } from '../../../../src/modules/absences/absences.contracts';
import { api } from '../../app/api';

export type AbsenceT = z.infer<typeof Absence>;
export type AbsenceListT = z.infer<typeof AbsenceList>;
export type CoverStatusT = z.infer<typeof CoverStatus>;
export type DeputyListT = z.infer<typeof DeputyList>;
export type AbsenceScope = 'mine' | 'covering' | 'team' | 'all';

export const useCover = () =>
  useQuery({ queryKey: ['absences', 'cover'], queryFn: () => api.get<CoverStatusT>('/api/absences/cover'), staleTime: 60_000 });

export const useAbsences = (scope: AbsenceScope, past: boolean) =>
  useQuery({
    queryKey: ['absences', 'list', scope, past],
    queryFn: () => api.get<AbsenceListT>('/api/absences', { scope, past: past ? 'true' : undefined }),
  });

/** Colleagues who can deputise for `userId` (yourself when null). */
export const useDeputies = (userId: string | null) =>
  useQuery({
    queryKey: ['absences', 'deputies', userId],
    queryFn: () => api.get<DeputyListT>('/api/absences/deputies', { userId: userId ?? undefined }),
  });

/** An absence changes the deputy's rights: everything the user sees may change with it. */
export function afterAbsenceChange(client: QueryClient) {
  void client.invalidateQueries();
}
