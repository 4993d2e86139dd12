import type { MicroActivityKind } from '@xinxue/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Activity } from './get-activity';
import { microOrgsQueryKey } from './get-micro-orgs';

export interface ActivityInput {
  heldOn: string;
  kind: MicroActivityKind;
  title: string;
  peopleServed: number;
  problemsSolved: number;
  note: string;
  participantIds: number[];
}

/** Records an activity of a micro-organization, or corrects one (with its id). */
export function saveActivity(input: ActivityInput & { microOrgId: number; id?: number | undefined }): Promise<Activity> {
  const { microOrgId, id, ...body } = input;
  return id ? api<Activity>(`/api/micro-orgs/activities/${id}`, { method: 'PATCH', body }) : api<Activity>(`/api/micro-orgs/${microOrgId}/activities`, { method: 'POST', body });
}

/** An activity changes the register, the micro-organization's totals and reach, and the statistics. */
export function useSaveActivity() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveActivity, onSuccess: () => queryClient.invalidateQueries({ queryKey: microOrgsQueryKey }) });
}
