import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ProgressCounts {
  total: number;
  checked: number;
  confirmed: number;
  corrected: number;
  notFound: number;
  movedAway: number;
  /** People whose five items are all clear. */
  complete: number;
  /** Checked people as a share of all, 0–100. */
  percent: number;
}

export interface GridProgress extends ProgressCounts {
  gridId: number;
  gridName: string;
  divisionCode: string;
  divisionName: string;
}

export interface Survey {
  id: number;
  name: string;
  startsOn: string;
  dueOn: string;
  divisionCode: string;
  divisionName: string;
  status: 'open' | 'closed';
  createdAt: string;
  /** While closed: when and by whom; the figures are those of that moment. */
  closedAt: string | null;
  closedBy: string | null;
  totals: ProgressCounts;
  grids: GridProgress[];
}

export const surveysQueryKey = ['surveys'] as const;

export type SurveyStatusFilter = 'open' | 'closed' | undefined;

export function getSurveys(status: SurveyStatusFilter, signal?: AbortSignal): Promise<{ items: Survey[] }> {
  return api<{ items: Survey[] }>('/api/surveys', { query: { status }, signal });
}

export function useSurveys(status: SurveyStatusFilter) {
  return useQuery({ queryKey: [...surveysQueryKey, 'list', status ?? 'all'], queryFn: ({ signal }) => getSurveys(status, signal) });
}
