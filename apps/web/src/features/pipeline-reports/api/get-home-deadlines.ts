import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { DeadlineKind } from './get-deadlines';

/** The `deadlines` part of GET /api/home (null without dossiers:read). */
export interface HomeDeadlines {
  overdue: number;
  dueSoon: number;
  nearest: { dossierId: number; personName: string; orgName: string; kind: DeadlineKind; label: string; dueOn: string; daysLeft: number; overdue: boolean }[];
}

// The same query key as the home page's own overview: one request serves both.
export function useHomeDeadlines() {
  return useQuery({
    queryKey: ['home'],
    queryFn: ({ signal }) => api<{ deadlines?: HomeDeadlines | null }>('/api/home', { signal }),
    select: (home) => home.deadlines ?? null,
  });
}
