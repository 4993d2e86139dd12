import type { Formation, HostKind, OrgKind, OrgStatus } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** One organization as lists show it (GET /api/orgs). */
export interface Org {
  id: number;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  parentId: number | null;
  parentName: string | null;
  divisionCode: string;
  divisionName: string;
  hostKind: HostKind;
  hostKindLabel: string;
  formation: Formation;
  formationLabel: string;
  status: OrgStatus;
  statusLabel: string;
  approvalPower: boolean;
  mayDevelop: boolean | null;
  attachedToId: number | null;
  attachedToName: string | null;
  locatedDivisionCode: string | null;
  locatedDivisionName: string | null;
  establishedOn: string | null;
  endedOn: string | null;
  mergedIntoId: number | null;
  memberCount: number;
  probationaryCount: number;
  coveredCount: number;
  version: number;
}

export interface OrgFilter {
  hostKind?: HostKind | undefined;
  kind?: OrgKind | undefined;
  formation?: Formation | undefined;
  status?: OrgStatus | undefined;
  within?: string | undefined;
  q?: string | undefined;
}

/** Everything under this key is organization data; writes invalidate it. */
export const orgsQueryKey = ['orgs'] as const;

export function getOrgs(filter: OrgFilter, page: number, pageSize: number, signal?: AbortSignal): Promise<{ items: Org[]; total: number }> {
  return api('/api/orgs', { query: { ...filter, page, pageSize }, signal });
}

export function useOrgs(filter: OrgFilter, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...orgsQueryKey, 'list', filter, page, pageSize],
    queryFn: ({ signal }) => getOrgs(filter, page, pageSize, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
