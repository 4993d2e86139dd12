import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { surveysQueryKey, type Survey } from './get-surveys';

/** Ends a survey: no more checks, and its per-grid figures stay as they are now. */
export function closeSurvey(id: number): Promise<Survey> {
  return api<Survey>(`/api/surveys/${id}/close`, { method: 'POST' });
}

export function useCloseSurvey() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: closeSurvey, onSuccess: () => queryClient.invalidateQueries({ queryKey: surveysQueryKey }) });
}
