import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface HomeOverview {
  scope: { prefix: string; name: string; level: string };
  counts: { grids: number; orgs: number };
  byChild: { code: string; name: string; grids: number; orgs: number }[];
}

export function getHome(signal?: AbortSignal): Promise<HomeOverview> {
  return api<HomeOverview>('/api/home', { signal });
}

export function useHome(enabled: boolean) {
  return useQuery({ queryKey: ['home'], queryFn: ({ signal }) => getHome(signal), enabled });
}
