import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Grid } from './get-grids';
import { gridsQueryKey } from './get-grids';

export function assignGridWorker({ gridId, userId }: { gridId: number; userId: number }): Promise<Grid> {
  return api<Grid>(`/api/grids/${gridId}/workers`, { method: 'POST', body: { userId } });
}

export function useAssignGridWorker() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignGridWorker,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gridsQueryKey }),
  });
}
