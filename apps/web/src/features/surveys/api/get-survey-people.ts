import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FiveItem } from '@xinxue/domain';
import { api } from '../../../lib/api-client';
import { surveysQueryKey } from './get-surveys';

export type CheckOutcome = 'confirmed' | 'corrected' | 'notFound' | 'movedAway';

export interface SurveyPerson {
  id: number;
  name: string;
  gender: string | null;
  birthDate: string | null;
  direction: string | null;
  gridId: number;
  gridName: string;
  current: {
    employer: string | null;
    workAddress: string | null;
    occupation: string | null;
    residenceAddress: string | null;
    hukouAddress: string | null;
    movedOn: string | null;
    /** Masked: the grid worker asks "is your number 138****1234?". */
    phones: string[];
  };
  fiveItems: { clear: FiveItem[]; missing: FiveItem[]; stale: FiveItem[]; complete: boolean };
  check: { outcome: CheckOutcome; checkedAt: string; checkedBy: string | null; note: string | null; destination: string | null } | null;
}

export interface SurveyPeopleFilter {
  gridId?: number | undefined;
  state: 'all' | 'unchecked' | 'checked';
  page: number;
}

export const SURVEY_PAGE_SIZE = 20;

export function getSurveyPeople(surveyId: number, f: SurveyPeopleFilter, signal?: AbortSignal): Promise<{ items: SurveyPerson[]; total: number }> {
  return api(`/api/surveys/${surveyId}/people`, { query: { gridId: f.gridId, state: f.state, page: f.page, pageSize: SURVEY_PAGE_SIZE }, signal });
}

export function useSurveyPeople(surveyId: number, f: SurveyPeopleFilter) {
  return useQuery({
    queryKey: [...surveysQueryKey, surveyId, 'people', f],
    queryFn: ({ signal }) => getSurveyPeople(surveyId, f, signal),
    placeholderData: keepPreviousData,
  });
}
