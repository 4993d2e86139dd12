import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';
import { orgKinds } from './orgs.service.ts';

const org = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(orgKinds),
  kindLabel: z.string(),
  parentId: z.number().nullable(),
  divisionCode: z.string(),
  divisionName: z.string(),
});

export function orgsRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/orgs', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['orgs'], summary: '管辖范围内的党组织', response: { 200: z.object({ items: z.array(org) }), ...errors } },
  }, async (request) => ({ items: await services.orgs.list(contextOf(request)) }));

  r.get('/api/orgs/:id', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['orgs'], summary: '党组织详情', params: idParams, response: { 200: org, ...errors } },
  }, async (request) => services.orgs.get(contextOf(request), request.params.id));

  r.post('/api/orgs', {
    config: { access: 'orgs:write', scoped: true },
    schema: {
      tags: ['orgs'],
      summary: '新建党组织',
      body: z.object({
        name: z.string().min(1).max(80),
        kind: z.enum(orgKinds),
        parentId: z.number().int().positive().nullable().optional(),
        divisionCode: z.string().regex(/^\d{12}$/, '须为12位行政区划代码'),
      }).strict(),
      response: { 200: org, ...errors },
    },
  }, async (request) => services.orgs.create(contextOf(request), request.body));
}
