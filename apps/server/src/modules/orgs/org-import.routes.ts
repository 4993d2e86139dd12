import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, appError } from '../../lib/errors.ts';
import { errors, idParams, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

const importStatus = z.object({
  id: z.number(), fileName: z.string(), status: z.enum(['running', 'done', 'failed']), startedAt: z.string(), finishedAt: z.string().nullable(), percent: z.number(), rowsPerSecond: z.number(),
  error: z.string().nullable(), rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number(),
});

async function receiveFile(request: FastifyRequest) {
  try {
    const file = await request.file();
    if (!file) throw appError('BAD_REQUEST', '请选择要上传的文件', { field: 'file' });
    return file;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw appError('BAD_REQUEST', '上传的内容无法解析，请以 multipart/form-data 重新选择文件上传', { field: 'file' });
  }
}

/** Some clients percent-encode the file name (RFC 5987 style) in the plain `filename` parameter. */
function plainName(name: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(name)) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function sendXlsx(reply: FastifyReply, fileName: string, body: NodeJS.ReadableStream | Buffer) {
  reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  return reply.send(body);
}

/** 导入党组织: the organization tree from the old system's export, in the background (org-import.service.ts). */
export function orgImportRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/org-imports/template.xlsx', {
    config: { access: 'orgs:read' },
    schema: { tags: ['orgs'], summary: '下载党组织导入模板（.xlsx：表头、一行示例和填写说明）' },
  }, async (_request, reply) => sendXlsx(reply, '党组织导入模板.xlsx', await services.orgImport.template()));

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

  r.get('/api/org-imports/:id/rejections', {
    config: { access: 'orgs:read', scoped: true },
    schema: {
      tags: ['orgs'], summary: '退回的行（行号为 Excel 中的行）', params: idParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: { 200: z.object({ items: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })), total: z.number() }), ...errors },
    },
  }, async (request) => {
    const status = await services.orgImportJobs.status(contextOf(request), request.params.id);
    return { items: await services.orgImport.rejections(request.params.id, request.query.limit), total: status.rejected };
  });

  r.get('/api/org-imports/:id/rejections.xlsx', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['orgs'], summary: '下载退回行报告（.xlsx）', params: idParams },
  }, async (request, reply) => {
    const status = await services.orgImportJobs.status(contextOf(request), request.params.id);
    return sendXlsx(reply, `退回行-${status.fileName.replace(/\.(csv|xlsx|txt)$/i, '')}.xlsx`, await services.orgImport.rejectionReport(request.params.id));
  });
}
