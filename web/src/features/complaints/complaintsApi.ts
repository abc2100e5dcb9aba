import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Complaint, ComplaintList } from '../../../../src/modules/complaints/complaint-list.contracts';
import type {
  ComplaintDetail,
  ComplaintPatch,
  NewComplaint,
  SlaSettings,
  SlaSummary,
  SlaTarget,
} from '../../../../src/modules/complaints/complaint-workflow.contracts';
import type { ComplaintSeverity, ComplaintStatus } from '../../../../src/modules/complaints/complaints.contracts';
import type { Trend } from '../../../../src/modules/surveys/surveys.contracts';
import { api } from '../../app/api';

export type { Complaint, ComplaintDetail, ComplaintList, ComplaintSeverity, ComplaintStatus, SlaSettings, SlaSummary, SlaTarget, Trend };

export interface ComplaintFilters {
  accountId?: string;
  severity?: ComplaintSeverity;
  state?: 'open' | 'resolved';
  status?: ComplaintStatus;
  breached?: 'true';
  mine?: 'true';
  justified?: 'true' | 'false' | 'unknown';
  from?: string;
  to?: string;
  q?: string;
}

export function useComplaints(f: ComplaintFilters, limit: number, offset: number) {
  return useQuery({
    queryKey: ['complaints', 'list', f, limit, offset],
    queryFn: () => api.get<ComplaintList>('/api/complaints', { ...f, limit, offset }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useComplaint(id: string | null) {
  return useQuery({
    queryKey: ['complaints', 'one', id],
    queryFn: () => api.get<ComplaintDetail>(`/api/complaints/${id}`),
    enabled: !!id,
  });
}

/** A step of the workflow: the answer is the complaint as it is now; the lists refresh. */
export function useComplaintAction<V>(fn: (v: V) => Promise<ComplaintDetail>, onDone?: (c: ComplaintDetail) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (c) => {
      client.setQueryData(['complaints', 'one', c.id], c);
      await client.invalidateQueries({ queryKey: ['complaints', 'list'] });
      void client.invalidateQueries({ queryKey: ['complaints', 'sla'] });
      void client.invalidateQueries({ queryKey: ['timeline', c.account.id] });
      onDone?.(c);
    },
  });
}

export const complaintsApi = {
  create: (body: Partial<NewComplaint>) => api.post<ComplaintDetail>('/api/complaints', body),
  patch: (id: string, body: ComplaintPatch) => api.patch<ComplaintDetail>(`/api/complaints/${id}`, body),
  reply: (id: string, message: string, toClient: boolean) =>
    api.post<ComplaintDetail>(`/api/complaints/${id}/reply`, { message, toClient }),
  waiting: (id: string, waiting: boolean, note?: string) =>
    api.post<ComplaintDetail>(`/api/complaints/${id}/waiting`, { waiting, note: note || undefined }),
  resolve: (id: string, body: { justified: boolean; rootCause: string; correctiveAction?: string; resolution: string }) =>
    api.post<ComplaintDetail>(`/api/complaints/${id}/resolve`, body),
  confirm: (id: string) => api.post<ComplaintDetail>(`/api/complaints/${id}/confirm`),
  reopen: (id: string, reason: string) => api.post<ComplaintDetail>(`/api/complaints/${id}/reopen`, { reason }),
};

export function useSlaSummary(from: string, to: string) {
  return useQuery({
    queryKey: ['complaints', 'sla', 'summary', from, to],
    queryFn: () => api.get<SlaSummary>('/api/complaints/sla/summary', { from, to }),
    placeholderData: keepPreviousData,
  });
}

export function useSlaSettings() {
  return useQuery({
    queryKey: ['complaints', 'sla', 'settings'],
    queryFn: () => api.get<SlaSettings>('/api/complaints/sla/settings'),
  });
}

export function useSurveyTrend(from: string, to: string) {
  return useQuery({
    queryKey: ['surveys', 'trend', from, to],
    queryFn: () => api.get<Trend>('/api/surveys/trend', { from, to, by: 'kam' }),
    placeholderData: keepPreviousData,
  });
}

export const severityColors: Record<ComplaintSeverity, string> = { low: 'gray', normal: 'blue', high: 'orange', critical: 'red' };
export const statusColors: Record<ComplaintStatus, string> = {
  new: 'blue',
  in_progress: 'violet',
  waiting_client: 'yellow',
  resolved: 'teal',
  closed: 'gray',
};
