import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../../lib/api-client';
import { citySettings } from '../live-judgement';

/** The city's rule settings (`GET /api/audit/settings`), parsed for the rule engine in the browser. */
export function useRuleSettings() {
  return useQuery({
    queryKey: ['audit', 'settings'],
    queryFn: ({ signal }) => api<unknown>('/api/audit/settings', { signal }),
    select: citySettings,
    staleTime: 5 * 60_000,
  });
}
