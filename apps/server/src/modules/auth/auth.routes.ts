import { roleLabels, rolePermissions } from '@xinxue/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contextOf, SESSION_COOKIE } from '../../plugins/auth.ts';
import { errorResponse, errors, okResponse, typed } from '../../lib/http.ts';
import type { Services } from '../../services.ts';
import { actorOf } from '../../lib/context.ts';

const sessionResponse = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    roleLabel: z.string(),
    scope: z.object({ divisionPrefix: z.string(), divisionName: z.string(), orgId: z.number().nullable() }),
  }),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  secondFactorDone: z.boolean(),
  totpEnabled: z.boolean(),
  passwordExpired: z.boolean(),
  idleMinutes: z.number(),
});

export function authRoutes(app: FastifyInstance, services: Services, options: { cookieSecure: boolean; loginRateLimit: number }): void {
  const r = typed(app);
  const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, secure: options.cookieSecure, path: '/' };

  r.post('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: '用户名密码登录',
      body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
      response: { 200: z.object({ next: z.enum(['done', 'totp', 'totpSetup']), csrfToken: z.string() }), ...errors, 423: errorResponse, 429: errorResponse },
    },
  }, async (request, reply) => {
    const result = await services.auth.login(request.body.username.trim(), request.body.password, { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
    reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
    return { next: result.next, csrfToken: result.csrfToken };
  });

  r.post('/api/auth/totp/setup', {
    config: { access: 'pending' },
    schema: { tags: ['auth'], summary: '开始设置动态口令（TOTP）', response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }), ...errors } },
  }, async (request) => services.auth.beginTotpSetup(request.session!, request.ip));

  r.post('/api/auth/totp', {
    config: { access: 'pending', rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: '验证动态口令', body: z.object({ code: z.string().regex(/^\d{6}$/, '动态口令为6位数字') }), response: { 200: okResponse, ...errors, 423: errorResponse } },
  }, async (request) => {
    await services.auth.verifyTotp(request.session!, request.body.code, request.ip);
    return { ok: true as const };
  });

  r.post('/api/auth/logout', {
    config: { access: 'pending' },
    schema: { tags: ['auth'], summary: '退出登录', response: { 200: okResponse, ...errors } },
  }, async (request, reply) => {
    await services.auth.logout(request.session!, request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/api/auth/session', {
    config: { access: 'pending' },
    schema: { tags: ['auth'], summary: '当前会话与用户', response: { 200: sessionResponse, ...errors } },
  }, async (request) => {
    const s = request.session!;
    return {
      user: {
        id: s.user.id,
        username: s.user.username,
        displayName: s.user.displayName,
        role: s.user.role,
        roleLabel: roleLabels[s.user.role],
        scope: { ...s.user.scope, divisionName: await services.divisions.fullName(s.user.scope.divisionPrefix.padEnd(12, '0')) },
      },
      permissions: [...rolePermissions[s.user.role]],
      csrfToken: s.csrfToken,
      secondFactorDone: s.secondFactorDone,
      totpEnabled: s.totpEnabled,
      passwordExpired: s.passwordExpired,
      idleMinutes: services.config.sessionIdleMinutes,
    };
  });

  r.post('/api/auth/password', {
    config: { access: 'authenticated', rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: '修改本人密码',
      body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
      response: { 200: okResponse, ...errors },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    await services.users.changeOwnPassword(ctx.user.id, request.body.currentPassword, request.body.newPassword, actorOf(ctx));
    return { ok: true as const };
  });

  r.get('/api/setup-status', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: '系统是否已初始化', response: { 200: z.object({ hasUsers: z.boolean(), demoCommand: z.string(), addUserCommand: z.string() }) } },
  }, async () => ({ hasUsers: (await services.users.repo.count()) > 0, demoCommand: 'npx xinxue demo', addUserCommand: 'npx xinxue user add' }));
}
