import { foundVia, microActivityKinds, microOrgKinds } from '@xinxue/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, okResponse, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

// Dates and texts are checked by the services, which name the field in Chinese; zod only keeps shapes.
const date = z.string().max(10);
const prefix = z.string().regex(/^\d{2,12}$/, '须为行政区划代码前缀');
const count = z.number().int();

const summary = z.object({
  id: z.number(), name: z.string(), kind: z.enum(microOrgKinds), kindLabel: z.string(), divisionCode: z.string(), divisionName: z.string(),
  guideOrg: z.object({ id: z.number(), name: z.string() }).nullable(), description: z.string(), foundedOn: z.string(), dissolvedOn: z.string().nullable(),
  status: z.enum(['active', 'dissolved']), backbones: z.number(), reach: z.number(), activities: z.number(), peopleServed: z.number(), problemsSolved: z.number(), lastActivityOn: z.string().nullable(),
});
const detail = summary.extend({
  backboneList: z.array(z.object({ id: z.number(), name: z.string(), personId: z.number().nullable(), duty: z.string(), joinedOn: z.string(), leftOn: z.string().nullable() })),
  reachList: z.array(z.object({ personId: z.number(), name: z.string(), divisionName: z.string(), direction: z.string().nullable(), employer: z.string().nullable(), since: z.string(), talent: z.boolean() })),
  hiddenReach: z.number(),
});
const activityRow = z.object({
  id: z.number(), microOrgId: z.number(), microOrgName: z.string(), microOrgKind: z.enum(microOrgKinds), divisionName: z.string(), heldOn: z.string(), kind: z.enum(microActivityKinds),
  kindLabel: z.string(), title: z.string(), peopleServed: z.number(), problemsSolved: z.number(), note: z.string(), participants: z.number(),
});
const activity = z.object({
  id: z.number(), microOrgId: z.number(), microOrgName: z.string(), microOrgDissolved: z.boolean(), heldOn: z.string(), kind: z.enum(microActivityKinds), kindLabel: z.string(), title: z.string(),
  peopleServed: z.number(), problemsSolved: z.number(), note: z.string(), recordedBy: z.string().nullable(), recordedAt: z.string(),
  participants: z.array(z.object({
    personId: z.number(), name: z.string(), divisionName: z.string(), direction: z.string().nullable(), employer: z.string().nullable(),
    talentEntryId: z.number().nullable(), talentFoundVia: z.string().nullable(), talentFlaggedAt: z.string().nullable(),
  })),
  hiddenParticipants: z.number(),
});
const stats = z.object({
  months: z.number(),
  totals: z.object({ activeMicroOrgs: z.number(), backbones: z.number(), reach: z.number(), activities: z.number(), peopleServed: z.number(), problemsSolved: z.number(), talentFound: z.number() }),
  byMonth: z.array(z.object({ month: z.string(), activities: z.number(), peopleServed: z.number(), problemsSolved: z.number() })),
  byKind: z.array(z.object({ kind: z.enum(microActivityKinds), label: z.string(), activities: z.number() })),
});
const talentEntry = z.object({ id: z.number(), personId: z.number(), name: z.string(), reason: z.string(), nominatedBy: z.string(), foundVia: z.enum(foundVia), foundViaLabel: z.string(), flaggedAt: z.string() });

const microOrgBody = z.object({
  name: z.string().max(100), kind: z.string().max(20), divisionCode: z.string().max(12), guideOrgId: z.number().int().positive().nullable().optional(),
  description: z.string().max(1000).optional(), foundedOn: date,
}).strict();
const activityBody = z.object({
  heldOn: date, kind: z.string().max(20), title: z.string().max(200), peopleServed: count, problemsSolved: count, note: z.string().max(2000).optional(),
  participantIds: z.array(z.number().int().positive()).max(1000).optional(),
}).strict();
const activityFilter = z.object({
  within: prefix.optional(), microOrgId: z.coerce.number().int().positive().optional(), kind: z.enum(microActivityKinds).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
});
const activityParams = z.object({ activityId: z.coerce.number().int().positive() });

export function microOrgsRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);
  const orgs = services.microOrgs;
  const acts = services.microActivities;

  r.get('/api/micro-orgs', {
    config: { access: 'orgs:read', scoped: true },
    schema: {
      tags: ['micro-orgs'], summary: '微组织列表（骨干党员、联系服务人数、活动合计）',
      querystring: z.object({ within: prefix.optional(), kind: z.enum(microOrgKinds).optional(), status: z.enum(['active', 'dissolved', 'all']).default('active') }),
      response: { 200: z.object({ items: z.array(summary) }), ...errors },
    },
  }, async (request) => ({ items: await orgs.list(contextOf(request), request.query) }));

  r.post('/api/micro-orgs', {
    config: { access: 'orgs:write', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '新建微组织', body: microOrgBody, response: { 200: summary, ...errors } },
  }, async (request) => orgs.create(contextOf(request), request.body));

  r.get('/api/micro-orgs/stats', {
    config: { access: 'orgs:read', scoped: true },
    schema: {
      tags: ['micro-orgs'], summary: '微组织活动统计：每月活动次数、服务人数、解决问题数',
      querystring: z.object({ within: prefix.optional(), microOrgId: z.coerce.number().int().positive().optional(), months: z.coerce.number().int().min(1).max(36).default(12) }),
      response: { 200: stats, ...errors },
    },
  }, async (request) => acts.stats(contextOf(request), request.query));

  r.get('/api/micro-orgs/activities', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '微组织活动台账（最近500条）', querystring: activityFilter, response: { 200: z.object({ items: z.array(activityRow), total: z.number() }), ...errors } },
  }, async (request) => acts.register(contextOf(request), request.query));

  r.get('/api/micro-orgs/activities.xlsx', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '导出微组织活动台账（.xlsx）', querystring: activityFilter },
  }, async (request, reply) => {
    const { buffer, count: n } = await acts.exportXlsx(contextOf(request), request.query);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('微组织活动台账.xlsx')}`);
    reply.header('x-export-count', String(n));
    return reply.send(buffer);
  });

  r.get('/api/micro-orgs/activities/:activityId', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '活动详情与参加人员（是否已列为优秀分子）', params: activityParams, response: { 200: activity, ...errors } },
  }, async (request) => acts.get(contextOf(request), request.params.activityId));

  r.patch('/api/micro-orgs/activities/:activityId', {
    config: { access: 'people:write', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '修改活动记录', params: activityParams, body: activityBody.partial().strict(), response: { 200: activity, ...errors } },
  }, async (request) => acts.update(contextOf(request), request.params.activityId, request.body));

  r.post('/api/micro-orgs/activities/:activityId/talent', {
    config: { access: 'people:write', scoped: true },
    schema: {
      tags: ['micro-orgs'], summary: '把活动参加人员列为优秀分子（一步完成，发现途径：微组织活动）', params: activityParams,
      body: z.object({ personId: z.number().int().positive(), reason: z.string().max(500).optional(), nominatedBy: z.string().max(50).optional() }).strict(),
      response: { 200: talentEntry, ...errors },
    },
  }, async (request) => acts.flagParticipant(contextOf(request), request.params.activityId, request.body));

  r.get('/api/micro-orgs/:id', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '微组织详情：骨干党员、联系服务的流动人员', params: idParams, response: { 200: detail, ...errors } },
  }, async (request) => orgs.detail(contextOf(request), request.params.id));

  r.patch('/api/micro-orgs/:id', {
    config: { access: 'orgs:write', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '修改微组织', params: idParams, body: microOrgBody.partial().strict(), response: { 200: summary, ...errors } },
  }, async (request) => orgs.update(contextOf(request), request.params.id, request.body));

  r.post('/api/micro-orgs/:id/dissolve', {
    config: { access: 'orgs:write', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '解散微组织（记录日期和原因，不删除）', params: idParams, body: z.object({ dissolvedOn: date, reason: z.string().max(400) }).strict(), response: { 200: summary, ...errors } },
  }, async (request) => orgs.dissolve(contextOf(request), request.params.id, request.body));

  r.post('/api/micro-orgs/:id/backbones', {
    config: { access: 'orgs:write', scoped: true },
    schema: {
      tags: ['micro-orgs'], summary: '增加骨干党员', params: idParams,
      body: z.object({ name: z.string().max(50).optional(), personId: z.number().int().positive().nullable().optional(), duty: z.string().max(100).optional(), joinedOn: date }).strict(),
      response: { 200: z.object({ id: z.number() }), ...errors },
    },
  }, async (request) => orgs.addBackbone(contextOf(request), request.params.id, request.body));

  r.post('/api/micro-orgs/:id/backbones/:backboneId/leave', {
    config: { access: 'orgs:write', scoped: true },
    schema: {
      tags: ['micro-orgs'], summary: '骨干党员退出', params: idParams.extend({ backboneId: z.coerce.number().int().positive() }),
      body: z.object({ leftOn: date }).strict(), response: { 200: okResponse, ...errors },
    },
  }, async (request) => {
    await orgs.backboneLeaves(contextOf(request), request.params.id, request.params.backboneId, request.body.leftOn);
    return { ok: true as const };
  });

  r.post('/api/micro-orgs/:id/reach', {
    config: { access: 'people:write', scoped: true },
    schema: {
      tags: ['micro-orgs'], summary: '增加联系服务的流动人员', params: idParams,
      body: z.object({ personIds: z.array(z.number().int().positive()).max(500), since: date }).strict(),
      response: { 200: z.object({ added: z.number(), already: z.number() }), ...errors },
    },
  }, async (request) => orgs.addReach(contextOf(request), request.params.id, request.body));

  r.delete('/api/micro-orgs/:id/reach/:personId', {
    config: { access: 'people:write', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '不再联系服务此人', params: idParams.extend({ personId: z.coerce.number().int().positive() }), response: { 200: okResponse, ...errors } },
  }, async (request) => {
    await orgs.removeReach(contextOf(request), request.params.id, request.params.personId);
    return { ok: true as const };
  });

  r.get('/api/micro-orgs/:id/activities', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '某个微组织的活动记录', params: idParams, response: { 200: z.object({ items: z.array(activityRow), total: z.number() }), ...errors } },
  }, async (request) => acts.register(contextOf(request), { microOrgId: request.params.id }));

  r.post('/api/micro-orgs/:id/activities', {
    config: { access: 'people:write', scoped: true },
    schema: { tags: ['micro-orgs'], summary: '登记一次活动（参加人员来自台帐）', params: idParams, body: activityBody, response: { 200: activity, ...errors } },
  }, async (request) => acts.record(contextOf(request), request.params.id, request.body));
}
