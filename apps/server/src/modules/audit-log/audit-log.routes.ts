import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, typed } from '../../lib/http.ts';
import { actorOf } from '../../lib/context.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

const entry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  actorRole: z.string().nullable(),
  ip: z.string(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectIds: z.array(z.union([z.string(), z.number()])),
  outcome: z.enum(['success', 'failure', 'denied']),
  detail: z.record(z.string(), z.unknown()),
});

export function auditLogRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/audit-log', {
    config: { access: 'auditLog:read' },
    schema: {
      tags: ['audit-log'],
      summary: '审计日志（新的在前）',
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(50),
        beforeId: z.coerce.number().int().positive().optional(),
        action: z.string().max(60).optional(),
        actorId: z.coerce.number().int().positive().optional(),
      }),
      response: { 200: z.object({ items: z.array(entry) }), ...errors },
    },
  }, async (request) => ({ items: await services.auditLog.list(request.query) }));

  r.get('/api/audit-log/verify', {
    config: { access: 'auditLog:read' },
    schema: {
      tags: ['audit-log'],
      summary: '校验审计日志哈希链',
      response: { 200: z.object({ ok: z.boolean(), checked: z.number(), firstBroken: z.object({ id: z.number(), reason: z.string() }).optional() }), ...errors },
    },
  }, async (request) => {
    const result = await services.auditLog.verify();
    await services.auditLog.record(actorOf(contextOf(request)), { action: 'auditLog.verify', outcome: result.ok ? 'success' : 'failure', detail: { checked: result.checked, ...(result.firstBroken ? { firstBroken: result.firstBroken.id } : {}) } });
    return result;
  });
}
