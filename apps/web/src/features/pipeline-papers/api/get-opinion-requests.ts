import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type OpinionRequest, papersQueryKey } from './get-dossier-papers';

export interface OpinionRequestItem extends OpinionRequest {
  personName: string;
  orgId: number;
  orgName: string;
}

/** Letters in scope, seen by the sending and the addressee side; `open` keeps the unanswered ones. */
export function getOpinionRequests(open: boolean, signal?: AbortSignal): Promise<{ items: OpinionRequestItem[] }> {
  return api<{ items: OpinionRequestItem[] }>('/api/opinion-requests', { query: { open: open ? '1' : undefined }, signal });
}

export function useOpinionRequests(open: boolean) {
  return useQuery({ queryKey: [...papersQueryKey, 'requests', open], queryFn: ({ signal }) => getOpinionRequests(open, signal) });
}
