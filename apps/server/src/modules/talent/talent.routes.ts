import { contactChannels, foundVia } from '@xinxue/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, okResponse, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const talentEntry = z.object({
  id: z.number(), personId: z.number(), name: z.string(), idNumberMasked: z.string().nullable(), divisionCode: z.string(), direction: z.string().nullable(),
  employer: z.string().nullable(), reason: z.string(), nominatedBy: z.string(), foundVia: z.enum(foundVia), foundViaLabel: z.string(), flaggedAt: z.string(), targetId: z.number().nullable(),
});
const targetRow = z.object({
  id: z.number(), personId: z.number(), name: z.string(), divisionCode: z.string(), direction: z.string().nullable(), ownerId: z.number(), ownerName: z.string(),
  cadenceDays: z.number(), reserveCadre: z.boolean(), outboundYouth: z.boolean(), startedOn: z.string(), lastContactOn: z.string().nullable(), nextDueOn: z.string(), overdueDays: z.number(),
});
const targetDetail = z.object({
  id: z.number(), personId: z.number(), status: z.enum(['active', 'applied', 'closed']), appliedOn: z.string().nullable(), closedReason: z.string().nullable(), startedOn: z.string(),
  cadenceDays: z.number(), reserveCadre: z.boolean(), outboundYouth: z.boolean(), nextDueOn: z.string().nullable(), overdueDays: z.number(), ownerName: z.string().nullable(),
  contacts: z.array(z.object({ id: z.number(), channel: z.enum(contactChannels), channelLabel: z.string(), contactedOn: z.string(), note: z.string(), recordedBy: z.string().nullable() })),
});
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export function talentRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/talent', {
    config: { access: 'people:read', scoped: true },
    schema: { tags: ['talent'], summary: '优秀分子数据库', querystring: z.object({ within: z.string().regex(/^\d{2,12}$/).optional(), foundVia: z.enum(foundVia).optional() }), response: { 200: z.object({ items: z.array(talentEntry) }), ...errors } },
  }, async (request) => ({ items: await services.talent.listOutstanding(contextOf(request), request.query) }));

  r.post('/api/people/:id/talent', {
    config: { access: 'people:write', scoped: true },
    schema: {
      tags: ['talent'], summary: '列为优秀分子（写明理由、推荐人、发现途径）', params: idParams,
      body: z.object({ reason: z.string().max(500), nominatedBy: z.string().max(50), foundVia: z.enum(foundVia) }).strict(),
      response: { 200: talentEntry, ...errors },
    },
  }, async (request) => services.talent.flag(contextOf(request), request.params.id, request.body));

  r.post('/api/talent/:id/withdraw', {
    config: { access: 'people:write', scoped: true },
    schema: { tags: ['talent'], summary: '移出优秀分子数据库', params: idParams, body: z.object({ reason: z.string().min(2).max(200) }).strict(), response: { 200: okResponse, ...errors } },
  }, async (request) => {
    await services.talent.withdraw(contextOf(request), request.params.id, request.body.reason);
    return { ok: true as const };
  });

  r.get('/api/people/:id/talent-status', {
    config: { access: 'people:read', scoped: true },
    schema: {
      tags: ['talent'], summary: '某人是否列为优秀分子、是否为重点培养对象、是否已递交入党申请', params: idParams,
      response: {
        200: z.object({
          personId: z.number(),
          talent: z.object({ id: z.number(), reason: z.string(), nominatedBy: z.string(), foundVia: z.enum(foundVia), foundViaLabel: z.string(), flaggedAt: z.string(), flaggedBy: z.string().nullable() }).nullable(),
          target: z.object({
            id: z.number(), ownerId: z.number(), ownerName: z.string(), cadenceDays: z.number(), reserveCadre: z.boolean(), outboundYouth: z.boolean(), startedOn: z.string(),
            lastContactOn: z.string().nullable(), nextDueOn: z.string(), overdueDays: z.number(), overdue: z.boolean(),
          }).nullable(),
          applicant: z.object({ targetId: z.number(), appliedOn: z.string() }).nullable(),
        }),
        ...errors,
      },
    },
  }, async (request) => services.talent.personStatus(contextOf(request), request.params.id));

  r.get('/api/targets', {
    config: { access: 'people:read', scoped: true },
    schema: {
      tags: ['talent'], summary: '重点培养对象（可只看逾期未联系的）',
      querystring: z.object({ overdue: flag.optional(), reserveCadre: flag.optional(), outboundYouth: flag.optional(), ownerId: z.coerce.number().int().positive().optional(), within: z.string().regex(/^\d{2,12}$/).optional() }),
      response: { 200: z.object({ items: z.array(targetRow) }), ...errors },
    },
  }, async (request) => ({ items: await services.talent.listTargets(contextOf(request), request.query) }));

  r.get('/api/targets/:id', {
    config: { access: 'people:read', scoped: true },
    schema: { tags: ['talent'], summary: '培养对象详情与联系记录', params: idParams, response: { 200: targetDetail, ...errors } },
  }, async (request) => services.talent.target(contextOf(request), request.params.id));

  r.post('/api/people/:id/target', {
    config: { access: 'people:write', scoped: true },
    schema: {
      tags: ['talent'], summary: '列为重点培养对象（跟踪联系人、联系周期、村级后备干部）', params: idParams,
      body: z.object({ ownerId: z.number().int().positive().optional(), cadenceDays: z.number().int(), reserveCadre: z.boolean().default(false) }).strict(),
      response: { 200: targetDetail, ...errors },
    },
  }, async (request) => services.talent.addTarget(contextOf(request), request.params.id, request.body));

  r.post('/api/targets/:id/contacts', {
    config: { access: 'people:write', scoped: true },
    schema: {
      tags: ['talent'], summary: '记录一次联系', params: idParams,
      body: z.object({ channel: z.enum(contactChannels), contactedOn: isoDate, note: z.string().max(1000) }).strict(),
      response: { 200: targetDetail, ...errors },
    },
  }, async (request) => services.talent.logContact(contextOf(request), request.params.id, request.body));

  r.post('/api/targets/:id/apply', {
    config: { access: 'people:write', scoped: true },
    schema: { tags: ['talent'], summary: '培养对象递交入党申请（转入发展党员流程）', params: idParams, body: z.object({ appliedOn: isoDate }).strict(), response: { 200: targetDetail, ...errors } },
  }, async (request) => services.talent.becomeApplicant(contextOf(request), request.params.id, request.body.appliedOn));

  r.post('/api/targets/:id/close', {
    config: { access: 'people:write', scoped: true },
    schema: { tags: ['talent'], summary: '结束跟踪', params: idParams, body: z.object({ reason: z.string().max(200) }).strict(), response: { 200: targetDetail, ...errors } },
  }, async (request) => services.talent.close(contextOf(request), request.params.id, request.body.reason));
}
