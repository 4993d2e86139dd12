import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, appError } from './errors.ts';

/** Every error response has this shape (see plugins/error-handler.ts). */
export const errorResponse = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** The standard error responses, to spread into a route's `response` map. */
export const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse } as const;

export const okResponse = z.object({ ok: z.literal(true) });

export const idParams = z.object({ id: z.coerce.number().int().positive().describe('记录编号') });

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a download under a Chinese file name (RFC 5987, so every browser keeps the characters). */
export function sendAttachment(reply: FastifyReply, fileName: string, contentType: string, body: NodeJS.ReadableStream | Buffer | string) {
  reply.header('content-type', contentType);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  return reply.send(body);
}

/** The one uploaded file of a multipart request, or a Chinese message naming the field. */
export async function receiveFile(request: FastifyRequest) {
  try {
    const file = await request.file();
    if (!file) throw appError('BAD_REQUEST', '请选择要上传的文件', { field: 'file' });
    return file;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw appError('BAD_REQUEST', '上传的内容无法解析，请以 multipart/form-data 重新选择文件上传', { field: 'file' });
  }
}
