import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../../lib/api-client';
import { peopleQueryKey } from '../../ledger/api/get-people';
import { reviewsQueryKey } from '../../reviews/api/get-reviews';
import { importsQueryKey, type ImportStatus } from './get-imports';

/** How often a running import is asked for its progress. */
const POLL_MS = 500;

export function getImport(id: number, signal?: AbortSignal): Promise<ImportStatus> {
  return api<ImportStatus>(`/api/imports/${id}`, { signal });
}

/** An import's progress, polled while it runs; when it ends, the ledger and the review queue are stale. */
export function useImport(id: number | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [...importsQueryKey, 'detail', id],
    queryFn: ({ signal }) => getImport(id!, signal),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : POLL_MS),
    staleTime: 0,
  });
  const finished = query.data && query.data.status !== 'running';
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: peopleQueryKey });
    void queryClient.invalidateQueries({ queryKey: reviewsQueryKey });
    void queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'list'] });
  }, [finished, queryClient]);
  return query;
}
