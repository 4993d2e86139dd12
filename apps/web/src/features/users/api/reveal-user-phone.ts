import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The full number is shown once and never cached; the server logs who asked and why. */
export function revealUserPhone({ id, reason }: { id: number; reason: string }): Promise<{ value: string | null }> {
  return api<{ value: string | null }>(`/api/users/${id}/reveal`, { method: 'POST', body: { field: 'phone', reason } });
}

export function useRevealUserPhone() {
  return useMutation({ mutationFn: revealUserPhone });
}
