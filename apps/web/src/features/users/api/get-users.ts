import type { Role } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface UserAccount {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  scopeDivision: string;
  scopeName: string;
  /** An org scope narrows the account to that party organization's subtree. */
  scopeOrgId: number | null;
  scopeOrgName: string | null;
  phoneMasked: string | null;
  totpEnabled: boolean;
  locked: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
}

export const usersQueryKey = ['users'] as const;

export function getUsers(signal?: AbortSignal): Promise<{ items: UserAccount[] }> {
  return api<{ items: UserAccount[] }>('/api/users', { signal });
}

export function useUsers() {
  return useQuery({ queryKey: usersQueryKey, queryFn: ({ signal }) => getUsers(signal) });
}
