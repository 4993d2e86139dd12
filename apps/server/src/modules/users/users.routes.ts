import { roles } from '@xinxue/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../lib/context.ts';
import { errors, idParams, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

export const userView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  roleLabel: z.string(),
  scopeDivision: z.string(),
  scopeName: z.string(),
  scopeOrgId: z.number().nullable(),
  scopeOrgName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  totpEnabled: z.boolean(),
  locked: z.boolean(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});

export function usersRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/users', {
    config: { access: 'users:read', scoped: true },
    schema: { tags: ['users'], summary: '管辖范围内的账号', response: { 200: z.object({ items: z.array(userView) }), ...errors } },
  }, async (request) => ({ items: await services.users.list(contextOf(request)) }));

  r.post('/api/users', {
    config: { access: 'users:create', scoped: true },
    schema: {
      tags: ['users'],
      summary: '新建账号',
      body: z.object({
        username: z.string().min(1).max(32),
        displayName: z.string().min(1).max(50),
        role: z.enum(roles),
        scopeDivision: z.string().regex(/^\d{2,12}$/, '须为行政区划代码'),
        password: z.string().min(1).max(128),
        phone: z.string().max(20).optional(),
        scopeOrgId: z.number().int().positive().nullable().optional(),
      }).strict(),
      response: { 200: userView, ...errors },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return services.users.create(request.body, actorOf(ctx), ctx.user.scope.divisionPrefix);
  });

  r.put('/api/users/:id/scope-org', {
    config: { access: 'users:create', scoped: true },
    schema: {
      tags: ['users'], summary: '设置账号的党组织管辖范围（该组织及其下级；null 为不限）', params: idParams,
      body: z.object({ orgId: z.number().int().positive().nullable() }).strict(), response: { 200: userView, ...errors },
    },
  }, async (request) => services.users.setScopeOrg(contextOf(request), request.params.id, request.body.orgId));

  r.get('/api/users/org-options', {
    config: { access: 'users:create', scoped: true },
    schema: {
      tags: ['users'], summary: '可作为账号管辖范围的党组织（按名称查找）',
      querystring: z.object({ q: z.string().max(80).optional(), within: z.string().max(12).optional() }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), divisionName: z.string() })) }), ...errors },
    },
  }, async (request) => ({ items: await services.users.orgOptions(contextOf(request), request.query.q, request.query.within) }));

  r.post('/api/users/:id/unlock', {
    config: { access: 'users:security', scoped: true },
    schema: { tags: ['users'], summary: '解除登录锁定', params: idParams, response: { 200: userView, ...errors } },
  }, async (request) => services.users.unlock(contextOf(request), request.params.id));

  r.post('/api/users/:id/disabled', {
    config: { access: 'users:security', scoped: true },
    schema: { tags: ['users'], summary: '停用或启用账号', params: idParams, body: z.object({ disabled: z.boolean() }).strict(), response: { 200: userView, ...errors } },
  }, async (request) => services.users.setDisabled(contextOf(request), request.params.id, request.body.disabled));

  r.post('/api/users/:id/reveal', {
    config: { access: 'users:security', scoped: true },
    schema: {
      tags: ['users'],
      summary: '查看完整手机号（须填写理由，记入审计日志）',
      params: idParams,
      body: z.object({ field: z.literal('phone'), reason: z.string().max(200) }).strict(),
      response: { 200: z.object({ value: z.string().nullable() }), ...errors },
    },
  }, async (request) => ({ value: await services.users.revealPhone(contextOf(request), request.params.id, request.body.reason) }));
}
