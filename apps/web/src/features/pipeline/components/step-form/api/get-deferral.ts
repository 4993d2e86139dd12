import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../../../../lib/api-client';

/** The three deferrals' facts from the ledger (pipeline-ledger.ts `DeferralFacts`). */
export interface DeferralFacts {
  asOf: string;
  monthsAwayLastYear: number | null;
  hasFixedEmployer: boolean | null;
  performance: 'good' | 'fair' | 'poor' | null;
  evidence: { monthsAwayLastYear: string; hasFixedEmployer: string; performance: string };
}

/**
 * `GET /api/dossiers/:id/deferral?on=` (the dossier pages' endpoint). A server without it answers
 * 404: the form then shows the facts the server returns with its 422 instead.
 */
export function useDeferral(dossierId: number, on: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['dossiers', dossierId, 'deferral', on ?? null],
    queryFn: async ({ signal }) => {
      try {
        return await api<DeferralFacts>(`/api/dossiers/${dossierId}/deferral`, { query: { on }, signal });
      } catch (error) {
        if (error instanceof ApiError && ((error.status === 404 && error.code === 'NOT_FOUND') || error.status === 400)) return null;
        throw error;
      }
    },
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}
