import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { surveysQueryKey, type Survey } from './get-surveys';

export function getSurvey(id: number, signal?: AbortSignal): Promise<Survey> {
  return api<Survey>(`/api/surveys/${id}`, { signal });
}

export function useSurvey(id: number) {
  return useQuery({ queryKey: [...surveysQueryKey, id], queryFn: ({ signal }) => getSurvey(id, signal) });
}
