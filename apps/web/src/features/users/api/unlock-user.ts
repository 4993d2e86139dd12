import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usersQueryKey, type UserAccount } from './get-users';

export function unlockUser(id: number): Promise<UserAccount> {
  return api<UserAccount>(`/api/users/${id}/unlock`, { method: 'POST' });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: unlockUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }) });
}
