import { useQuery } from '@tanstack/react-query';
import type { Papers } from '@xinxue/domain/pipeline/papers';
import { api, ApiError } from '../../../../../lib/api-client';

/**
 * The dossier's notices and opinion requests (`GET /api/dossiers/:id/papers`, the papers' module),
 * for the live judgement. Shares its key with the papers panel, so a notice registered there shows
 * up in the step form's verdict (the papers' `dossierPapersKey`). A server without the endpoint (404) means no papers.
 */
export function useDossierPapers(dossierId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['pipeline-papers', 'dossier', dossierId],
    queryFn: async ({ signal }) => {
      try {
        return await api<Papers>(`/api/dossiers/${dossierId}/papers`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
    enabled,
    retry: false,
  });
}
