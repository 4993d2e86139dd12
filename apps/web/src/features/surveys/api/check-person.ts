import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { CheckOutcome } from './get-survey-people';
import { surveysQueryKey } from './get-surveys';

export interface Corrections {
  employer?: string;
  workAddress?: string;
  occupation?: string;
  phone?: string;
  residenceAddress?: string;
  movedOn?: string;
}

export interface CheckInput {
  personId: number;
  outcome: CheckOutcome;
  note?: string;
  destination?: string;
  corrections?: Corrections;
}

export function checkPerson(surveyId: number, input: CheckInput): Promise<{ checkId: number; outcome: CheckOutcome; checkedAt: string }> {
  return api(`/api/surveys/${surveyId}/checks`, { method: 'POST', body: input });
}

export function useCheckPerson(surveyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckInput) => checkPerson(surveyId, input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: surveysQueryKey }), queryClient.invalidateQueries({ queryKey: ['people'] })]),
  });
}
