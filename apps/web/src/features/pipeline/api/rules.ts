import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** One rule as `GET /api/audit/rules` explains it (text, article, the city's severity). */
export interface RuleDescription {
  id: string;
  name: string;
  text: string;
  versions: string[];
  source: string;
  sourceV2014?: string;
  step: number;
  stepName: string;
  severities: ('BLOCK' | 'WARN' | 'INFO')[];
  enabled: boolean;
  local: boolean;
  params: Record<string, { value: number | boolean | string[]; label: string }>;
}

export function useRules(enabled = true) {
  return useQuery({
    queryKey: ['audit', 'rules'],
    queryFn: ({ signal }) => api<{ items: RuleDescription[] }>('/api/audit/rules', { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}
