import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DepartmentRequest,
  DepartmentSla,
  RequestAttachment,
  RequestDepartment,
  RequestDetail,
  RequestEvent,
  RequestList,
  RequestStatus,
} from '../../../../src/modules/requests/requests.contracts';
import { requestDepartments, requestTypesByDepartment } from '../../../../src/modules/requests/requests.contracts';
import { api } from '../../app/api';

export type { DepartmentRequest, DepartmentSla, RequestAttachment, RequestDepartment, RequestDetail, RequestEvent, RequestStatus };
export { requestDepartments, requestTypesByDepartment };
export type RequestView = 'mine' | 'queue' | 'line' | 'all';
export type StatusFilter = RequestStatus | 'open' | 'closed' | '';

export function useRequests(
  q: { view?: RequestView; status?: StatusFilter; department?: string | null; accountId?: string; offset?: number },
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: ['requests', 'list', q],
    queryFn: () =>
      api.get<RequestList>('/api/requests', {
        view: q.view,
        status: q.status || undefined,
        department: q.department || undefined,
        accountId: q.accountId,
        offset: q.offset,
        limit: 50,
      }),
    // the SLA clocks tick: refresh the list every minute
    refetchInterval: 60_000,
  });
}

export function useRequest(id: string | null) {
  return useQuery({ queryKey: ['requests', 'one', id], queryFn: () => api.get<RequestDetail>(`/api/requests/${id}`), enabled: !!id });
}

export function useRequestAssignees(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['requests', 'assignees', id],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>(`/api/requests/${id}/assignees`),
    enabled: !!id && enabled,
    staleTime: 60_000,
  });
}

export function useDepartmentSla() {
  return useQuery({
    queryKey: ['requests', 'sla'],
    queryFn: () => api.get<{ items: DepartmentSla[]; canEdit: boolean }>('/api/requests/sla'),
    staleTime: 60_000,
  });
}

/** A change to one request; refreshes the lists, the request and the account timeline. */
export function useRequestChange<V>(fn: (v: V) => Promise<RequestDetail>, onDone?: (r: RequestDetail) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (r) => {
      client.setQueryData(['requests', 'one', r.id], r);
      await client.invalidateQueries({ queryKey: ['requests', 'list'] });
      await client.invalidateQueries({ queryKey: ['timeline', r.account.id] });
      onDone?.(r);
    },
  });
}

export const statusColors: Record<RequestStatus, string> = {
  new: 'blue',
  in_progress: 'violet',
  waiting: 'yellow',
  done: 'green',
  rejected: 'red',
  cancelled: 'gray',
};
export const isOpenStatus = (s: RequestStatus) => s === 'new' || s === 'in_progress' || s === 'waiting';
