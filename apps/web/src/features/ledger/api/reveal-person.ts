import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type RevealField = 'idNumber' | 'phones';

/** The full value is shown once and never cached; the server logs who asked and why. */
export function revealPerson({ id, field, reason }: { id: number; field: RevealField; reason: string }): Promise<{ value: string | null }> {
  return api<{ value: string | null }>(`/api/people/${id}/reveal`, { method: 'POST', body: { field, reason } });
}

export function useRevealPerson() {
  return useMutation({ mutationFn: revealPerson });
}
