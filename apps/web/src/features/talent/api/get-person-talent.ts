import type { FoundVia } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { talentQueryKey } from './talent-api';

/**
 * One person's standing, from `GET /api/people/:id/talent-status`: outstanding (why, by whom, how
 * found), an active cultivation target (owner, cadence, next contact due, overdue), and whether a
 * target of theirs became an applicant.
 */
export interface PersonTalentStatus {
  personId: number;
  talent: { id: number; reason: string; nominatedBy: string; foundVia: FoundVia; foundViaLabel: string; flaggedAt: string; flaggedBy: string | null } | null;
  target: {
    id: number;
    ownerId: number;
    ownerName: string;
    cadenceDays: number;
    reserveCadre: boolean;
    outboundYouth: boolean;
    startedOn: string;
    lastContactOn: string | null;
    nextDueOn: string;
    overdueDays: number;
    overdue: boolean;
  } | null;
  applicant: { targetId: number; appliedOn: string } | null;
}

/** Under the talent key: every change to the database or to a target refreshes it (refreshAll). */
export const personTalentQueryKey = (personId: number) => [...talentQueryKey, 'person', personId] as const;

export function getPersonTalent(personId: number, signal?: AbortSignal): Promise<PersonTalentStatus> {
  return api<PersonTalentStatus>(`/api/people/${personId}/talent-status`, { signal });
}

export function usePersonTalent(personId: number) {
  return useQuery({ queryKey: personTalentQueryKey(personId), queryFn: ({ signal }) => getPersonTalent(personId, signal), enabled: Number.isInteger(personId) && personId > 0 });
}
