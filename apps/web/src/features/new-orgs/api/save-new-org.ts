import type { IndustryCode, NewOrgKind } from '@xinxue/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { coverageQueryKey } from './get-coverage';
import type { NewOrgDetail } from './get-new-org';
import { newOrgsQueryKey } from './get-new-orgs';

export interface NewOrgInput {
  kind: NewOrgKind;
  name: string;
  uscc: string;
  industry: IndustryCode;
  divisionCode: string;
  address?: string;
  employees: number;
  partyMembers: number;
  registeredOn?: string | null;
}

/** Creates (no id) or edits (id) a unit entered by hand. */
export function saveNewOrg({ id, input }: { id: number | null; input: NewOrgInput }) {
  return id === null ? api<NewOrgDetail>('/api/new-orgs', { method: 'POST', body: input }) : api<NewOrgDetail>(`/api/new-orgs/${id}`, { method: 'PUT', body: input });
}

export function useSaveNewOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveNewOrg,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: newOrgsQueryKey });
      void queryClient.invalidateQueries({ queryKey: coverageQueryKey });
    },
  });
}
