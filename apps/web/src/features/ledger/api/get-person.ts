import { useQuery } from '@tanstack/react-query';
import type { FiveItem } from '@xinxue/domain';
import { api } from '../../../lib/api-client';
import { peopleQueryKey, type PersonRow } from './get-people';

export type FactStatus = 'active' | 'disputed' | 'accepted' | 'rejected';

/** One dated fact from one source: nothing in the ledger is overwritten, so this is the history. */
export interface PersonFact {
  id: number;
  kind: string;
  kindLabel: string;
  validFrom: string | null;
  recordedAt: string;
  source: string;
  sourceLabel: string;
  status: FactStatus | (string & {});
  values: { key: string; label: string; value: string }[];
}

export interface PersonMerge {
  id: number;
  survivorId: number;
  mergedId: number;
  reason: string;
  at: string;
  undoneAt: string | null;
}

/** A current value as the server worked it out from the facts, with where it came from. */
export interface CurrentValue {
  key: string;
  label: string;
  /** Phones masked; 查看 reveals them with a reason. */
  value: string;
  source: 'police' | 'familyPlanning' | 'civilAffairs' | 'gridWorker' | 'self' | (string & {});
  sourceLabel: string;
  validFrom: string | null;
  recordedAt: string;
}

/** Identity and each of the five items with their current values. */
export interface CurrentItem {
  item: 'identity' | FiveItem;
  label: string;
  values: CurrentValue[];
}

export interface PersonDetail extends PersonRow {
  mergedInto: number | null;
  ethnicity: string;
  education: string;
  politicalStatus: string;
  canReveal: boolean;
  current: CurrentItem[];
  history: PersonFact[];
  openReviews: { id: number; kind: string; score: number | null; createdAt: string }[];
  merges: PersonMerge[];
}

export const personQueryKey = (id: number) => [...peopleQueryKey, 'detail', id] as const;

export function getPerson(id: number, signal?: AbortSignal): Promise<PersonDetail> {
  return api<PersonDetail>(`/api/people/${id}`, { signal });
}

export function usePerson(id: number) {
  return useQuery({ queryKey: personQueryKey(id), queryFn: ({ signal }) => getPerson(id, signal), enabled: Number.isInteger(id) && id > 0 });
}
