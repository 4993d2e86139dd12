import type { Formation, HostKind, OrgKind } from '@xinxue/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Org } from './get-orgs';
import { afterOrgWrite } from './invalidate';

export interface CreateOrgInput {
  name: string;
  kind: OrgKind;
  parentId?: number | null;
  divisionCode: string;
  hostKind?: HostKind;
  formation?: Formation;
  attachedToId?: number | null;
  coveredNewOrgIds?: number[];
  approvalPower?: boolean;
  locatedDivisionCode?: string | null;
  mayDevelop?: { value: boolean; decidedBy: string; decidedOn: string } | null;
  establishedOn?: string;
}

export function createOrg(input: CreateOrgInput): Promise<Org> {
  return api<Org>('/api/orgs', { method: 'POST', body: input });
}

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createOrg, onSuccess: () => afterOrgWrite(queryClient) });
}
