import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Grid } from './get-grids';
import { gridsQueryKey } from './get-grids';

export interface CreateGridInput {
  name: string;
  /** 12-digit village (community) code. */
  divisionCode: string;
}

export function createGrid(input: CreateGridInput): Promise<Grid> {
  return api<Grid>('/api/grids', { method: 'POST', body: input });
}

export function useCreateGrid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGrid,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: gridsQueryKey }), queryClient.invalidateQueries({ queryKey: ['home'] })]),
  });
}
