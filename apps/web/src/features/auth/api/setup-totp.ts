import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

/** Starts (or restarts) enrolment; the new secret only takes effect once a code verifies. */
export function setupTotp(): Promise<TotpSetup> {
  return api<TotpSetup>('/api/auth/totp/setup', { method: 'POST' });
}

export function useSetupTotp() {
  return useMutation({ mutationFn: setupTotp });
}
