import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  actorRole: string | null;
  ip: string;
  action: string;
  objectType: string | null;
  objectIds: (string | number)[];
  outcome: 'success' | 'failure' | 'denied';
  detail: Record<string, unknown>;
}

export const PAGE_SIZE = 50;

export function getAuditLog(params: { beforeId?: number | undefined; action?: string | undefined }, signal?: AbortSignal): Promise<{ items: AuditEntry[] }> {
  return api<{ items: AuditEntry[] }>('/api/audit-log', { query: { limit: PAGE_SIZE, beforeId: params.beforeId, action: params.action }, signal });
}

/** Newest first; each further page starts below the last id seen (keyset paging, stable while new entries arrive). */
export function useAuditLog(action: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['audit-log', action ?? ''],
    queryFn: ({ pageParam, signal }) => getAuditLog({ beforeId: pageParam, action }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.items.length < PAGE_SIZE ? undefined : last.items.at(-1)?.id),
  });
}
