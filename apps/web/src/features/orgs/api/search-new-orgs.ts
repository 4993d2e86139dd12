import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** One enterprise or social organization as the registry's search returns it (GET /api/new-orgs). */
export interface NewOrgOption {
  id: number;
  name: string;
  uscc: string;
  kindLabel: string;
  divisionName: string;
  /** Who covers it now, if anyone. */
  coverage: { orgId: number; orgName: string; formation: string } | null;
}

export function searchNewOrgs(q: string, signal?: AbortSignal): Promise<{ items: NewOrgOption[]; total: number }> {
  return api('/api/new-orgs', { query: { q: q || undefined, covered: 'false', pageSize: 20 }, signal });
}

/** Blank spots (not covered) matching the text, for the covered-units picker. */
export function useNewOrgSearch(q: string, enabled = true) {
  return useQuery({ queryKey: ['new-orgs', 'picker', q], queryFn: ({ signal }) => searchNewOrgs(q, signal), placeholderData: keepPreviousData, enabled, staleTime: 10_000 });
}
