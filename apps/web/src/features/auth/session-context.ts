import { createContext, use } from 'react';
import type { Session } from './api/get-session';

/** Filled by the session guard; every page under it can rely on a signed-in user. */
export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession() must be used below the session guard');
  return session;
}
