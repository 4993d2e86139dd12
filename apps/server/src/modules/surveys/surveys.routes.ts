import { fiveItems } from '@xinxue/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';
import { checkOutcomes, correctableFields } from './survey-facts.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const counts = {
  total: z.number(), checked: z.number(), confirmed: z.number(), corrected: z.number(), notFound: z.number(), movedAway: z.number(), complete: z.number(), percent: z.number(),
};
const gridProgress = z.object({ gridId: z.number(), gridName: z.string(), divisionCode: z.string(), divisionName: z.string(), ...counts });
const survey = z.object({
  id: z.number(), name: z.string(), startsOn: z.string(), dueOn: z.string(), divisionCode: z.string(), divisionName: z.string(), status: z.enum(['open', 'closed']),
  createdAt: z.string(), closedAt: z.string().nullable(), closedBy: z.string().nullable(), totals: z.object(counts), grids: z.array(gridProgress),
});
const surveyPerson = z.object({
  id: z.number(), name: z.string(), gender: z.string().nullable(), birthDate: z.string().nullable(), direction: z.string().nullable(), gridId: z.number(), gridName: z.string(),
  current: z.object({
    employer: z.string().nullable(), workAddress: z.string().nullable(), occupation: z.string().nullable(), residenceAddress: z.string().nullable(),
    hukouAddress: z.string().nullable(), movedOn: z.string().nullable(), phones: z.array(z.string()),
  }),
  fiveItems: z.object({ clear: z.array(z.enum(fiveItems)), missing: z.array(z.enum(fiveItems)), stale: z.array(z.enum(fiveItems)), complete: z.boolean() }),
  check: z.object({ outcome: z.enum(checkOutcomes), checkedAt: z.string(), checkedBy: z.string().nullable(), note: z.string().nullable(), destination: z.string().nullable() }).nullable(),
});
const corrections = z.object(Object.fromEntries(correctableFields.map((f) => [f, z.string().max(200).optional()])) as Record<(typeof correctableFields)[number], z.ZodOptional<z.ZodString>>).strict();

export function surveysRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/surveys', {
    config: { access: 'people:read', scoped: true },
    schema: {
      tags: ['surveys'], summary: '清查列表（每个网格的进度；已结束的清查显示结束时的数字）',
      querystring: z.object({ status: z.enum(['open', 'closed']).optional() }),
      response: { 200: z.object({ items: z.array(survey) }), ...errors },
    },
  }, async (request) => ({ items: await services.surveys.list(contextOf(request), request.query.status) }));

  r.post('/api/surveys/:id/close', {
    config: { access: 'grids:write', scoped: true },
    schema: { tags: ['surveys'], summary: '结束清查：不再登记核查，各网格进度按结束时固定', params: idParams, response: { 200: survey, ...errors } },
  }, async (request) => services.surveys.close(contextOf(request), request.params.id));

  r.post('/api/surveys/:id/reopen', {
    config: { access: 'grids:write', scoped: true },
    schema: {
      tags: ['surveys'], summary: '重新开启已结束的清查', params: idParams,
      body: z.object({ reason: z.string().max(200).optional() }).strict().nullish(),
      response: { 200: survey, ...errors },
    },
  }, async (request) => services.surveys.reopen(contextOf(request), request.params.id, request.body?.reason));

  r.post('/api/surveys', {
    config: { access: 'grids:write', scoped: true },
    schema: {
      tags: ['surveys'], summary: '新建清查：指定网格，或某区域下的全部网格',
      body: z.object({
        name: z.string().max(60), startsOn: date, dueOn: date,
        gridIds: z.array(z.number().int().positive()).max(2000).optional(),
        within: z.string().regex(/^\d{2,12}$/, '须为行政区划代码前缀').optional(),
      }).strict(),
      response: { 200: survey, ...errors },
    },
  }, async (request) => services.surveys.create(contextOf(request), request.body));

  r.get('/api/surveys/:id', {
    config: { access: 'people:read', scoped: true },
    schema: { tags: ['surveys'], summary: '清查详情与各网格进度', params: idParams, response: { 200: survey, ...errors } },
  }, async (request) => services.surveys.detail(contextOf(request), request.params.id));

  r.get('/api/surveys/:id/people', {
    config: { access: 'people:read', scoped: true },
    schema: {
      tags: ['surveys'], summary: '清查范围内的人员及核查情况（网格员只看到本人网格）', params: idParams,
      querystring: z.object({
        gridId: z.coerce.number().int().positive().optional(), state: z.enum(['all', 'unchecked', 'checked']).default('all'),
        page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(50).default(20),
      }),
      response: { 200: z.object({ items: z.array(surveyPerson), total: z.number() }), ...errors },
    },
  }, async (request) => services.surveys.people(contextOf(request), request.params.id, request.query));

  r.post('/api/surveys/:id/checks', {
    config: { access: 'people:write', scoped: true },
    schema: {
      tags: ['surveys'], summary: '登记核查结果：确认无误、修改、查无此人、已迁出', params: idParams,
      body: z.object({
        personId: z.number().int().positive(), outcome: z.enum(checkOutcomes), note: z.string().max(200).optional(), destination: z.string().max(100).optional(), corrections: corrections.optional(),
      }).strict(),
      response: { 200: z.object({ checkId: z.number(), outcome: z.enum(checkOutcomes), checkedAt: z.string() }), ...errors },
    },
  }, async (request) => services.surveys.check(contextOf(request), request.params.id, request.body));
}
