import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type MicroOrgSummary, microOrgsQueryKey } from './get-micro-orgs';

export interface Backbone {
  id: number;
  name: string;
  personId: number | null;
  duty: string;
  joinedOn: string;
  leftOn: string | null;
}

export interface ReachedPerson {
  personId: number;
  name: string;
  divisionName: string;
  direction: string | null;
  employer: string | null;
  since: string;
  /** In the outstanding-people database now. */
  talent: boolean;
}

export interface MicroOrgDetail extends MicroOrgSummary {
  backboneList: Backbone[];
  reachList: ReachedPerson[];
  /** Reached people outside the user's scope: counted, not listed. */
  hiddenReach: number;
}

export const microOrgQueryKey = (id: number) => [...microOrgsQueryKey, 'detail', id] as const;

export function getMicroOrg(id: number, signal?: AbortSignal): Promise<MicroOrgDetail> {
  return api<MicroOrgDetail>(`/api/micro-orgs/${id}`, { signal });
}

export function useMicroOrg(id: number) {
  return useQuery({ queryKey: microOrgQueryKey(id), queryFn: ({ signal }) => getMicroOrg(id, signal), enabled: Number.isInteger(id) && id > 0 });
}
