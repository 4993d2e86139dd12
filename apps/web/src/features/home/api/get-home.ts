import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface HomeOverview {
  scope: { prefix: string; name: string; level: string };
  /** Active party organizations only. */
  counts: { grids: number; orgs: number };
  /** Enterprises and social organizations registered today and those an organization covers; null without orgs:read. */
  coverage: { total: number; covered: number; rate: number } | null;
  byChild: { code: string; name: string; grids: number; orgs: number }[];
}

export function getHome(signal?: AbortSignal): Promise<HomeOverview> {
  return api<HomeOverview>('/api/home', { signal });
}

export function useHome(enabled: boolean) {
  return useQuery({ queryKey: ['home'], queryFn: ({ signal }) => getHome(signal), enabled });
}
