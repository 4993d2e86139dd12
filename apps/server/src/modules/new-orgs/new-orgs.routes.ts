import { type BlankSpotAdvice, formations, type IndustryCode, industryCodes, newOrgKinds, newOrgSources, type SizeBand, sizeBands } from '@xinxue/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { appError } from '../../lib/errors.ts';
import { errors, idParams, receiveFile, sendAttachment, typed, XLSX_TYPE } from '../../lib/http.ts';
import { rejectionRoutes } from '../ledger/import/rejection-routes.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';
import { newOrgImportSources } from './new-org-row.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const prefix = z.string().regex(/^\d{2,12}$/, '须为行政区划代码前缀');
const sizeBandKeys = sizeBands.map((b) => b.key) as [SizeBand, ...SizeBand[]];
const industryKeys = industryCodes as [IndustryCode, ...IndustryCode[]];
const adviceKeys = ['standalone', 'jointOrAttached', 'instructor'] as const satisfies readonly BlankSpotAdvice[];
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const coverageRef = z.object({ orgId: z.number(), orgName: z.string(), formation: z.enum(formations) }).nullable();
const newOrgItem = z.object({
  id: z.number(), name: z.string(), uscc: z.string(), kind: z.enum(newOrgKinds), kindLabel: z.string(), industry: z.enum(industryKeys), industryLabel: z.string(),
  divisionCode: z.string(), divisionName: z.string(), employees: z.number(), partyMembers: z.number(), sizeBand: z.enum(sizeBandKeys), sizeBandLabel: z.string(),
  registeredOn: z.string().nullable(), deregisteredOn: z.string().nullable(), coverage: coverageRef,
});
const newOrgDetail = newOrgItem.extend({
  address: z.string(), source: z.enum(newOrgSources), sourceLabel: z.string(), importId: z.number().nullable(), createdAt: z.string(), updatedAt: z.string(),
  advice: z.object({ key: z.enum(adviceKeys), label: z.string() }).nullable(),
  coverageHistory: z.array(z.object({ id: z.number(), orgId: z.number(), orgName: z.string(), orgStatus: z.string(), formation: z.enum(formations), formationLabel: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
});
export const newOrgFilter = z.object({
  kind: z.enum(newOrgKinds).optional(),
  industry: z.enum(industryKeys).optional(),
  within: prefix.optional(),
  sizeBand: z.enum(sizeBandKeys).optional(),
  covered: flag.optional(),
  status: z.enum(['active', 'deregistered', 'all']).optional(),
  q: z.string().max(40).optional(),
  sort: z.enum(['division', 'name', 'employees', 'partyMembers']).optional(),
});
const newOrgBody = z.object({
  kind: z.enum(newOrgKinds, '组织类别应为非公企业或社会组织'),
  name: z.string().max(100, '名称不能超过100个字'),
  uscc: z.string().max(30, '统一社会信用代码须为18位'),
  industry: z.enum(industryKeys, '所属行业应为国民经济行业门类（A—T）'),
  divisionCode: z.string().regex(/^\d{6,12}$/, '所在地区应为行政区划代码'),
  address: z.string().max(200, '住所不能超过200个字').optional(),
  employees: z.number('从业人员应为数字').int('从业人员应为整数').min(0, '从业人员不能为负数'),
  partyMembers: z.number('党员人数应为数字').int('党员人数应为整数').min(0, '党员人数不能为负数'),
  registeredOn: isoDate.nullable().optional(),
}).strict();
const importStatus = z.object({
  id: z.number(), source: z.enum(newOrgImportSources), sourceLabel: z.string(), fileName: z.string(), status: z.enum(['running', 'done', 'failed']), startedAt: z.string(), finishedAt: z.string().nullable(),
  percent: z.number(), rowsPerSecond: z.number(), error: z.string().nullable(), rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number(),
});
const tally = { total: z.number(), covered: z.number(), blank: z.number(), rate: z.number(), blankPartyMembers: z.number() };

export function newOrgsRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/new-orgs', {
    config: { access: 'orgs:read', scoped: true },
    schema: {
      tags: ['newOrgs'], summary: '两新组织名录：按类别、行业、区域、规模、是否覆盖筛选，按名称或统一社会信用代码搜索',
      querystring: newOrgFilter.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: z.object({ items: z.array(newOrgItem), total: z.number() }), ...errors },
    },
  }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return services.newOrgs.list(contextOf(request), filter, page, pageSize);
  });

  r.get('/api/new-orgs/export.xlsx', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['newOrgs'], summary: '导出当前筛选结果（.xlsx）', querystring: newOrgFilter },
  }, async (request, reply) => {
    const out = await services.newOrgs.export(contextOf(request), request.query);
    reply.header('x-export-count', String(out.count));
    return sendAttachment(reply, out.fileName, XLSX_TYPE, out.stream);
  });

  r.get('/api/new-orgs/:id', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['newOrgs'], summary: '单位详情与覆盖历史', params: idParams, response: { 200: newOrgDetail, ...errors } },
  }, async (request) => services.newOrgs.detail(contextOf(request), request.params.id));

  r.post('/api/new-orgs', {
    config: { access: 'orgs:write', scoped: true },
    schema: { tags: ['newOrgs'], summary: '手工登记一个企业或社会组织', body: newOrgBody, response: { 200: newOrgDetail, ...errors } },
  }, async (request) => services.newOrgs.create(contextOf(request), request.body));

  r.put('/api/new-orgs/:id', {
    config: { access: 'orgs:write', scoped: true },
    schema: { tags: ['newOrgs'], summary: '修改单位信息', params: idParams, body: newOrgBody, response: { 200: newOrgDetail, ...errors } },
  }, async (request) => services.newOrgs.update(contextOf(request), request.params.id, request.body));

  r.post('/api/new-orgs/:id/deregister', {
    config: { access: 'orgs:write', scoped: true },
    schema: {
      tags: ['newOrgs'], summary: '标记注销（注明日期；记录保留，不删除）', params: idParams,
      body: z.object({ deregisteredOn: isoDate, note: z.string().max(200).optional() }).strict(), response: { 200: newOrgDetail, ...errors },
    },
  }, async (request) => services.newOrgs.deregister(contextOf(request), request.params.id, request.body));

  r.post('/api/new-org-imports', {
    config: { access: 'orgs:write', scoped: true },
    schema: {
      tags: ['newOrgs'], summary: '导入市场监管（企业）或民政（社会组织）名录（multipart：file；后台进行，轮询进度）',
      querystring: z.object({ source: z.enum(newOrgImportSources) }), response: { 200: z.object({ importId: z.number() }), ...errors },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    const file = await receiveFile(request);
    const importId = await services.newOrgImportJobs.start(ctx, request.query.source, file.filename, file.file);
    if (file.file.truncated) throw appError('PAYLOAD_TOO_LARGE', '文件超过300MB，请拆分后再导入');
    return { importId };
  });

  r.get('/api/new-org-imports', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['newOrgs'], summary: '最近的名录导入', response: { 200: z.object({ items: z.array(importStatus) }), ...errors } },
  }, async (request) => ({ items: await services.newOrgImportJobs.list(contextOf(request)) }));

  r.get('/api/new-org-imports/:id', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['newOrgs'], summary: '名录导入进度与结果', params: idParams, response: { 200: importStatus, ...errors } },
  }, async (request) => services.newOrgImportJobs.status(contextOf(request), request.params.id));

  rejectionRoutes(app, {
    base: '/api/new-org-imports', tag: 'newOrgs', access: 'orgs:read',
    status: (ctx, id) => services.newOrgImportJobs.status(ctx, id),
    rejections: (id, limit) => services.newOrgsImport.rejections(id, limit),
    report: (id) => services.newOrgsImport.rejectionReport(id),
  });

  r.get('/api/new-org-coverage', {
    config: { access: 'orgs:read', scoped: true },
    schema: {
      tags: ['newOrgs'], summary: '覆盖情况：按类别、区域、行业、规模的覆盖率与组建方式（可指定统计日期）',
      querystring: z.object({ within: prefix.optional(), asOf: isoDate.optional(), by: z.enum(['county', 'township', 'village']).optional() }),
      response: {
        200: z.object({
          asOf: z.string(), by: z.enum(['county', 'township', 'village']), totals: z.object(tally),
          byKind: z.array(z.object({ kind: z.enum(newOrgKinds), label: z.string(), ...tally })),
          byDivision: z.array(z.object({ code: z.string(), name: z.string(), ...tally, byKind: z.array(z.object({ kind: z.enum(newOrgKinds), ...tally })) })),
          byIndustry: z.array(z.object({ industry: z.string(), label: z.string(), ...tally })),
          bySize: z.array(z.object({ sizeBand: z.enum(sizeBandKeys), label: z.string(), ...tally })),
          formationMix: z.array(z.object({ formation: z.enum(formations), label: z.string(), units: z.number(), orgs: z.number() })),
        }),
        ...errors,
      },
    },
  }, async (request) => services.coverage.summary(contextOf(request), request.query));

  r.get('/api/new-org-coverage/trend', {
    config: { access: 'orgs:read', scoped: true },
    schema: {
      tags: ['newOrgs'], summary: '覆盖率走势：近若干个月每月末的覆盖率（由登记、注销和覆盖日期推算）',
      querystring: z.object({ within: prefix.optional(), months: z.coerce.number().int().min(2).max(60).default(24) }),
      response: {
        200: z.object({ points: z.array(z.object({ month: z.string(), asOf: z.string(), ...tally, byKind: z.array(z.object({ kind: z.enum(newOrgKinds), label: z.string(), ...tally })) })) }),
        ...errors,
      },
    },
  }, async (request) => services.coverage.trend(contextOf(request), request.query));

  r.get('/api/new-org-coverage/blank-spots', {
    config: { access: 'orgs:read', scoped: true },
    schema: {
      tags: ['newOrgs'], summary: '空白点：在册、未被党组织覆盖的企业和社会组织，附从业人员中的党员与组建建议',
      querystring: z.object({
        within: prefix.optional(), asOf: isoDate.optional(), kind: z.enum(newOrgKinds).optional(), industry: z.enum(industryKeys).optional(),
        sizeBand: z.enum(sizeBandKeys).optional(), advice: z.enum(adviceKeys).optional(), sort: z.enum(['partyMembers', 'employees', 'division', 'name']).optional(),
        page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: {
        200: z.object({
          asOf: z.string(), total: z.number(), partyMembers: z.number(), byAdvice: z.array(z.object({ advice: z.enum(adviceKeys), label: z.string(), count: z.number() })),
          items: z.array(newOrgItem.extend({ advice: z.enum(adviceKeys), adviceLabel: z.string() })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return services.coverage.blankSpots(contextOf(request), filter, page, pageSize);
  });

  r.get('/api/new-org-coverage/joint-groups', {
    config: { access: 'orgs:read', scoped: true },
    schema: {
      tags: ['newOrgs'], summary: '建议联合组建：同一乡镇（街道）同一行业、党员合计3名以上的空白点',
      querystring: z.object({ within: prefix.optional(), kind: z.enum(newOrgKinds).optional() }),
      response: {
        200: z.object({
          asOf: z.string(),
          items: z.array(z.object({
            key: z.string(), townshipCode: z.string(), townshipName: z.string(), industry: z.string(), industryLabel: z.string(), unitCount: z.number(), partyMembers: z.number(), employees: z.number(),
            hostKind: z.enum(newOrgKinds), units: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(newOrgKinds), divisionCode: z.string(), employees: z.number(), partyMembers: z.number() })),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => services.coverage.jointGroups(contextOf(request), request.query));
}
