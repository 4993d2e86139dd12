import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface StageCounts {
  /** Active dossiers in stages 1–5. */
  stages: number[];
  active: number;
  members: number;
  /** Withdrawn or not recognized. */
  closed: number;
}

export interface BoardRow extends StageCounts {
  orgId: number;
  orgName: string;
  kind: string;
  hasChildren: boolean;
  /** The organization's own dossiers (not of its children). */
  self: boolean;
}

export interface Board {
  org: { id: number; name: string } | null;
  breadcrumb: { orgId: number; orgName: string }[];
  stages: { number: number; name: string }[];
  totals: StageCounts;
  rows: BoardRow[];
}

export function getBoard(orgId: number | undefined, signal?: AbortSignal): Promise<Board> {
  return api<Board>('/api/pipeline/board', { query: { orgId }, signal });
}

export function useBoard(orgId: number | undefined) {
  return useQuery({ queryKey: ['pipeline-reports', 'board', orgId ?? null], queryFn: ({ signal }) => getBoard(orgId, signal), placeholderData: keepPreviousData });
}
