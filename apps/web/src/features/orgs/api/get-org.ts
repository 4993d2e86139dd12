import type { Formation, Membership, OrgEventKind, OrgKind, OrgMemberRole, OrgStatus } from '@xinxue/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { orgsQueryKey, type Org } from './get-orgs';

export interface OrgRef {
  id: number;
  name: string;
  /** Whether the user may open it. */
  inScope: boolean;
}

export interface OrgMember {
  id: number;
  name: string;
  personId: number | null;
  membership: Membership;
  membershipLabel: string;
  role: OrgMemberRole;
  roleLabel: string;
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
}

export interface CoveredUnit {
  coverageId: number;
  newOrgId: number;
  name: string;
  uscc: string;
  kind: string;
  kindLabel: string;
  divisionCode: string;
  formation: Formation;
  formationLabel: string;
  validFrom: string;
  validTo: string | null;
}

export interface OrgEvent {
  id: number;
  kind: OrgEventKind;
  kindLabel: string;
  occurredOn: string;
  summary: string;
  recordedBy: string | null;
  recordedAt: string;
}

/** GET /api/orgs/:id: the organization with its relations, members, covered units and history. */
export interface OrgDetail extends Org {
  parent: OrgRef | null;
  attachedTo: OrgRef | null;
  mergedInto: OrgRef | null;
  children: { id: number; name: string; kind: OrgKind; kindLabel: string; status: OrgStatus }[];
  approvalPowerProblem: string | null;
  mayDevelopDecision: { value: boolean; decidedBy: string | null; decidedOn: string | null } | null;
  members: { items: OrgMember[]; full: number; probationary: number; total: number; secretary: { id: number; name: string } | null };
  coverage: CoveredUnit[];
  events: OrgEvent[];
}

export const orgQueryKey = (id: number) => [...orgsQueryKey, 'detail', id] as const;

export function getOrg(id: number, signal?: AbortSignal): Promise<OrgDetail> {
  return api(`/api/orgs/${id}`, { signal });
}

export function useOrg(id: number) {
  return useQuery({ queryKey: orgQueryKey(id), queryFn: ({ signal }) => getOrg(id, signal), enabled: Number.isInteger(id) && id > 0 });
}
