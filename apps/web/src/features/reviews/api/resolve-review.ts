import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { peopleQueryKey } from '../../ledger/api/get-people';
import { reviewsQueryKey, type ReviewItem } from './get-reviews';

/** merge / distinct for a possible duplicate; acceptIncoming / keepCurrent for a conflict. */
export type ReviewAction = 'merge' | 'distinct' | 'acceptIncoming' | 'keepCurrent';

export function resolveReview({ id, action }: { id: number; action: ReviewAction }): Promise<ReviewItem> {
  return api<ReviewItem>(`/api/reviews/${id}/resolve`, { method: 'POST', body: { action } });
}

export function useResolveReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveReview,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: reviewsQueryKey }), queryClient.invalidateQueries({ queryKey: peopleQueryKey })]);
    },
  });
}
