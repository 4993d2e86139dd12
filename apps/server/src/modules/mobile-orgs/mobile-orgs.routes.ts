import { mobileCoverageKinds, orgKinds, orgStatuses } from '@xinxue/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

const prefix = z.string().regex(/^\d{2,12}$/, '须为行政区划代码前缀');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const mobileOrg = z.object({
  id: z.number(), name: z.string(), kind: z.enum(orgKinds), kindLabel: z.string(), status: z.enum(orgStatuses), statusLabel: z.string(),
  divisionCode: z.string(), divisionName: z.string(), locatedDivisionCode: z.string().nullable(), locationName: z.string(), provinceCode: z.string().nullable(), cityCode: z.string().nullable(),
  homeAreas: z.array(z.object({ code: z.string(), name: z.string() })), members: z.object({ full: z.number(), probationary: z.number() }), secretary: z.string().nullable(),
  mayDevelop: z.boolean().nullable(), mayDevelopDecidedBy: z.string().nullable(), mayDevelopDecidedOn: z.string().nullable(), establishedOn: z.string().nullable(), owned: z.boolean(),
});
const comparisonRow = z.object({
  destination: z.string(), name: z.string(), people: z.number(), partyMembers: z.number(), targets: z.number(), servedPeople: z.number(), unservedPeople: z.number(),
  orgs: z.array(z.object({ id: z.number(), name: z.string() })), coverage: z.enum(mobileCoverageKinds), coverageLabel: z.string(), rank: z.number(),
});
const comparison = z.object({
  by: z.enum(['city', 'province']),
  totals: z.object({ people: z.number(), partyMembers: z.number(), targets: z.number(), servedPeople: z.number(), destinations: z.number(), orgs: z.number(), noOrg: z.number(), partial: z.number(), served: z.number() }),
  items: z.array(comparisonRow),
});
const listQuery = z.object({ within: prefix.optional(), includeEnded: flag.optional() });

export function mobileOrgsRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.get('/api/mobile-orgs', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['mobile-orgs'], summary: '市外流动党组织：所在地、服务的原籍地、党员人数', querystring: listQuery, response: { 200: z.object({ items: z.array(mobileOrg) }), ...errors } },
  }, async (request) => ({ items: await services.mobileOrgs.list(contextOf(request), request.query) }));

  r.get('/api/mobile-orgs/comparison', {
    config: { access: 'people:read', scoped: true },
    schema: {
      tags: ['mobile-orgs'], summary: '外出人员务工地与市外流动党组织对照（无流动党组织的务工地排在前面）',
      querystring: z.object({ by: z.enum(['city', 'province']).default('city'), within: prefix.optional() }),
      response: { 200: comparison, ...errors },
    },
  }, async (request) => services.mobileOrgs.comparison(contextOf(request), request.query));

  r.get('/api/mobile-orgs/export.xlsx', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['mobile-orgs'], summary: '导出市外流动党组织名册（.xlsx）', querystring: listQuery },
  }, async (request, reply) => {
    const { buffer, count } = await services.mobileOrgs.exportXlsx(contextOf(request), request.query);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('市外流动党组织.xlsx')}`);
    reply.header('x-export-count', String(count));
    return reply.send(buffer);
  });

  r.get('/api/mobile-orgs/:id', {
    config: { access: 'orgs:read', scoped: true },
    schema: { tags: ['mobile-orgs'], summary: '市外流动党组织详情', params: idParams, response: { 200: mobileOrg, ...errors } },
  }, async (request) => services.mobileOrgs.get(contextOf(request), request.params.id));

  r.put('/api/mobile-orgs/:id/home-areas', {
    config: { access: 'orgs:write', scoped: true },
    schema: {
      tags: ['mobile-orgs'], summary: '设置流动党组织服务的原籍地（本市的县、乡镇、村）', params: idParams,
      body: z.object({ homeAreas: z.array(z.string().regex(/^\d{12}$/, '原籍地须为12位行政区划代码')).max(50, '服务的原籍地最多50个') }).strict(),
      response: { 200: mobileOrg, ...errors },
    },
  }, async (request) => services.mobileOrgs.setHomeAreas(contextOf(request), request.params.id, request.body.homeAreas));
}
