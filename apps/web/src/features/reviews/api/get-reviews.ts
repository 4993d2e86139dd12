import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** A person as the review queue shows them: masked, just enough to tell two people apart. */
export interface ReviewPerson {
  id: number;
  name: string;
  idNumberMasked: string | null;
  birthDate: string | null;
  /** 男 / 女 */
  gender: string | null;
  employer: string | null;
  phonesMasked: string[];
  mergedInto: number | null;
}

export interface ReviewItem {
  id: number;
  kind: 'match' | 'conflict';
  status: 'open' | 'resolved' | (string & {});
  createdAt: string;
  resolution: 'merge' | 'distinct' | 'acceptIncoming' | 'keepCurrent' | null | (string & {});
  resolvedAt: string | null;
  /** Match: the score, and how each field contributed to it. */
  score: number | null;
  parts: { label: string; points: number; detail: string }[];
  person: ReviewPerson | null;
  /** Match: the person already in the ledger who may be the same. */
  candidate: ReviewPerson | null;
  /** Conflict: which kind of fact disagrees (工作情况 …). */
  factKind?: string | null;
  differences: { key: string; label: string; incoming: string; incomingSource: string; current: string; currentSource: string }[];
}

export type ReviewStatus = 'open' | 'resolved';
export type ReviewKind = 'match' | 'conflict';

export const reviewsQueryKey = ['reviews'] as const;

export function getReviews(status: ReviewStatus, kind: ReviewKind | undefined, signal?: AbortSignal): Promise<{ items: ReviewItem[] }> {
  return api<{ items: ReviewItem[] }>('/api/reviews', { query: { status, kind }, signal });
}

export function useReviews(status: ReviewStatus, kind: ReviewKind | undefined) {
  return useQuery({
    queryKey: [...reviewsQueryKey, status, kind ?? 'all'],
    queryFn: ({ signal }) => getReviews(status, kind, signal),
    placeholderData: keepPreviousData,
  });
}
