import type { Actor } from '../modules/audit-log/audit-log.service.ts';
import type { CurrentUser } from './scope.ts';

/** Who is acting and from where: what every service call needs for scope and the audit log. */
export interface RequestContext {
  user: CurrentUser;
  ip: string;
}

export function actorOf(ctx: { user: CurrentUser | null; ip: string }): Actor {
  return ctx.user
    ? { id: ctx.user.id, name: ctx.user.username, role: ctx.user.role, ip: ctx.ip }
    : { id: null, name: '（未登录）', role: null, ip: ctx.ip };
}

/** The command line acts as a named local operator. */
export function cliActor(): Actor {
  return { id: null, name: `cli:${process.env.USER ?? 'local'}`, role: null, ip: 'local' };
}
