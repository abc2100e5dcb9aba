import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Complaint, ComplaintList } from '../../../../src/modules/complaints/complaint-list.contracts';
import type { ComplaintSeverity } from '../../../../src/modules/complaints/complaints.contracts';
import { api } from '../../app/api';

export type { Complaint, ComplaintList, ComplaintSeverity };

export interface ComplaintFilters {
  accountId?: string;
  severity?: ComplaintSeverity;
  state?: 'open' | 'resolved';
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
  });
}

export function useComplaint(id: string | null) {
  return useQuery({
    queryKey: ['complaints', 'one', id],
    queryFn: () => api.get<Complaint>(`/api/complaints/${id}`),
    enabled: !!id,
  });
}

export const severityColors: Record<ComplaintSeverity, string> = { low: 'gray', normal: 'blue', high: 'orange', critical: 'red' };
