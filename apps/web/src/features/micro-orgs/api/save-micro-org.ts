import type { MicroOrgKind } from '@xinxue/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type MicroOrgSummary, microOrgsQueryKey } from './get-micro-orgs';

export interface MicroOrgInput {
  name: string;
  kind: MicroOrgKind;
  divisionCode: string;
  guideOrgId: number | null;
  description: string;
  foundedOn: string;
}

/** Creates (no id) or edits a micro-organization. */
export function saveMicroOrg({ id, ...input }: MicroOrgInput & { id?: number }): Promise<MicroOrgSummary> {
  return id ? api<MicroOrgSummary>(`/api/micro-orgs/${id}`, { method: 'PATCH', body: input }) : api<MicroOrgSummary>('/api/micro-orgs', { method: 'POST', body: input });
}

export function useSaveMicroOrg() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveMicroOrg, onSuccess: () => queryClient.invalidateQueries({ queryKey: microOrgsQueryKey }) });
}
