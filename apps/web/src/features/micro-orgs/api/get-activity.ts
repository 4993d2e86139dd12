import type { MicroActivityKind } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { activitiesQueryKey } from './get-activities';

export interface Participant {
  personId: number;
  name: string;
  divisionName: string;
  direction: string | null;
  employer: string | null;
  /** The person's current entry in the outstanding-people database, if any. */
  talentEntryId: number | null;
  talentFoundVia: string | null;
  talentFlaggedAt: string | null;
}

export interface Activity {
  id: number;
  microOrgId: number;
  microOrgName: string;
  microOrgDissolved: boolean;
  heldOn: string;
  kind: MicroActivityKind;
  kindLabel: string;
  title: string;
  peopleServed: number;
  problemsSolved: number;
  note: string;
  recordedBy: string | null;
  recordedAt: string;
  participants: Participant[];
  /** Participants outside the user's scope (a grid worker's other grids): counted, not listed. */
  hiddenParticipants: number;
}

export const activityQueryKey = (id: number) => [...activitiesQueryKey, 'detail', id] as const;

export function getActivity(id: number, signal?: AbortSignal): Promise<Activity> {
  return api<Activity>(`/api/micro-orgs/activities/${id}`, { signal });
}

export function useActivity(id: number | null) {
  return useQuery({ queryKey: activityQueryKey(id ?? 0), queryFn: ({ signal }) => getActivity(id!, signal), enabled: id !== null });
}
