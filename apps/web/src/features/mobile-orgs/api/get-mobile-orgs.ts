import type { OrgKind, OrgStatus } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** A mobile party organization outside the city (市外流动党组织) as the list shows it. */
export interface MobileOrg {
  id: number;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  status: OrgStatus;
  statusLabel: string;
  /** The home-side division that set it up. */
  divisionCode: string;
  divisionName: string;
  locatedDivisionCode: string | null;
  locationName: string;
  provinceCode: string | null;
  cityCode: string | null;
  homeAreas: { code: string; name: string }[];
  members: { full: number; probationary: number };
  secretary: string | null;
  mayDevelop: boolean | null;
  mayDevelopDecidedBy: string | null;
  mayDevelopDecidedOn: string | null;
  establishedOn: string | null;
  /** Set up inside the user's scope, so the user may edit its home areas. */
  owned: boolean;
}

export interface MobileOrgFilter {
  within?: string | undefined;
  includeEnded?: boolean | undefined;
}

export const mobileOrgsQueryKey = ['mobile-orgs'] as const;

const query = (filter: MobileOrgFilter) => ({ within: filter.within, includeEnded: filter.includeEnded ? 'true' : undefined });

export function getMobileOrgs(filter: MobileOrgFilter, signal?: AbortSignal): Promise<{ items: MobileOrg[] }> {
  return api<{ items: MobileOrg[] }>('/api/mobile-orgs', { query: query(filter), signal });
}

export function useMobileOrgs(filter: MobileOrgFilter) {
  return useQuery({ queryKey: [...mobileOrgsQueryKey, 'list', filter], queryFn: ({ signal }) => getMobileOrgs(filter, signal) });
}

/** The list as an .xlsx download (a plain link: the session cookie goes along). */
export function mobileOrgsExportUrl(filter: MobileOrgFilter): string {
  const params = new URLSearchParams(Object.entries(query(filter)).filter((e): e is [string, string] => !!e[1]));
  const text = params.toString();
  return `/api/mobile-orgs/export.xlsx${text ? `?${text}` : ''}`;
}
