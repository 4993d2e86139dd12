import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface SetupStatus {
  hasUsers: boolean;
  demoCommand: string;
  addUserCommand: string;
}

export function getSetupStatus(signal?: AbortSignal): Promise<SetupStatus> {
  return api<SetupStatus>('/api/setup-status', { signal });
}

export function useSetupStatus() {
  return useQuery({ queryKey: ['setup-status'], queryFn: ({ signal }) => getSetupStatus(signal), staleTime: Infinity, retry: false });
}
