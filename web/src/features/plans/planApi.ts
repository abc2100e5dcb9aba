import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ItemSection, Plan } from '../../../../src/modules/plans/plans.contracts';
import { ApiError, api } from '../../app/api';
import { showServerError } from '../../ui/formErrors';
import { downloadFile } from '../../ui/DownloadMenu';

export type { Goal, ItemSection, Need, Opportunity, Plan, Solution, SwotItem } from '../../../../src/modules/plans/plans.contracts';

export const planKey = (accountId: string) => ['plan', accountId] as const;

export function usePlan(accountId: string) {
  return useQuery({ queryKey: planKey(accountId), queryFn: () => api.get<Plan>(`/api/accounts/${accountId}/plan`) });
}

export type PlanRequest =
  | { method: 'put'; path: ''; body: unknown }
  | { method: 'post'; path: string; body: unknown }
  | { method: 'patch'; path: string; body: unknown }
  | { method: 'delete'; path: string };

interface FormLike {
  setFieldError: (path: string, error: string) => void;
}

/**
 * Every change of a plan answers the whole plan: it replaces the cached one, and the account (its
 * "plan updated") and its timeline are refreshed. A conflict reloads the plan and says so.
 */
export function usePlanChange(accountId: string) {
  const client = useQueryClient();
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: (r: PlanRequest & { form?: FormLike }) => {
      const url = `/api/accounts/${accountId}/plan${r.path}`;
      if (r.method === 'delete') return api.delete<Plan>(url);
      return api[r.method]<Plan>(url, r.body);
    },
    onSuccess: (plan) => {
      client.setQueryData(planKey(accountId), plan);
      void client.invalidateQueries({ queryKey: ['account', accountId] });
      void client.invalidateQueries({ queryKey: ['timeline', accountId] });
      void client.invalidateQueries({ queryKey: ['accounts'] });
    },
    onError: (error, r) => {
      if (error instanceof ApiError && error.status === 409 && error.code === 'CONFLICT') {
        void client.invalidateQueries({ queryKey: planKey(accountId) });
        showServerError(new ApiError(409, 'CONFLICT', t('plans.conflict')));
        return;
      }
      showServerError(error, r.form);
    },
  });
  return mutation;
}

export const itemPath = (section: ItemSection, id?: string) => `/${section}${id ? `/${id}` : ''}`;

/** Opens the PDF in the browser's download flow (the server sends it as an attachment). */
export function downloadPlanPdf(accountId: string, lang: 'en' | 'ru') {
  downloadFile(`/api/accounts/${accountId}/plan.pdf?lang=${lang}`);
}
