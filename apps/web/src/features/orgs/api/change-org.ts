import type { Formation, HostKind, OrgKind } from '@xinxue/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OrgDetail } from './get-org';
import { afterOrgWrite } from './invalidate';

export interface ChangeOrgInput {
  /** The version the form was filled from: the server refuses the change if someone changed it since. */
  version: number;
  effectiveOn?: string;
  reason?: string;
  name?: string;
  kind?: OrgKind;
  parentId?: number | null;
  divisionCode?: string;
  hostKind?: HostKind;
  formation?: Formation;
  attachedToId?: number | null;
  approvalPower?: boolean;
  locatedDivisionCode?: string | null;
  establishedOn?: string;
  coveredNewOrgIds?: number[];
}

export function changeOrg(id: number, input: ChangeOrgInput): Promise<OrgDetail> {
  return api<OrgDetail>(`/api/orgs/${id}`, { method: 'PATCH', body: input });
}

export function useChangeOrg(id: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: ChangeOrgInput) => changeOrg(id, input), onSuccess: (detail) => afterOrgWrite(queryClient, detail) });
}
