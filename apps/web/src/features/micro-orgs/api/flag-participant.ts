import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { microOrgsQueryKey } from './get-micro-orgs';

export interface FlaggedEntry {
  id: number;
  personId: number;
  name: string;
  reason: string;
  nominatedBy: string;
  foundViaLabel: string;
}

/** 标记为优秀分子 in one action: the server words the reason from the activity, found via 微组织. */
export function flagParticipant(input: { activityId: number; personId: number; reason?: string }): Promise<FlaggedEntry> {
  return api<FlaggedEntry>(`/api/micro-orgs/activities/${input.activityId}/talent`, { method: 'POST', body: { personId: input.personId, ...(input.reason ? { reason: input.reason } : {}) } });
}

export function useFlagParticipant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: flagParticipant,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: microOrgsQueryKey }), queryClient.invalidateQueries({ queryKey: ['talent'] }), queryClient.invalidateQueries({ queryKey: ['people'] })]),
  });
}
