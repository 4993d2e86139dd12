import type { ContactChannel, FoundVia } from '@xinxue/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { peopleQueryKey } from '../../ledger/api/get-people';

/** One person in the outstanding-people database (优秀分子数据库). */
export interface TalentEntry {
  id: number;
  personId: number;
  name: string;
  idNumberMasked: string | null;
  divisionCode: string;
  direction: 'inbound' | 'outbound' | null | (string & {});
  employer: string | null;
  reason: string;
  nominatedBy: string;
  foundVia: FoundVia;
  foundViaLabel: string;
  flaggedAt: string;
  /** The person's active cultivation target, if any. */
  targetId: number | null;
}

/** One active cultivation target (重点培养对象) as the list shows it. */
export interface TargetRow {
  id: number;
  personId: number;
  name: string;
  divisionCode: string;
  direction: string | null;
  ownerId: number;
  ownerName: string;
  cadenceDays: number;
  reserveCadre: boolean;
  outboundYouth: boolean;
  startedOn: string;
  lastContactOn: string | null;
  nextDueOn: string;
  overdueDays: number;
}

export type TargetStatus = 'active' | 'applied' | 'closed';

export interface ContactLog {
  id: number;
  channel: ContactChannel;
  channelLabel: string;
  contactedOn: string;
  note: string;
  recordedBy: string | null;
}

export interface TargetDetail {
  id: number;
  personId: number;
  status: TargetStatus;
  appliedOn: string | null;
  closedReason: string | null;
  startedOn: string;
  cadenceDays: number;
  reserveCadre: boolean;
  outboundYouth: boolean;
  nextDueOn: string | null;
  overdueDays: number;
  ownerName: string | null;
  /** Newest first. */
  contacts: ContactLog[];
}

export interface TalentFilter {
  within?: string | undefined;
  foundVia?: FoundVia | undefined;
}

export interface TargetFilter {
  overdue?: boolean | undefined;
  reserveCadre?: boolean | undefined;
  outboundYouth?: boolean | undefined;
  ownerId?: number | undefined;
  within?: string | undefined;
}

export const talentQueryKey = ['talent'] as const;
export const targetsQueryKey = ['targets'] as const;
export const targetQueryKey = (id: number) => [...targetsQueryKey, 'detail', id] as const;

const flagParam = (value: boolean | undefined) => (value === undefined ? undefined : String(value));

export function getTalent(filter: TalentFilter, signal?: AbortSignal): Promise<{ items: TalentEntry[] }> {
  return api<{ items: TalentEntry[] }>('/api/talent', { query: { within: filter.within, foundVia: filter.foundVia }, signal });
}

export function useTalent(filter: TalentFilter, enabled = true) {
  return useQuery({ queryKey: [...talentQueryKey, 'list', filter], queryFn: ({ signal }) => getTalent(filter, signal), placeholderData: keepPreviousData, enabled });
}

export function getTargets(filter: TargetFilter, signal?: AbortSignal): Promise<{ items: TargetRow[] }> {
  return api<{ items: TargetRow[] }>('/api/targets', {
    query: { overdue: flagParam(filter.overdue), reserveCadre: flagParam(filter.reserveCadre), outboundYouth: flagParam(filter.outboundYouth), ownerId: filter.ownerId, within: filter.within },
    signal,
  });
}

export function useTargets(filter: TargetFilter, enabled = true) {
  return useQuery({ queryKey: [...targetsQueryKey, 'list', filter], queryFn: ({ signal }) => getTargets(filter, signal), placeholderData: keepPreviousData, enabled });
}

export function getTarget(id: number, signal?: AbortSignal): Promise<TargetDetail> {
  return api<TargetDetail>(`/api/targets/${id}`, { signal });
}

export function useTarget(id: number) {
  return useQuery({ queryKey: targetQueryKey(id), queryFn: ({ signal }) => getTarget(id, signal), enabled: Number.isInteger(id) && id > 0 });
}

/** Everything a change to the database or to a target can alter: both lists, the ledger's flag filter. */
function refreshAll(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: talentQueryKey }),
    queryClient.invalidateQueries({ queryKey: targetsQueryKey }),
    queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  ]);
}

export interface FlagTalentInput {
  personId: number;
  reason: string;
  nominatedBy: string;
  foundVia: FoundVia;
}

export function useFlagTalent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, ...body }: FlagTalentInput) => api<TalentEntry>(`/api/people/${personId}/talent`, { method: 'POST', body }),
    onSuccess: () => refreshAll(queryClient),
  });
}

export function useWithdrawTalent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => api<{ ok: true }>(`/api/talent/${id}/withdraw`, { method: 'POST', body: { reason } }),
    onSuccess: () => refreshAll(queryClient),
  });
}

export interface AddTargetInput {
  personId: number;
  cadenceDays: number;
  reserveCadre: boolean;
  /** Omitted: the signed-in user follows the person up. */
  ownerId?: number;
}

export function useAddTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, ...body }: AddTargetInput) => api<TargetDetail>(`/api/people/${personId}/target`, { method: 'POST', body }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(targetQueryKey(detail.id), detail);
      await refreshAll(queryClient);
    },
  });
}

/** The answer of every change to a target is its new detail: put it in the cache, refresh the lists. */
function useTargetChange<I extends { id: number }>(send: (input: I) => Promise<TargetDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (detail) => {
      queryClient.setQueryData(targetQueryKey(detail.id), detail);
      await refreshAll(queryClient);
    },
  });
}

export function useLogContact() {
  return useTargetChange(({ id, ...body }: { id: number; channel: ContactChannel; contactedOn: string; note: string }) =>
    api<TargetDetail>(`/api/targets/${id}/contacts`, { method: 'POST', body }),
  );
}

export function useApplyTarget() {
  return useTargetChange(({ id, appliedOn }: { id: number; appliedOn: string }) => api<TargetDetail>(`/api/targets/${id}/apply`, { method: 'POST', body: { appliedOn } }));
}

export function useCloseTarget() {
  return useTargetChange(({ id, reason }: { id: number; reason: string }) => api<TargetDetail>(`/api/targets/${id}/close`, { method: 'POST', body: { reason } }));
}
