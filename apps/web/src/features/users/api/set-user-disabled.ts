import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usersQueryKey, type UserAccount } from './get-users';

export function setUserDisabled({ id, disabled }: { id: number; disabled: boolean }): Promise<UserAccount> {
  return api<UserAccount>(`/api/users/${id}/disabled`, { method: 'POST', body: { disabled } });
}

export function useSetUserDisabled() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setUserDisabled, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }) });
}
