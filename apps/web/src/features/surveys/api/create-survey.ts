import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { surveysQueryKey, type Survey } from './get-surveys';

export interface CreateSurveyInput {
  name: string;
  startsOn: string;
  dueOn: string;
  /** Every grid under this division prefix. */
  within: string;
}

export function createSurvey(input: CreateSurveyInput): Promise<Survey> {
  return api<Survey>('/api/surveys', { method: 'POST', body: input });
}

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createSurvey, onSuccess: () => queryClient.invalidateQueries({ queryKey: surveysQueryKey }) });
}
