import type { NewOrgKind } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { coverageQueryKey, type Tally } from './get-coverage';

export interface TrendPoint extends Tally {
  month: string;
  asOf: string;
  byKind: (Tally & { kind: NewOrgKind; label: string })[];
}

export function useCoverageTrend(within: string | undefined, months = 24) {
  return useQuery({
    queryKey: [...coverageQueryKey, 'trend', within, months],
    queryFn: ({ signal }) => api<{ points: TrendPoint[] }>('/api/new-org-coverage/trend', { query: { within, months }, signal }),
  });
}
