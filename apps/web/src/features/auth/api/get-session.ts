import type { Permission } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  scope: { divisionPrefix: string; divisionName: string; orgId: number | null };
}

export interface Session {
  user: SessionUser;
  permissions: Permission[];
  csrfToken: string;
  secondFactorDone: boolean;
  totpEnabled: boolean;
  passwordExpired: boolean;
  idleMinutes: number;
}

export const sessionQueryKey = ['auth', 'session'] as const;

export async function getSession(signal?: AbortSignal): Promise<Session> {
  const session = await api<Session>('/api/auth/session', { signal });
  // A reload loses the token held in memory; the session endpoint hands it out again.
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: ({ signal }) => getSession(signal), retry: false, staleTime: 60_000 });
}
