import type { Permission } from '@xinxue/domain';
import { useSession } from '../features/auth/session-context';

/** A page or action needs one permission, any one of several, or nothing at all. */
export type Requirement = Permission | readonly Permission[] | undefined;

/**
 * The server decides; this only hides what would be refused anyway, so the menu and buttons
 * match what the session's `permissions` (sent by the server) allow.
 */
export function allows(granted: readonly string[], required: Requirement): boolean {
  if (required === undefined) return true;
  const anyOf: readonly Permission[] = typeof required === 'string' ? [required] : required;
  return anyOf.some((permission) => granted.includes(permission));
}

export function useCan(required: Requirement): boolean {
  return allows(useSession().permissions, required);
}
