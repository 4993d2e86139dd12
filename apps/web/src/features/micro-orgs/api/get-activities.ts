import type { MicroActivityKind, MicroOrgKind } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { microOrgsQueryKey } from './get-micro-orgs';

/** One line of the activity register (活动台账). */
export interface ActivityRow {
  id: number;
  microOrgId: number;
  microOrgName: string;
  microOrgKind: MicroOrgKind;
  divisionName: string;
  heldOn: string;
  kind: MicroActivityKind;
  kindLabel: string;
  title: string;
  peopleServed: number;
  problemsSolved: number;
  note: string;
  participants: number;
}

export interface ActivityFilter {
  microOrgId?: number | undefined;
  kind?: MicroActivityKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const activitiesQueryKey = [...microOrgsQueryKey, 'activities'] as const;

export function getActivities(filter: ActivityFilter, signal?: AbortSignal): Promise<{ items: ActivityRow[]; total: number }> {
  return api<{ items: ActivityRow[]; total: number }>('/api/micro-orgs/activities', { query: { ...filter }, signal });
}

export function useActivities(filter: ActivityFilter) {
  return useQuery({ queryKey: [...activitiesQueryKey, 'list', filter], queryFn: ({ signal }) => getActivities(filter, signal), placeholderData: keepPreviousData });
}

/** The register as an .xlsx download (a plain link: the session cookie goes along). */
export function activitiesExportUrl(filter: ActivityFilter): string {
  const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)]));
  const text = params.toString();
  return `/api/micro-orgs/activities.xlsx${text ? `?${text}` : ''}`;
}
