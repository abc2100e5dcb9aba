import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { meKey } from './session';

function onApiError(error: unknown, key?: readonly unknown[]): void {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401 && key?.[0] !== 'me') {
    // The session ended (signed out elsewhere, disabled, expired): back to sign-in.
    queryClient.setQueryData(meKey, null);
  } else if (error.code === 'TOTP_ENROLMENT_REQUIRED') {
    void queryClient.invalidateQueries({ queryKey: meKey });
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onApiError(error) }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
