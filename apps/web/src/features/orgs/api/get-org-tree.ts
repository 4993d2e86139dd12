import type { Formation, HostKind, OrgKind, OrgStatus } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { orgsQueryKey } from './get-orgs';

/** The compact form of every organization in scope, for the tree and the pickers. */
export interface OrgTreeItem {
  id: number;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  hostKind: HostKind;
  formation: Formation;
  status: OrgStatus;
  divisionCode: string;
  approvalPower: boolean;
}

export function getOrgTree(includeEnded: boolean, signal?: AbortSignal): Promise<{ items: OrgTreeItem[] }> {
  return api('/api/orgs/tree', { query: { includeEnded: includeEnded ? 'true' : undefined }, signal });
}

export function useOrgTree(includeEnded = false) {
  return useQuery({ queryKey: [...orgsQueryKey, 'tree', includeEnded], queryFn: ({ signal }) => getOrgTree(includeEnded, signal), staleTime: 60_000 });
}
