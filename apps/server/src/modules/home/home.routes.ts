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
      summary: '首页：本人管辖范围概况',
      response: {
        200: z.object({
          scope: z.object({ prefix: z.string(), name: z.string(), level: z.string() }),
          counts: z.object({ grids: z.number(), orgs: z.number() }),
          byChild: z.array(z.object({ code: z.string(), name: z.string(), grids: z.number(), orgs: z.number() })),
        }),
        ...errors,
      },
    },
  }, async (request) => services.home.overview(contextOf(request)));
}
