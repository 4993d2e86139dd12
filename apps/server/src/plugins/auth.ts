import { hasPermission, type Permission } from '@xinxue/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appError } from '../lib/errors.ts';
import type { RequestContext } from '../lib/context.ts';
import type { AuthService, SessionInfo } from '../modules/auth/auth.service.ts';

/**
 * Who may call a route, declared on the route (`config.access`): `public`, `pending` (a session
 * waiting for its second factor), `authenticated`, or a permission. Routes that read or write
 * people or organizations also declare `config.scoped: true`; the scope matrix test finds them
 * by that mark and tries each with data outside every role's scope.
 */
export type Access = 'public' | 'pending' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    scoped?: boolean;
  }
  interface FastifyRequest {
    session: SessionInfo | null;
  }
}

export const SESSION_COOKIE = 'xinxue_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    // The API docs (Swagger UI) register their own routes; they describe the API and hold no data.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || access === 'public' || request.is404) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw appError('UNAUTHENTICATED');
    const session = await auth.resolveSession(token);
    if (!session.secondFactorDone && access !== 'pending') throw appError('SECOND_FACTOR_REQUIRED');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) throw appError('CSRF_INVALID');
    if (access && access !== 'pending' && access !== 'authenticated' && !hasPermission(session.user.role, access)) throw appError('FORBIDDEN');
    request.session = session;
  });
}

/** The caller's context for services. Only valid on routes that require a session. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.session) throw appError('UNAUTHENTICATED');
  return { user: request.session.user, ip: request.ip };
}
