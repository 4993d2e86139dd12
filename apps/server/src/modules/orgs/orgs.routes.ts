import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';
import { orgImportRoutes } from './org-import.routes.ts';
import {
  changeBody,
  coverageBody,
  createBody,
  dissolveBody,
  listQuery,
  mayDevelopBody,
  memberBody,
  memberChangeBody,
  memberLeaveBody,
  memberParams,
  mergeBody,
  orgDetail,
  orgFilter,
  orgView,
  statsResponse,
  treeNode,
} from './orgs.schemas.ts';

const read = { access: 'orgs:read', scoped: true } as const;
const write = { access: 'orgs:write', scoped: true } as const;

export function orgsRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);
  const detail = (request: Parameters<typeof contextOf>[0], id: number) => services.orgs.get(contextOf(request), id);

  r.get('/api/orgs', {
    config: read,
    schema: { tags: ['orgs'], summary: '管辖范围内的党组织（按组织类型、类别、组建方式、状态、区划、名称筛选，分页）', querystring: listQuery, response: { 200: z.object({ items: z.array(orgView), total: z.number() }), ...errors } },
  }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return services.orgs.list(contextOf(request), filter, page, pageSize);
  });

  r.get('/api/orgs/tree', {
    config: read,
    schema: { tags: ['orgs'], summary: '组织体系树（管辖范围内全部党组织的精简数据）', querystring: z.object({ includeEnded: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(treeNode) }), ...errors } },
  }, async (request) => ({ items: await services.orgs.tree(contextOf(request), request.query.includeEnded === 'true') }));

  r.get('/api/orgs/stats', {
    config: read,
    schema: { tags: ['orgs'], summary: '按组织类型和组建方式统计党组织', querystring: orgFilter, response: { 200: statsResponse, ...errors } },
  }, async (request) => services.orgs.stats(contextOf(request), request.query));

  r.get('/api/orgs/export', {
    config: read,
    schema: { tags: ['orgs'], summary: '导出当前筛选的党组织（.xlsx）', querystring: orgFilter },
  }, async (request, reply) => {
    const out = await services.orgs.export(contextOf(request), request.query);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(out.fileName)}`);
    reply.header('x-export-count', String(out.count));
    return reply.send(out.stream);
  });

  r.get('/api/orgs/:id', {
    config: read,
    schema: { tags: ['orgs'], summary: '党组织详情：上级、挂靠、党员、覆盖单位、历史沿革', params: idParams, response: { 200: orgDetail, ...errors } },
  }, async (request) => detail(request, request.params.id));

  r.post('/api/orgs', {
    config: write,
    schema: { tags: ['orgs'], summary: '新建党组织（单独、联合或挂靠组建）', body: createBody, response: { 200: orgView, ...errors } },
  }, async (request) => services.orgs.create(contextOf(request), request.body));

  r.patch('/api/orgs/:id', {
    config: write,
    schema: { tags: ['orgs'], summary: '变更党组织（名称、上级、类型、组建方式、审批权……），须带读取时的版本号', params: idParams, body: changeBody, response: { 200: orgDetail, ...errors } },
  }, async (request) => {
    await services.orgs.change(contextOf(request), request.params.id, request.body);
    return detail(request, request.params.id);
  });

  r.put('/api/orgs/:id/coverage', {
    config: write,
    schema: { tags: ['orgs'], summary: '调整覆盖的非公企业和社会组织', params: idParams, body: coverageBody, response: { 200: orgDetail, ...errors } },
  }, async (request) => {
    await services.orgs.setCoverage(contextOf(request), request.params.id, request.body);
    return detail(request, request.params.id);
  });

  r.post('/api/orgs/:id/may-develop', {
    config: write,
    schema: { tags: ['orgs'], summary: '认定市外流动党组织是否具备发展党员条件（记录认定单位和日期）', params: idParams, body: mayDevelopBody, response: { 200: orgDetail, ...errors } },
  }, async (request) => {
    await services.orgs.decideMayDevelop(contextOf(request), request.params.id, request.body);
    return detail(request, request.params.id);
  });

  r.post('/api/orgs/:id/merge', {
    config: write,
    schema: { tags: ['orgs'], summary: '并入另一个党组织（下级、党员和覆盖单位随之转入）', params: idParams, body: mergeBody, response: { 200: orgDetail, ...errors } },
  }, async (request) => {
    await services.orgs.merge(contextOf(request), request.params.id, request.body);
    return detail(request, request.params.id);
  });

  r.post('/api/orgs/:id/dissolve', {
    config: write,
    schema: { tags: ['orgs'], summary: '撤销党组织（须无下级党组织）', params: idParams, body: dissolveBody, response: { 200: orgDetail, ...errors } },
  }, async (request) => {
    await services.orgs.dissolve(contextOf(request), request.params.id, request.body);
    return detail(request, request.params.id);
  });

  r.post('/api/orgs/:id/members', {
    config: write,
    schema: { tags: ['orgs'], summary: '登记党员（正式或预备，职务）', params: idParams, body: memberBody, response: { 200: orgDetail, ...errors } },
  }, async (request) => {
    await services.orgs.addMember(contextOf(request), request.params.id, request.body);
    return detail(request, request.params.id);
  });

  r.post('/api/orgs/:id/members/:memberId/leave', {
    config: write,
    schema: { tags: ['orgs'], summary: '党员离开本组织（日期和原因）', params: memberParams, body: memberLeaveBody, response: { 200: orgDetail, ...errors } },
  }, async (request) => {
    await services.orgs.memberLeaves(contextOf(request), request.params.id, request.params.memberId, request.body);
    return detail(request, request.params.id);
  });

  r.patch('/api/orgs/:id/members/:memberId', {
    config: write,
    schema: { tags: ['orgs'], summary: '预备党员转正或调整职务', params: memberParams, body: memberChangeBody, response: { 200: orgDetail, ...errors } },
  }, async (request) => {
    await services.orgs.changeMember(contextOf(request), request.params.id, request.params.memberId, request.body);
    return detail(request, request.params.id);
  });

  orgImportRoutes(app, services);
}
