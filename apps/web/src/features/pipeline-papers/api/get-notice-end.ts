import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type NoticeStage, papersQueryKey } from './get-dossier-papers';

export interface NoticeEnd {
  start: string;
  workingDays: number;
  end: string;
  countsFirstDay: boolean;
}

/** The notice's end in working days (the rule engine's calendar), shown as soon as a start is chosen. */
export function getNoticeEnd(start: string, days: number | undefined, stage: NoticeStage | undefined, signal?: AbortSignal): Promise<NoticeEnd> {
  return api<NoticeEnd>('/api/calendar/notice-end', { query: { start, days, stage }, signal });
}

export function useNoticeEnd(start: string | undefined, days: number | undefined, stage: NoticeStage | undefined) {
  return useQuery({
    queryKey: [...papersQueryKey, 'notice-end', start, days, stage],
    queryFn: ({ signal }) => getNoticeEnd(start!, days, stage, signal),
    enabled: !!start,
    retry: false,
    staleTime: 10 * 60_000,
  });
}
