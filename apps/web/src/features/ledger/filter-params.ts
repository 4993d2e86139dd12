import { occupationGroups } from '@xinxue/domain';
import type { PeopleFilter } from './api/get-people';

/**
 * The ledger's filters live in the address, so the back button from a person's page returns to
 * the same list, and a filtered list can be bookmarked or sent to a colleague.
 */
const occupationCodes = new Set<string>(occupationGroups.map((g) => g.code));

export interface LedgerView {
  filter: PeopleFilter;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;

export function viewFromParams(params: URLSearchParams, scopePrefix: string): LedgerView {
  const filter: PeopleFilter = {};
  // An edited or forwarded address never reaches outside the user's own scope.
  const within = params.get('within') ?? '';
  filter.within = /^\d{2,12}$/.test(within) && within.startsWith(scopePrefix) ? within : scopePrefix;
  const grid = Number(params.get('grid'));
  if (Number.isInteger(grid) && grid > 0) filter.gridId = grid;
  const direction = params.get('direction');
  if (direction === 'inbound' || direction === 'outbound') filter.direction = direction;
  const destination = params.get('destination') ?? '';
  if (/^\d{2,12}$/.test(destination)) filter.destination = destination;
  const occupation = params.get('occupation') ?? '';
  if (occupationCodes.has(occupation)) filter.occupationGroup = occupation;
  const completeness = params.get('completeness');
  if (completeness === 'complete' || completeness === 'incomplete') filter.completeness = completeness;
  const flag = params.get('flag');
  if (flag === 'talent' || flag === 'target') filter.flag = flag;
  const q = (params.get('q') ?? '').trim().slice(0, 30);
  if (q) filter.q = q;
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    filter,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : PAGE_SIZES[0],
  };
}

export function paramsFromView({ filter, page, pageSize }: LedgerView, scopePrefix: string): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.within && filter.within !== scopePrefix) params.within = filter.within;
  if (filter.gridId) params.grid = String(filter.gridId);
  if (filter.direction) params.direction = filter.direction;
  if (filter.destination) params.destination = filter.destination;
  if (filter.occupationGroup) params.occupation = filter.occupationGroup;
  if (filter.completeness) params.completeness = filter.completeness;
  if (filter.flag) params.flag = filter.flag;
  if (filter.q) params.q = filter.q;
  if (page > 1) params.page = String(page);
  if (pageSize !== PAGE_SIZES[0]) params.pageSize = String(pageSize);
  return params;
}

/** How many of the panel's filters are set (area and search have their own controls). */
export function panelFilterCount(filter: PeopleFilter): number {
  return [filter.gridId, filter.direction, filter.destination, filter.occupationGroup, filter.completeness, filter.flag].filter(Boolean).length;
}

export const directionLabels = { inbound: '流入', outbound: '流出' } as const;
export const completenessLabels = { complete: '五项清楚', incomplete: '未全部清楚' } as const;
export const flagLabels = { talent: '优秀分子', target: '重点培养对象' } as const;
