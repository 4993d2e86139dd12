import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type MobileOrg, mobileOrgsQueryKey } from './get-mobile-orgs';

export function setHomeAreas(input: { id: number; homeAreas: string[] }): Promise<MobileOrg> {
  return api<MobileOrg>(`/api/mobile-orgs/${input.id}/home-areas`, { method: 'PUT', body: { homeAreas: input.homeAreas } });
}

/** Home areas change who counts as served: the list and the comparison both reload. */
export function useSetHomeAreas() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setHomeAreas, onSuccess: () => queryClient.invalidateQueries({ queryKey: mobileOrgsQueryKey }) });
}
