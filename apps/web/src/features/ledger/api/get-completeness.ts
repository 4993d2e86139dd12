import type { FiveItem } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { peopleQueryKey } from './get-people';

export type CompletenessLevel = 'county' | 'township' | 'village' | 'grid';

export interface CompletenessArea {
  /** A division code prefix, or a grid id (as text; '0' gathers the people without a grid). */
  key: string;
  name: string;
  total: number;
  /** People with all five items clear. */
  complete: number;
  /** People with each item clear. */
  items: Record<FiveItem, number>;
}

export function getCompleteness(within: string, by: CompletenessLevel, signal?: AbortSignal): Promise<{ items: CompletenessArea[] }> {
  return api<{ items: CompletenessArea[] }>('/api/ledger/completeness', { query: { within, by }, signal });
}

export function useCompleteness(within: string, by: CompletenessLevel) {
  return useQuery({
    queryKey: [...peopleQueryKey, 'completeness', within, by],
    queryFn: ({ signal }) => getCompleteness(within, by, signal),
    placeholderData: keepPreviousData,
  });
}
