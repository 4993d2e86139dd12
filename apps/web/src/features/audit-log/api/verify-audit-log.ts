import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { id: number; reason: string };
}

/** A GET, but run on demand: every check is itself logged, so it is not cached or refetched. */
export function verifyAuditLog(): Promise<ChainVerification> {
  return api<ChainVerification>('/api/audit-log/verify');
}

export function useVerifyAuditLog() {
  return useMutation({ mutationFn: verifyAuditLog });
}
