import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SaveTargetsRequest, TargetGrid, TargetMetric } from '../../../../src/modules/targets/targets.contracts';
import { api } from '../../app/api';

export type { TargetGrid, TargetMetric };

export const targetsKey = (year: number) => ['targets', year] as const;

export function useTargets(year: number, enabled = true) {
  return useQuery({
    queryKey: targetsKey(year),
    queryFn: () => api.get<TargetGrid>(`/api/targets/${year}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveTargets(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTargetsRequest) => api.put<TargetGrid>(`/api/targets/${year}`, body),
    onSuccess: (grid) => {
      client.setQueryData(targetsKey(year), grid);
      // the KPI pages show plan fulfilment
      void client.invalidateQueries({ queryKey: ['kpi'] });
    },
  });
}
