import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionQueryKey } from '../../features/auth/api/get-session';
import { onApiRequest } from '../../lib/api-client';

/**
 * The server ends a session after `idleMinutes` without requests. Once that much time has passed
 * since our last request, ask once: the server answers SESSION_EXPIRED and the app goes to the
 * login page, instead of leaving the last screen of data on an unattended desk.
 */
export function useIdleWatch(idleMinutes: number): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: sessionQueryKey }), (idleMinutes * 60 + 5) * 1000);
    };
    arm();
    const stop = onApiRequest(arm);
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [idleMinutes, queryClient]);
}
