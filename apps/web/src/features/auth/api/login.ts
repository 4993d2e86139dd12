import { useMutation } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';

export type LoginNext = 'done' | 'totp' | 'totpSetup';

export interface LoginInput {
  username: string;
  password: string;
}

export async function login(input: LoginInput): Promise<LoginNext> {
  const result = await api<{ next: LoginNext; csrfToken: string }>('/api/auth/login', { method: 'POST', body: input });
  setCsrfToken(result.csrfToken);
  return result.next;
}

export function useLogin() {
  return useMutation({ mutationFn: login });
}
