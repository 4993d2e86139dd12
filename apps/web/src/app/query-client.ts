import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Every request refreshes the server's idle clock; a focus refetch would keep an unattended session alive.
      refetchOnWindowFocus: false,
      // A 4xx is the server's answer, not a glitch: asking again gives the same answer.
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});
