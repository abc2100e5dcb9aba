import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../../src/core/contracts';
import { applyLocale } from '../i18n';
import { ApiError, api, setCsrfToken } from './api';
import type { DemoInfoT, Me, SetupStatusT } from './types';

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api.get<Me>('/api/me');
        setCsrfToken(me.csrfToken);
        await applyLocale(me.locale);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** The signed-in user where the shell guarantees one exists. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside the signed-in shell');
  return data;
}

export function can(me: Me | null | undefined, permission: string): boolean {
  return !!me?.permissions.includes(permission);
}

export function useSetupStatus() {
  return useQuery({ queryKey: ['setup'], queryFn: () => api.get<SetupStatusT>('/api/setup'), staleTime: 30_000 });
}

/** The demo accounts when the demo company is loaded, else null. */
export function useDemoInfo() {
  return useQuery({
    queryKey: ['setup', 'demo'],
    queryFn: async (): Promise<DemoInfoT | null> => {
      try {
        return await api.get<DemoInfoT>('/api/setup/demo');
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Change the UI language; for a signed-in user it is saved to their profile. */
export function useChangeLocale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      await applyLocale(locale);
      const me = client.getQueryData<Me | null>(meKey);
      if (me) {
        await api.patch('/api/me', { locale });
        client.setQueryData<Me | null>(meKey, (old) => (old ? { ...old, locale } : old));
      }
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup' });
      client.setQueryData(meKey, null);
    },
  });
}
