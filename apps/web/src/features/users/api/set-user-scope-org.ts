import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usersQueryKey, type UserAccount } from './get-users';

/** Narrows an account to a party organization and its subtree (null: divisions only). */
export function setUserScopeOrg(id: number, orgId: number | null): Promise<UserAccount> {
  return api<UserAccount>(`/api/users/${id}/scope-org`, { method: 'PUT', body: { orgId } });
}

export function useSetUserScopeOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, orgId }: { id: number; orgId: number | null }) => setUserScopeOrg(id, orgId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
