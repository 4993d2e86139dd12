import { useMutation } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';

export async function logout(): Promise<void> {
  try {
    await api('/api/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}

export function useLogout() {
  return useMutation({ mutationFn: logout });
}
