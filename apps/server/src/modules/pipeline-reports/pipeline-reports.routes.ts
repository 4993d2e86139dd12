import { type DeadlineKind, deadlineKinds } from '@xinxue/domain/pipeline/deadlines';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, sendAttachment, typed, XLSX_TYPE } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

/** 发展党员的报表: deadlines, the board of stages per organization, the batch audit and its export. */
const orgId = z.coerce.number({ error: '党组织编号 orgId 应为数字' }).int('党组织编号 orgId 应为整数').positive('党组织编号 orgId 应为正整数').optional();
const kind = z.enum(deadlineKinds as [DeadlineKind, ...DeadlineKind[]], { error: `期限类别 kind 应为：${deadlineKinds.join('、')}` });
const severity = z.enum(['BLOCK', 'WARN', 'INFO']);
const statuses = z.enum(['active', 'withdrawn', 'notRecognized', 'member']);

export const deadlineItem = z.object({
  dossierId: z.number(), personName: z.string(), orgId: z.number(), orgName: z.string(),
  kind, label: z.string(), step: z.number(), stepName: z.string(), dueOn: z.string(), fromOn: z.string().optional(), daysLeft: z.number(), overdue: z.boolean(), rule: z.string(), note: z.string(),
});
const countRow = z.object({ total: z.number(), overdue: z.number() });
const stageCounts = z.object({ stages: z.array(z.number()).describe('第一至第五阶段办理中的档案数'), active: z.number(), members: z.number(), closed: z.number().describe('已撤回、不予承认') });
export const homeDeadlines = z.object({
  overdue: z.number(), dueSoon: z.number().describe('30 天内到期（未逾期）'),
  nearest: z.array(z.object({ dossierId: z.number(), personName: z.string(), orgName: z.string(), kind, label: z.string(), dueOn: z.string(), daysLeft: z.number(), overdue: z.boolean() })),
});

const auditReport = z.object({
  asOf: z.string(), city: z.string(),
  totals: z.object({ dossiers: z.number(), withBlock: z.number(), withWarn: z.number(), findings: z.number() }),
  byRule: z.array(z.object({ rule: z.string(), name: z.string(), severity, count: z.number(), dossiers: z.number(), dossierIds: z.array(z.number()) })),
  byOrg: z.array(z.object({ orgId: z.number(), orgName: z.string(), dossiers: z.number(), withBlock: z.number(), withWarn: z.number(), findings: z.number() })),
  findings: z.array(z.object({
    dossierId: z.number(), personName: z.string(), orgId: z.number(), orgName: z.string(), status: statuses, currentStep: z.number(), step: z.number(), stepName: z.string(),
    rule: z.string(), ruleName: z.string(), severity, message: z.string(), source: z.string(),
  })),
});

export function pipelineReportsRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);
  const s = services.pipelineReports;

  r.get('/api/pipeline/deadlines', {
    config: { access: 'dossiers:read', scoped: true },
    schema: {
      tags: ['pipeline'], summary: '办理期限：到期和逾期的事项（逾期在前），按类别和党组织计数',
      querystring: z.object({
        orgId,
        within: z.coerce.number({ error: '天数 within 应为数字' }).int('天数 within 应为整数').min(0, '天数 within 不能为负数').max(3660, '天数 within 最多 3660 天').default(30),
        kind: kind.optional(),
      }),
      response: {
        200: z.object({
          asOf: z.string(), within: z.number(), total: z.number(), overdue: z.number(), items: z.array(deadlineItem),
          counts: z.object({ byKind: z.array(countRow.extend({ kind, label: z.string() })), byOrg: z.array(countRow.extend({ orgId: z.number(), orgName: z.string() })) }),
        }),
        ...errors,
      },
    },
  }, async (request) => s.deadlines(contextOf(request), { orgId: request.query.orgId, within: request.query.within, kind: request.query.kind }));

  r.get('/api/pipeline/board', {
    config: { access: 'dossiers:read', scoped: true },
    schema: {
      tags: ['pipeline'], summary: '发展党员看板：下级党组织（含其下级）各阶段办理中的档案数、已转正、已结束',
      querystring: z.object({ orgId }),
      response: {
        200: z.object({
          org: z.object({ id: z.number(), name: z.string() }).nullable(),
          breadcrumb: z.array(z.object({ orgId: z.number(), orgName: z.string() })),
          stages: z.array(z.object({ number: z.number(), name: z.string() })),
          totals: stageCounts,
          rows: z.array(stageCounts.extend({ orgId: z.number(), orgName: z.string(), kind: z.string(), hasChildren: z.boolean(), self: z.boolean() })),
        }),
        ...errors,
      },
    },
  }, async (request) => s.board(contextOf(request), request.query.orgId));

  r.get('/api/pipeline/audit', {
    config: { access: 'dossiers:read', scoped: true },
    schema: {
      tags: ['pipeline'], summary: '档案批量审核：规则引擎审核范围内全部档案，按规则、按党组织汇总，问题明细（最多 1000 条，导出含全部）',
      querystring: z.object({ orgId }),
      response: { 200: auditReport, ...errors },
    },
  }, async (request) => s.auditView(contextOf(request), request.query.orgId));

  r.get('/api/pipeline/audit/export', {
    config: { access: 'dossiers:read', scoped: true },
    schema: { tags: ['pipeline'], summary: '导出档案批量审核（.xlsx：按规则、按党组织、问题明细）', querystring: z.object({ orgId }) },
  }, async (request, reply) => {
    const out = await s.auditExport(contextOf(request), request.query.orgId);
    return sendAttachment(reply, out.fileName, XLSX_TYPE, out.body);
  });
}
