import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActAnalysis,
  ActAttachment,
  ActDetail,
  ActKind,
  ActList,
  ActStatus,
  ActSummary,
  AttachmentRole,
  OrderLinesForAct,
} from '../../../../src/modules/acts/acts.contracts';
import type { AccountOrderList } from '../../../../src/modules/orders/account-sales.contracts';
import { ApiError, api, writeHeaders } from '../../app/api';
import { i18n } from '../../i18n';

export type { ActAnalysis, ActAttachment, ActDetail, ActKind, ActStatus, ActSummary, AttachmentRole };
export const actKinds: ActKind[] = ['shortage', 'mis_sort', 'return', 'refusal'];
export const actStatuses: ActStatus[] = ['draft', 'signed'];
export const returnReasons = ['defect', 'shortage', 'mis_sort', 'refusal', 'other'] as const;
export type ReturnReason = (typeof returnReasons)[number];
export const defaultReason: Record<ActKind, ReturnReason> = {
  return: 'defect',
  refusal: 'refusal',
  shortage: 'shortage',
  mis_sort: 'mis_sort',
};
export const statusColors: Record<ActStatus, string> = { draft: 'gray', signed: 'teal' };
export const kindColors: Record<ActKind, string> = { shortage: 'orange', mis_sort: 'violet', return: 'blue', refusal: 'red' };

export interface ActFilters {
  account?: string;
  kind?: ActKind;
  status?: ActStatus;
  from?: string;
  to?: string;
}

export function useActs(f: ActFilters, limit: number, offset: number) {
  return useQuery({
    queryKey: ['acts', 'list', f, limit, offset],
    queryFn: () => api.get<ActList>('/api/acts', { ...f, limit, offset }),
    placeholderData: keepPreviousData,
  });
}

export function useAct(id: string) {
  return useQuery({ queryKey: ['acts', 'one', id], queryFn: () => api.get<ActDetail>(`/api/acts/${id}`), retry: false });
}

export function useActAnalysis(q: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ['acts', 'analysis', q],
    queryFn: () => api.get<ActAnalysis>('/api/acts/analysis', q),
    placeholderData: keepPreviousData,
  });
}

export function useAccountOrders(accountId: string | null) {
  return useQuery({
    queryKey: ['acts', 'orders', accountId],
    queryFn: () => api.get<AccountOrderList>(`/api/accounts/${accountId}/orders`, { limit: 200 }),
    enabled: !!accountId,
  });
}

export function useOrderLines(accountId: string | null, orderId: string | null) {
  return useQuery({
    queryKey: ['acts', 'order-lines', accountId, orderId],
    queryFn: () => api.get<OrderLinesForAct>('/api/acts/order-lines', { account: accountId, order: orderId }),
    enabled: !!accountId && !!orderId,
  });
}

/** A change to one act: keeps its page and the lists fresh. */
export function useActChange<V>(fn: (v: V) => Promise<ActDetail>, onDone?: (a: ActDetail) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (act) => {
      client.setQueryData(['acts', 'one', act.id], act);
      await client.invalidateQueries({ queryKey: ['acts', 'list'] });
      await client.invalidateQueries({ queryKey: ['acts', 'analysis'] });
      await client.invalidateQueries({ queryKey: ['timeline', act.account.id] });
      onDone?.(act);
    },
  });
}

/** Uploads one file to an act as a photo or as its signed copy. */
export function uploadActFile(actId: string, role: AttachmentRole, file: File): Promise<ActAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/acts/${actId}/attachments?role=${role}`);
    for (const [k, v] of Object.entries(writeHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('errors.network')));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) return resolve(body as ActAttachment);
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? i18n.t('common.somethingWrong')));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
