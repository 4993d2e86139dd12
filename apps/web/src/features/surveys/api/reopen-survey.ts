import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { surveysQueryKey, type Survey } from './get-surveys';

/** Reopens a closed survey, with the reason the audit log keeps. */
export function reopenSurvey({ id, reason }: { id: number; reason: string }): Promise<Survey> {
  return api<Survey>(`/api/surveys/${id}/reopen`, { method: 'POST', body: { reason } });
}

export function useReopenSurvey() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reopenSurvey, onSuccess: () => queryClient.invalidateQueries({ queryKey: surveysQueryKey }) });
}
