import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCatalogue } from '../lib/errors.ts';

const contextLabels: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/**
 * The one error handler. Known errors become `{ code, message, field? }` with a Chinese message;
 * anything else is logged and answered with a bare 500 — no stack, no SQL, nothing internal.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.status).send({ code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...(error.details ? { details: error.details } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = first?.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined;
      const where = contextLabels[error.validationContext ?? ''] ?? '请求';
      const message = `${where}${field ? `字段“${field}”` : ''}不正确：${first?.message ?? ''}`;
      return reply.code(400).send({ code: 'VALIDATION_FAILED', message, ...(field ? { field } : {}) });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return reply.code(500).send({ code: 'INTERNAL', message: errorCatalogue.INTERNAL.message });
    }
    if (error.statusCode === 429) {
      return reply.code(429).send({ code: 'RATE_LIMITED', message: errorCatalogue.RATE_LIMITED.message });
    }
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ code: 'PAYLOAD_TOO_LARGE', message: errorCatalogue.PAYLOAD_TOO_LARGE.message });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (bad JSON, wrong content type): say so in Chinese, keep the code.
      return reply.code(error.statusCode).send({ code: 'BAD_REQUEST', message: `请求无效（${error.code ?? error.statusCode}）` });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: errorCatalogue.INTERNAL.message });
  });
}
