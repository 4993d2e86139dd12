import { useQueries } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { NewOrgOption } from './search-new-orgs';

export function getNewOrg(id: number, signal?: AbortSignal): Promise<NewOrgOption> {
  return api(`/api/new-orgs/${id}`, { signal });
}

/** The named units (e.g. the ones a link from the blank-spot page asks to cover), one request each. */
export function useNewOrgsById(ids: readonly number[]) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: ['new-orgs', 'detail', id], queryFn: ({ signal }: { signal: AbortSignal }) => getNewOrg(id, signal), staleTime: 60_000 })),
  });
}
