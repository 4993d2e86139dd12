import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hasPermission } from '@xinxue/domain';
import { errors, typed } from '../../lib/http.ts';
import { homeDeadlines } from '../pipeline-reports/index.ts';
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
          deadlines: homeDeadlines.nullable().describe('发展党员办理期限：30 天内到期、已逾期和最近五项；无 dossiers:read 权限时为 null'),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    const deadlines = hasPermission(ctx.user.role, 'dossiers:read') ? await services.pipelineReports.homeSummary(ctx) : null;
    return { ...(await services.home.overview(ctx)), deadlines };
  });
}
