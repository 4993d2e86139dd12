import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

export function homeRoutes(app: FastifyInstance, services: Services): void {
  typed(app).get('/api/home', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['home'],
      summary: '首页：本人管辖范围概况（网格、现有党组织、两新组织覆盖率）',
      response: {
        200: z.object({
          scope: z.object({ prefix: z.string(), name: z.string(), level: z.string() }),
          counts: z.object({ grids: z.number(), orgs: z.number() }),
          coverage: z.object({ total: z.number(), covered: z.number(), rate: z.number() }).nullable().describe('两新组织党组织覆盖（今天；rate 为小数）；无 orgs:read 权限时为 null'),
          byChild: z.array(z.object({ code: z.string(), name: z.string(), grids: z.number(), orgs: z.number() })),
        }),
        ...errors,
      },
    },
  }, async (request) => services.home.overview(contextOf(request)));
}
