import { divisionLevels } from '@xinxue/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

const division = z.object({ code: z.string(), name: z.string(), level: z.enum(divisionLevels), parentCode: z.string().nullable() });
const grid = z.object({
  id: z.number(),
  name: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  workers: z.array(z.object({ id: z.number(), displayName: z.string() })),
  createdAt: z.string(),
});

export function divisionsRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/divisions/:code', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['divisions'],
      summary: '行政区划及其上下级（国家统计局2023年统计用区划代码）',
      params: z.object({ code: z.string().regex(/^\d{2,12}$/, '须为行政区划代码') }),
      response: { 200: division.extend({ path: z.array(division), children: z.array(division) }), ...errors },
    },
  }, async (request) => services.divisions.get(request.params.code));

  r.get('/api/divisions', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['divisions'],
      summary: '按名称查找行政区划',
      querystring: z.object({ q: z.string().min(1).max(30), level: z.enum(divisionLevels).optional(), within: z.string().regex(/^\d{1,12}$/).optional() }),
      response: { 200: z.object({ items: z.array(division) }), ...errors },
    },
  }, async (request) => ({ items: await services.divisions.search(request.query.q, request.query.level, request.query.within) }));

  r.get('/api/grids', {
    config: { access: 'grids:read', scoped: true },
    schema: {
      tags: ['grids'],
      summary: '管辖范围内的网格',
      querystring: z.object({ within: z.string().regex(/^\d{2,12}$/, '须为行政区划代码前缀').optional() }),
      response: { 200: z.object({ items: z.array(grid) }), ...errors },
    },
  }, async (request) => ({ items: await services.grids.list(contextOf(request), request.query.within) }));

  r.get('/api/grids/:id', {
    config: { access: 'grids:read', scoped: true },
    schema: { tags: ['grids'], summary: '网格详情', params: idParams, response: { 200: grid, ...errors } },
  }, async (request) => services.grids.get(contextOf(request), request.params.id));

  r.post('/api/grids', {
    config: { access: 'grids:write', scoped: true },
    schema: {
      tags: ['grids'],
      summary: '在村（社区）下新建网格',
      body: z.object({ name: z.string().min(1).max(40), divisionCode: z.string().regex(/^\d{12}$/, '须为12位村（社区）代码') }).strict(),
      response: { 200: grid, ...errors },
    },
  }, async (request) => services.grids.create(contextOf(request), request.body));

  r.post('/api/grids/:id/workers', {
    config: { access: 'grids:write', scoped: true },
    schema: { tags: ['grids'], summary: '指派网格员', params: idParams, body: z.object({ userId: z.number().int().positive() }).strict(), response: { 200: grid, ...errors } },
  }, async (request) => {
    const ctx = contextOf(request);
    await services.grids.assignWorker(ctx, request.params.id, request.body.userId);
    return services.grids.get(ctx, request.params.id);
  });
}
