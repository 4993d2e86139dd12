import { factSources, fiveItems, ledgerSources } from '@xinxue/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { AppError, appError } from '../../lib/errors.ts';

/** Reads the one uploaded file of a multipart request; a malformed body is the client's error. */
async function receiveUpload<T extends object>(request: FastifyRequest, save: (fileName: string, stream: Readable) => Promise<T>): Promise<T & { fileName: string }> {
  try {
    const file = await request.file();
    if (!file) throw appError('BAD_REQUEST', '请选择要上传的文件', { field: 'file' });
    const saved = await save(file.filename, file.file);
    if (file.file.truncated) throw appError('PAYLOAD_TOO_LARGE', '文件超过300MB，请拆分后再导入');
    return { ...saved, fileName: file.filename };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { statusCode?: number }).statusCode === 406) throw appError('BAD_REQUEST', '请以 multipart/form-data 上传文件', { field: 'file' });
    throw appError('BAD_REQUEST', '上传的内容无法解析，请重新选择文件', { field: 'file' });
  }
}
import { z } from 'zod';
import { errors, idParams, okResponse, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import { rejectionRoutes } from './import/rejection-routes.ts';
import type { Services } from '../../services.ts';

const fiveItemsSchema = z.object({ clear: z.array(z.enum(fiveItems)), missing: z.array(z.enum(fiveItems)), stale: z.array(z.enum(fiveItems)), complete: z.boolean() });
const personRow = z.object({
  id: z.number(), name: z.string(), idNumberMasked: z.string().nullable(), gender: z.string().nullable(), birthDate: z.string().nullable(),
  direction: z.string().nullable(), movedOn: z.string().nullable(), divisionCode: z.string(), divisionName: z.string(), gridId: z.number().nullable(),
  gridName: z.string().nullable(), originCode: z.string().nullable(), destinationCode: z.string().nullable(), destinationName: z.string().nullable(),
  employer: z.string().nullable(), occupationGroup: z.string().nullable(), occupationGroupName: z.string(), fiveItems: fiveItemsSchema,
});
const prefix = z.string().regex(/^\d{2,12}$/, '须为行政区划代码前缀');
export const peopleFilter = z.object({
  within: prefix.optional(),
  gridId: z.coerce.number().int().positive().optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  destination: prefix.optional(),
  occupationGroup: z.string().max(2).optional(),
  completeness: z.enum(['complete', 'incomplete']).optional(),
  flag: z.enum(['talent', 'target']).optional(),
  q: z.string().max(30).optional(),
});

export function ledgerRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/people', {
    config: { access: 'people:read', scoped: true },
    schema: {
      tags: ['ledger'], summary: '流动人员台帐：筛选与搜索（姓名、拼音首字母、身份证后4位、手机号）',
      querystring: peopleFilter.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: z.object({ items: z.array(personRow), total: z.number() }), ...errors },
    },
  }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return services.ledger.list(contextOf(request), filter, page, pageSize);
  });

  r.get('/api/people/:id', {
    config: { access: 'people:read', scoped: true },
    schema: {
      tags: ['ledger'], summary: '人员详情：当前信息与全部历史（每个值的来源）', params: idParams,
      response: {
        200: personRow.extend({
          mergedInto: z.number().nullable(), ethnicity: z.string(), education: z.string(), politicalStatus: z.string(), canReveal: z.boolean(),
          current: z.array(z.object({
            item: z.enum(['identity', ...fiveItems]), label: z.string(),
            values: z.array(z.object({
              key: z.string(), label: z.string(), value: z.string().describe('电话已脱敏'), source: z.enum(factSources), sourceLabel: z.string(), validFrom: z.string().nullable(), recordedAt: z.string(),
            })),
          })).describe('身份信息与五个清楚的当前值及其来源'),
          history: z.array(z.object({
            id: z.number(), kind: z.string(), kindLabel: z.string(), validFrom: z.string().nullable(), recordedAt: z.string(), source: z.string(), sourceLabel: z.string(), status: z.string(),
            values: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
          })),
          openReviews: z.array(z.object({ id: z.number(), kind: z.string(), score: z.number().nullable(), createdAt: z.string() })),
          merges: z.array(z.object({ id: z.number(), survivorId: z.number(), mergedId: z.number(), reason: z.string(), at: z.string(), undoneAt: z.string().nullable() })),
        }),
        ...errors,
      },
    },
  }, async (request) => services.ledger.detail(contextOf(request), request.params.id));

  r.post('/api/people/:id/reveal', {
    config: { access: 'pii:reveal', scoped: true },
    schema: {
      tags: ['ledger'], summary: '查看完整身份证号或电话（须填写理由，记入审计日志）', params: idParams,
      body: z.object({ field: z.enum(['idNumber', 'phones']), reason: z.string().max(200) }).strict(),
      response: { 200: z.object({ value: z.string().nullable() }), ...errors },
    },
  }, async (request) => ({ value: await services.ledger.reveal(contextOf(request), request.params.id, request.body.field, request.body.reason) }));

  r.post('/api/people/export', {
    config: { access: 'people:read', scoped: true },
    schema: {
      tags: ['ledger'], summary: '导出当前筛选结果（默认脱敏；完整信息须有权限并填写理由）',
      body: z.object({ filter: peopleFilter.default({}), format: z.enum(['xlsx', 'csv']), reveal: z.boolean().default(false), reason: z.string().max(200).optional() }).strict(),
    },
  }, async (request, reply) => {
    const { filter, format, reveal, reason } = request.body;
    const out = await services.ledgerExport.export(contextOf(request), filter, format, reveal ? { reason: reason ?? '' } : null);
    reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(out.fileName)}`);
    reply.header('x-export-count', String(out.count));
    return reply.send(out.stream);
  });

  r.get('/api/ledger/completeness', {
    config: { access: 'people:read', scoped: true },
    schema: {
      tags: ['ledger'], summary: '五个清楚完成情况（按网格、村、乡镇、县汇总）',
      querystring: z.object({ within: prefix, by: z.enum(['grid', 'village', 'township', 'county']) }),
      response: {
        200: z.object({ items: z.array(z.object({ key: z.string(), name: z.string(), total: z.number(), complete: z.number(), items: z.object({ hukou: z.number(), movedOn: z.number(), workAddress: z.number(), occupation: z.number(), contact: z.number() }) })) }),
        ...errors,
      },
    },
  }, async (request) => ({ items: await services.ledger.completeness(contextOf(request), request.query.within, request.query.by) }));

  const reviewItem = z.object({
    id: z.number(), kind: z.enum(['match', 'conflict']), status: z.string(), createdAt: z.string(), resolution: z.string().nullable(), resolvedAt: z.string().nullable(),
    score: z.number().nullable(), parts: z.array(z.object({ label: z.string(), points: z.number(), detail: z.string() })),
    person: z.unknown(), candidate: z.unknown(), factKind: z.string().nullable().optional(),
    differences: z.array(z.object({ key: z.string(), label: z.string(), incoming: z.string(), incomingSource: z.string(), current: z.string(), currentSource: z.string() })),
  });

  r.get('/api/reviews', {
    config: { access: 'people:read', scoped: true },
    schema: {
      tags: ['ledger'], summary: '待审核：疑似重复与来源冲突（分页；可按类型、状态、区域筛选）',
      querystring: z.object({
        status: z.enum(['open', 'resolved']).default('open'), kind: z.enum(['match', 'conflict']).optional(), within: prefix.optional(),
        page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ items: z.array(reviewItem), total: z.number() }), ...errors },
    },
  }, async (request) => services.review.list(contextOf(request), request.query));

  r.post('/api/reviews/:id/resolve', {
    config: { access: 'people:write', scoped: true },
    schema: {
      tags: ['ledger'], summary: '处理待审核事项', params: idParams,
      body: z.object({ action: z.enum(['merge', 'distinct', 'acceptIncoming', 'keepCurrent']) }).strict(),
      response: { 200: reviewItem, ...errors },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    const { action } = request.body;
    return action === 'merge' || action === 'distinct' ? services.review.resolveMatch(ctx, request.params.id, action) : services.review.resolveConflict(ctx, request.params.id, action);
  });

  r.post('/api/merges/:id/undo', {
    config: { access: 'people:write', scoped: true },
    schema: { tags: ['ledger'], summary: '撤销合并（拆分）', params: idParams, response: { 200: okResponse, ...errors } },
  }, async (request) => {
    await services.review.undoMerge(contextOf(request), request.params.id);
    return { ok: true as const };
  });

  const importStatus = z.object({
    id: z.number(), source: z.enum(ledgerSources), fileName: z.string(), status: z.enum(['running', 'done', 'failed']), startedAt: z.string(), finishedAt: z.string().nullable(),
    percent: z.number(), rowsPerSecond: z.number(), error: z.string().nullable(), rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number(),
    linkedWithoutId: z.number(), queuedForReview: z.number(), conflicts: z.number(), rejected: z.number(),
  });

  r.post('/api/imports/preview', {
    config: { access: 'people:write', scoped: true },
    schema: {
      tags: ['ledger'], summary: '上传文件并预览表头与列对应关系（multipart：file）', querystring: z.object({ source: z.enum(ledgerSources) }),
      response: {
        200: z.object({ uploadId: z.string(), fileName: z.string(), headerRow: z.number(), headers: z.array(z.string()), mapping: z.record(z.string(), z.string()), mappingSource: z.enum(['saved', 'guessed']), sample: z.array(z.array(z.string())) }),
        ...errors,
      },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    const upload = await receiveUpload(request, (name, stream) => services.importJobs.receive(ctx, name, stream));
    const file = { filename: upload.fileName };
    const preview = await services.ledgerImport.preview(request.query.source, upload.path, file.filename);
    return { uploadId: upload.uploadId, fileName: file.filename, ...preview, mapping: Object.fromEntries(Object.entries(preview.mapping).map(([k, v]) => [k, v])) };
  });

  r.post('/api/imports', {
    config: { access: 'people:write', scoped: true },
    schema: {
      tags: ['ledger'], summary: '开始导入（后台进行，轮询进度）',
      body: z.object({ uploadId: z.string().regex(/^[0-9a-f]{32}$/), source: z.enum(ledgerSources), mapping: z.record(z.string().regex(/^\d+$/), z.string()).optional(), saveMapping: z.boolean().default(false), headers: z.array(z.string()).optional() }).strict(),
      response: { 200: z.object({ importId: z.number() }), ...errors },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    const { uploadId, source, mapping, saveMapping, headers } = request.body;
    const parsed = mapping ? services.ledgerImport.parseMapping(mapping) : undefined;
    if (parsed && saveMapping && headers) await services.ledgerImport.saveMapping(source, headers, parsed, ctx.user.id);
    return { importId: await services.importJobs.start(ctx, uploadId, source, parsed) };
  });

  r.get('/api/imports', {
    config: { access: 'people:read', scoped: true },
    schema: { tags: ['ledger'], summary: '最近的导入', response: { 200: z.object({ items: z.array(importStatus) }), ...errors } },
  }, async (request) => ({ items: await services.importJobs.list(contextOf(request)) }));

  r.get('/api/imports/:id', {
    config: { access: 'people:read', scoped: true },
    schema: { tags: ['ledger'], summary: '导入进度与结果', params: idParams, response: { 200: importStatus, ...errors } },
  }, async (request) => services.importJobs.status(contextOf(request), request.params.id));

  rejectionRoutes(app, {
    base: '/api/imports', tag: 'ledger', access: 'people:read',
    status: (ctx, id) => services.importJobs.status(ctx, id),
    rejections: (id, limit) => services.ledgerImport.rejections(id, limit),
    report: (id) => services.ledgerImport.rejectionReport(id),
  });
}
