import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AccountInvoiceList } from '../../../../src/modules/invoices/receivables.contracts';
import type { AccountOrderList, AccountReturnList } from '../../../../src/modules/orders/account-sales.contracts';
import type { AccountCommercial } from '../../../../src/modules/orders/commercial.contracts';
import { api } from '../../app/api';

export type { AccountCommercial, AccountInvoiceList, AccountOrderList, AccountReturnList };

export function useCommercial(accountId: string, months: number) {
  return useQuery({
    queryKey: ['commercial', accountId, months],
    queryFn: () => api.get<AccountCommercial>(`/api/accounts/${accountId}/commercial`, { months }),
    placeholderData: keepPreviousData,
  });
}

export function useAccountOrders(accountId: string, offset: number, limit: number) {
  return useQuery({
    queryKey: ['commercial', accountId, 'orders', offset, limit],
    queryFn: () => api.get<AccountOrderList>(`/api/accounts/${accountId}/orders`, { offset, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useAccountReturns(accountId: string, offset: number, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: ['commercial', accountId, 'returns', offset, limit],
    queryFn: () => api.get<AccountReturnList>(`/api/accounts/${accountId}/returns`, { offset, limit }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAccountInvoices(accountId: string, status: 'open' | 'all', offset: number, limit: number) {
  return useQuery({
    queryKey: ['commercial', accountId, 'invoices', status, offset, limit],
    queryFn: () => api.get<AccountInvoiceList>(`/api/accounts/${accountId}/invoices`, { status, offset, limit }),
    placeholderData: keepPreviousData,
  });
}
