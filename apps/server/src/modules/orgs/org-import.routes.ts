import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { appError } from '../../lib/errors.ts';
import { errors, idParams, receiveFile, sendAttachment, typed, XLSX_TYPE } from '../../lib/http.ts';
import { rejectionRoutes } from '../ledger/import/rejection-routes.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

const importStatus = z.object({
  id: z.number(), fileName: z.string(), status: z.enum(['running', 'done', 'failed']), startedAt: z.string(), finishedAt: z.string().nullable(), percent: z.number(), rowsPerSecond: z.number(),
  error: z.string().nullable(), rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number(),
});

/** Some clients percent-encode the file name (RFC 5987 style) in the plain `filename` parameter. */
function plainName(name: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(name)) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** 导入党组织: the organization tree from the old system's export, in the background (org-import.service.ts). */
export function orgImportRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/org-imports/template.xlsx', {
    config: { access: 'orgs:read' },
    schema: { tags: ['orgs'], summary: '下载党组织导入模板（.xlsx：表头、一行示例和填写说明）' },
  }, async (_request, reply) => sendAttachment(reply, '党组织导入模板.xlsx', XLSX_TYPE, await services.orgImport.template()));

  r.post('/api/org-imports', {
    config: { access: 'orgs:write', scoped: true },
    schema: {
      tags: ['orgs'], summary: '导入党组织（multipart：file，.xlsx 或 .csv；后台进行，轮询进度）。每行按新建党组织的规则校验，名称和上级相同的视为同一组织',
      response: { 200: z.object({ importId: z.number() }), ...errors },
    },
  }, async (request) => {
    const file = await receiveFile(request);
    const importId = await services.orgImportJobs.start(contextOf(request), plainName(file.filename), file.file);
    if (file.file.truncated) throw appError('PAYLOAD_TOO_LARGE', '文件过大，请拆分后再导入');
    return { importId };
  });

  r.get('/api/org-imports', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['orgs'], summary: '最近的党组织导入', response: { 200: z.object({ items: z.array(importStatus) }), ...errors } },
  }, async (request) => ({ items: await services.orgImportJobs.list(contextOf(request)) }));

  r.get('/api/org-imports/:id', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['orgs'], summary: '党组织导入的进度与结果', params: idParams, response: { 200: importStatus, ...errors } },
  }, async (request) => services.orgImportJobs.status(contextOf(request), request.params.id));

  rejectionRoutes(app, {
    base: '/api/org-imports', tag: 'orgs', access: 'orgs:read',
    status: (ctx, id) => services.orgImportJobs.status(ctx, id),
    rejections: (id, limit) => services.orgImport.rejections(id, limit),
    report: (id) => services.orgImport.rejectionReport(id),
  });
}
