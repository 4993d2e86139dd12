import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, appError } from '../../lib/errors.ts';
import { errors, idParams, okResponse, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';
import { MAX_FILE_BYTES } from './pipeline-files.ts';

/** 发展党员: dossiers through the 25 steps, gated by the rule engine. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const version = z.number({ error: '请提供读取时的版本号 version' }).int().min(0);
const statuses = ['active', 'withdrawn', 'notRecognized', 'member'] as const;
const severity = z.enum(['BLOCK', 'WARN', 'INFO']);
const finding = z.object({ rule: z.string(), severity, version: z.string(), step: z.number(), message: z.string(), source: z.string() });
const checklist = z.array(z.object({
  item: z.number(), text: z.string(), rules: z.array(z.string()), status: z.enum(['passed', 'failed', 'unknown']), findings: z.array(finding),
  evidence: z.array(z.object({ field: z.string(), label: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]) })), note: z.string().optional(),
}));
const deferral = z.object({
  asOf: z.string(), monthsAwayLastYear: z.number().nullable(), hasFixedEmployer: z.boolean().nullable(), performance: z.enum(['good', 'fair', 'poor']).nullable(),
  evidence: z.object({ monthsAwayLastYear: z.string(), hasFixedEmployer: z.string(), performance: z.string() }),
});
const listItem = z.object({
  id: z.number(), externalId: z.string(), personId: z.number(), personName: z.string(), idNumberMasked: z.string().nullable(), orgId: z.number(), orgName: z.string(),
  otherOrgId: z.number().nullable(), otherOrgName: z.string().nullable(), status: z.enum(statuses), currentStep: z.number(), currentStepName: z.string(), stage: z.number(),
  openedOn: z.string(), updatedAt: z.string(), version: z.number(),
});
const actionState = z.object({ allowed: z.boolean(), reason: z.string().nullable() });
const stepRef = z.object({ step: z.number(), name: z.string() }).nullable();
const nextActionsSchema = z.object({
  canWrite: z.boolean().describe('本用户可办理（办理地一方且有办理权限）'), readOnlyReason: z.string().nullable(),
  recordStep: stepRef.describe('现在可办理的步骤'), repeatStep: stepRef.describe('可再次办理的步骤（第6、21步）'), sendBackSteps: z.array(z.number()),
  sendBack: actionState, withdraw: actionState, notRecognized: actionState, upload: actionState,
}).describe('本用户现在可做的操作；不可做时附原因');
const detail = z.object({
  id: z.number(), externalId: z.string(), status: z.enum(statuses), currentStep: z.number(), stage: z.number(), version: z.number(), openedOn: z.string(),
  person: z.object({ id: z.number(), name: z.string(), idNumberMasked: z.string().nullable(), divisionCode: z.string() }),
  org: z.object({ id: z.number(), name: z.string() }), otherOrg: z.object({ id: z.number(), name: z.string() }).nullable(),
  stages: z.array(z.object({ number: z.number(), name: z.string() })),
  steps: z.array(z.object({
    number: z.number(), stage: z.number(), name: z.string(), status: z.enum(['done', 'missing', 'current', 'pending']), redo: z.boolean(),
    records: z.array(z.object({ on: z.string().nullable(), input: z.unknown(), recordedAt: z.string(), by: z.string() })), findings: z.array(finding),
  })),
  findings: z.array(finding),
  sixRefusals: checklist.nullable(),
  document: z.unknown().describe('xinxue-dossier/1 档案'),
  pending: z.unknown().describe('跨步骤尚未填完的记录（积极分子备案前、转正审批前）'),
  events: z.array(z.object({ id: z.number(), kind: z.string(), kindLabel: z.string(), step: z.number().nullable(), occurredOn: z.string().nullable(), recordedAt: z.string(), recordedBy: z.string(), detail: z.unknown() })),
  files: z.array(z.object({ id: z.number(), step: z.number(), fileName: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), uploadedAt: z.string() })),
  nextActions: nextActionsSchema,
});
const stepResult = z.object({
  dossierId: z.number(), step: z.number(), version: z.number(), findings: z.array(finding), justifiedWarnings: z.array(finding), checklist: checklist.nullable(), deferral: deferral.nullable(),
});
const errors422 = { ...errors, 422: errors[400] } as const;
const filter = z.object({
  stage: z.coerce.number().int().min(1).max(5).optional(),
  step: z.coerce.number().int().min(1).max(26).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(statuses).optional(),
  personId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true').optional().describe('与 orgId 同用：包括其下级党组织'),
  q: z.string().max(50).optional().describe('姓名（部分）'),
});

export function pipelineRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);
  const p = services.pipeline;

  r.post('/api/dossiers', {
    config: { access: 'dossiers:write', scoped: true },
    schema: {
      tags: ['pipeline'], summary: '为台帐人员建立发展党员档案（第1步：递交入党申请书）',
      body: z.object({
        personId: z.number({ error: '请选择台帐人员' }).int().positive(), orgId: z.number({ error: '请选择办理的党组织' }).int().positive(), otherOrgId: z.number().int().positive().optional(),
        datedOn: isoDate.describe('入党申请书落款日期'), receivedOn: isoDate.optional(), signed: z.boolean().optional(), justification: z.string().max(2000).optional(),
      }).strict(),
      response: { 200: detail, ...errors422 },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return p.views.detail(ctx, await p.service.open(ctx, request.body));
  });

  r.get('/api/dossiers', {
    config: { access: 'dossiers:read', scoped: true },
    schema: {
      tags: ['pipeline'], summary: '发展党员档案列表（办理地或另一地的党组织在管辖范围内）',
      querystring: filter.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50), sort: z.enum(['updated', 'id']).default('id').describe('updated：最近更新在前') }),
      response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(listItem) }), ...errors },
    },
  }, async (request) => {
    const { page, pageSize, sort, ...f } = request.query;
    return p.views.list(contextOf(request), f, page, pageSize, sort);
  });

  r.get('/api/dossiers/export', {
    config: { access: 'dossiers:read', scoped: true },
    schema: { tags: ['pipeline'], summary: '导出管辖范围内的档案（xinxue-dossier/1）', querystring: filter },
  }, async (request, reply) => {
    const text = await p.views.export(contextOf(request), request.query);
    reply.header('content-type', 'application/json; charset=utf-8');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('发展党员档案.json')}`);
    return reply.send(text);
  });

  r.post('/api/dossiers/import', {
    bodyLimit: 50 * 1024 * 1024,
    config: { access: 'dossiers:write', scoped: true },
    schema: {
      tags: ['pipeline'], summary: '导入 xinxue-dossier/1 档案（按档案编号幂等；有错误则整份拒绝并列出 JSON 路径）',
      querystring: z.object({ orgId: z.coerce.number().int().positive() }), body: z.unknown(),
      response: { 200: z.object({ format: z.string(), dossiers: z.number(), created: z.number(), updated: z.number(), unchanged: z.number() }), ...errors },
    },
  }, async (request) => p.service.import(contextOf(request), request.body, request.query.orgId));

  r.get('/api/dossiers/:id', {
    config: { access: 'dossiers:read', scoped: true },
    schema: { tags: ['pipeline'], summary: '档案详情：25个步骤、记录、问题、六个不批、历史与材料', params: idParams, response: { 200: detail, ...errors } },
  }, async (request) => p.views.detail(contextOf(request), request.params.id));

  r.get('/api/dossiers/:id/deferral', {
    config: { access: 'dossiers:read', scoped: true },
    schema: {
      tags: ['pipeline'], summary: '三个暂不发展：按台帐事实计算（只读；第3、7步的表单用）', params: idParams,
      querystring: z.object({ on: isoDate.optional().describe('按哪一天计算，默认今天') }),
      response: { 200: deferral, ...errors },
    },
  }, async (request) => p.service.deferral(contextOf(request), request.params.id, request.query.on));

  r.get('/api/dossiers/:id/export', {
    config: { access: 'dossiers:read', scoped: true },
    schema: { tags: ['pipeline'], summary: '导出一份档案（xinxue-dossier/1）', params: idParams },
  }, async (request, reply) => {
    const text = await p.views.export(contextOf(request), { ids: [request.params.id] });
    reply.header('content-type', 'application/json; charset=utf-8');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`发展党员档案-${request.params.id}.json`)}`);
    return reply.send(text);
  });

  r.post('/api/dossiers/:id/steps/:step', {
    config: { access: 'dossiers:write', scoped: true },
    schema: {
      tags: ['pipeline'], summary: '办理一个步骤（先经规则引擎：BLOCK 拒绝，WARN 须写明理由）',
      description: '请求体为该步骤的字段（见 dossier-format.md），另加 version（读取时的版本号）和可选的 justification（有警示时的理由，不少于10个字）。',
      params: z.object({ id: z.coerce.number().int().positive(), step: z.coerce.number().int().min(1).max(25) }),
      body: z.looseObject({ version, justification: z.string().max(2000).optional() }),
      response: { 200: stepResult, ...errors422 },
    },
  }, async (request) => {
    const { version: v, justification, ...fields } = request.body;
    return p.service.recordStep(contextOf(request), request.params.id, request.params.step, { version: v, justification, fields });
  });

  r.post('/api/dossiers/:id/send-back', {
    config: { access: 'dossiers:write', scoped: true },
    schema: { tags: ['pipeline'], summary: '退回到已办理的步骤（写明原因；之后的步骤须重新办理，原记录保留）', params: idParams, body: z.object({ version, toStep: z.number().int().min(1).max(25), reason: z.string().max(500) }).strict(), response: { 200: okResponse, ...errors } },
  }, async (request) => {
    await p.service.sendBack(contextOf(request), request.params.id, request.body);
    return { ok: true as const };
  });

  r.post('/api/dossiers/:id/withdraw', {
    config: { access: 'dossiers:write', scoped: true },
    schema: { tags: ['pipeline'], summary: '撤回（终止办理，记录原因，不删除）', params: idParams, body: z.object({ version, reason: z.string().max(500), on: isoDate }).strict(), response: { 200: okResponse, ...errors } },
  }, async (request) => {
    await p.service.close(contextOf(request), request.params.id, 'withdrawn', request.body);
    return { ok: true as const };
  });

  r.post('/api/dossiers/:id/not-recognized', {
    config: { access: 'dossiers:write', scoped: true },
    schema: { tags: ['pipeline'], summary: '不予承认（2026年版细则第四十一条；记录决定机关与原因）', params: idParams, body: z.object({ version, reason: z.string().max(500), on: isoDate, decidedBy: z.string().max(100) }).strict(), response: { 200: okResponse, ...errors } },
  }, async (request) => {
    await p.service.close(contextOf(request), request.params.id, 'notRecognized', request.body);
    return { ok: true as const };
  });

  r.post('/api/dossiers/:id/files', {
    config: { access: 'dossiers:write', scoped: true },
    schema: {
      tags: ['pipeline'], summary: `上传某一步骤的材料（multipart：file；PDF/JPG/PNG/DOCX，不超过 ${MAX_FILE_BYTES / 1024 / 1024} MB）`, params: idParams,
      querystring: z.object({ step: z.coerce.number().int().min(1).max(25) }),
      response: { 200: z.object({ id: z.number(), step: z.number(), fileName: z.string(), contentType: z.string(), size: z.number(), sha256: z.string() }), 413: errors[400], ...errors },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    await p.files.assertWritable(ctx, request.params.id, request.query.step);
    try {
      const file = await request.file({ limits: { fileSize: MAX_FILE_BYTES } });
      if (!file) throw appError('BAD_REQUEST', '请选择要上传的文件', { field: 'file' });
      return await p.files.store(ctx, request.params.id, request.query.step, file.filename, file.file);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if ((error as { statusCode?: number }).statusCode === 406) throw appError('BAD_REQUEST', '请以 multipart/form-data 上传文件', { field: 'file' });
      throw appError('BAD_REQUEST', '上传的内容无法解析，请重新选择文件', { field: 'file' });
    }
  });

  r.get('/api/dossiers/:id/files/:fileId', {
    config: { access: 'dossiers:read', scoped: true },
    schema: { tags: ['pipeline'], summary: '下载档案材料', params: z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() }) },
  }, async (request, reply) => {
    const file = await p.files.open(contextOf(request), request.params.id, request.params.fileId);
    reply.header('content-type', file.contentType);
    reply.header('content-length', String(file.size));
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return reply.send(file.stream);
  });
}
