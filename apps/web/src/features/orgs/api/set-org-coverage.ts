import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OrgDetail } from './get-org';
import { afterOrgWrite } from './invalidate';

export interface SetCoverageInput {
  version: number;
  newOrgIds: number[];
  effectiveOn?: string;
  reason?: string;
}

export function setOrgCoverage(id: number, input: SetCoverageInput): Promise<OrgDetail> {
  return api<OrgDetail>(`/api/orgs/${id}/coverage`, { method: 'PUT', body: input });
}

export function useSetOrgCoverage(id: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: SetCoverageInput) => setOrgCoverage(id, input), onSuccess: (detail) => afterOrgWrite(queryClient, detail) });
}
