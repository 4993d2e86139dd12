import type { Formation, IndustryCode, NewOrgKind, SizeBand } from '@xinxue/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface CoverageRef {
  orgId: number;
  orgName: string;
  formation: Formation;
}

/** One enterprise or social organization as lists show it (the org form's picker uses the same). */
export interface NewOrgItem {
  id: number;
  name: string;
  uscc: string;
  kind: NewOrgKind;
  kindLabel: string;
  industry: IndustryCode;
  industryLabel: string;
  divisionCode: string;
  divisionName: string;
  employees: number;
  partyMembers: number;
  sizeBand: SizeBand;
  sizeBandLabel: string;
  registeredOn: string | null;
  deregisteredOn: string | null;
  coverage: CoverageRef | null;
}

export interface NewOrgFilter {
  kind?: NewOrgKind | undefined;
  industry?: IndustryCode | undefined;
  within?: string | undefined;
  sizeBand?: SizeBand | undefined;
  covered?: 'true' | 'false' | undefined;
  status?: 'active' | 'deregistered' | 'all' | undefined;
  q?: string | undefined;
  sort?: 'division' | 'name' | 'employees' | 'partyMembers' | undefined;
}

export const newOrgsQueryKey = ['new-orgs'] as const;

export function getNewOrgs(filter: NewOrgFilter, page: number, pageSize: number, signal?: AbortSignal) {
  return api<{ items: NewOrgItem[]; total: number }>('/api/new-orgs', { query: { ...filter, page, pageSize }, signal });
}

export function useNewOrgs(filter: NewOrgFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...newOrgsQueryKey, 'list', filter, page, pageSize],
    queryFn: ({ signal }) => getNewOrgs(filter, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

/** The current filter as an .xlsx download address (a GET: the browser sends the session cookie). */
export function exportUrl(filter: NewOrgFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return `/api/new-orgs/export.xlsx${text ? `?${text}` : ''}`;
}
