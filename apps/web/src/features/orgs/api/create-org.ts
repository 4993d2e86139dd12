import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { orgsQueryKey, type Org, type OrgKind } from './get-orgs';

export interface CreateOrgInput {
  name: string;
  kind: OrgKind;
  parentId?: number | null;
  divisionCode: string;
}

export function createOrg(input: CreateOrgInput): Promise<Org> {
  return api<Org>('/api/orgs', { method: 'POST', body: input });
}

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrg,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: orgsQueryKey }), queryClient.invalidateQueries({ queryKey: ['home'] })]),
  });
}
