import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

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
