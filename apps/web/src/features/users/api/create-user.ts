import type { Role } from '@xinxue/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usersQueryKey, type UserAccount } from './get-users';

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  /** Division code prefix (2–12 digits) the account may see. */
  scopeDivision: string;
  password: string;
  phone?: string;
  /** Optional: narrows the scope to a party organization and its subtree. */
  scopeOrgId?: number | null;
}

export function createUser(input: CreateUserInput): Promise<UserAccount> {
  return api<UserAccount>('/api/users', { method: 'POST', body: input });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }) });
}
