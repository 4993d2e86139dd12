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

export interface ReviewFilter {
  status: ReviewStatus;
  kind?: ReviewKind | undefined;
  /** Only people placed under this division code prefix. */
  within?: string | undefined;
  page: number;
  pageSize: number;
}

export function getReviews(f: ReviewFilter, signal?: AbortSignal): Promise<{ items: ReviewItem[]; total: number }> {
  return api<{ items: ReviewItem[]; total: number }>('/api/reviews', { query: { status: f.status, kind: f.kind, within: f.within, page: f.page, pageSize: f.pageSize }, signal });
}

export function useReviews(f: ReviewFilter) {
  return useQuery({
    queryKey: [...reviewsQueryKey, f],
    queryFn: ({ signal }) => getReviews(f, signal),
    placeholderData: keepPreviousData,
  });
}
