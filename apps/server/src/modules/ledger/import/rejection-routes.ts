import type { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Permission } from '@xinxue/domain';
import type { RequestContext } from '../../../lib/context.ts';
import { errors, idParams, sendAttachment, typed, XLSX_TYPE } from '../../../lib/http.ts';
import { contextOf } from '../../../plugins/auth.ts';
import type { Rejection } from './import-records.ts';

/**
 * `GET <base>/:id/rejections` and `<base>/:id/rejections.xlsx` of a file import (ledger, org tree,
 * registry): the import's status is read first, which checks that it is in the user's scope.
 */
export function rejectionRoutes(
  app: FastifyInstance,
  options: {
    base: string;
    tag: string;
    access: Permission;
    status: (ctx: RequestContext, importId: number) => Promise<{ fileName: string; rejected: number }>;
    rejections: (importId: number, limit: number) => Promise<Rejection[]>;
    report: (importId: number) => Promise<PassThrough>;
  },
): void {
  const r = typed(app);
  r.get(`${options.base}/:id/rejections`, {
    config: { access: options.access, scoped: true },
    schema: {
      tags: [options.tag], summary: '退回的行（行号为 Excel 中的行）', params: idParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: { 200: z.object({ items: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })), total: z.number() }), ...errors },
    },
  }, async (request) => {
    const status = await options.status(contextOf(request), request.params.id);
    return { items: await options.rejections(request.params.id, request.query.limit), total: status.rejected };
  });

  r.get(`${options.base}/:id/rejections.xlsx`, {
    config: { access: options.access, scoped: true },
    schema: { tags: [options.tag], summary: '下载退回行报告（.xlsx）', params: idParams },
  }, async (request, reply) => {
    const status = await options.status(contextOf(request), request.params.id);
    return sendAttachment(reply, `退回行-${status.fileName.replace(/\.(csv|xlsx|txt)$/i, '')}.xlsx`, XLSX_TYPE, await options.report(request.params.id));
  });
}
