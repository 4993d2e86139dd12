import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type Notice, type NoticeStage, papersQueryKey } from './get-dossier-papers';

/** One line of the register of notices (公示登记簿). */
export interface RegisterNotice extends Notice {
  personName: string;
  orgId: number;
  orgName: string;
  objectionCount: number;
  unresolvedCount: number;
}

export interface NoticeFilter {
  from?: string | undefined;
  to?: string | undefined;
  stage?: NoticeStage | undefined;
  orgId?: number | undefined;
  status?: Notice['status'] | undefined;
}

export function getNotices(filter: NoticeFilter, signal?: AbortSignal): Promise<{ items: RegisterNotice[] }> {
  return api<{ items: RegisterNotice[] }>('/api/notices', { query: { ...filter }, signal });
}

export function useNotices(filter: NoticeFilter) {
  return useQuery({ queryKey: [...papersQueryKey, 'register', filter], queryFn: ({ signal }) => getNotices(filter, signal), placeholderData: keepPreviousData });
}

export function noticesExportUrl(filter: NoticeFilter): string {
  const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)]));
  const text = params.toString();
  return `/api/notices/export${text ? `?${text}` : ''}`;
}
