import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, createUser, login, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addNewOrg } from './orgs.fixtures.ts';

interface Detail {
  id: number;
  version: number;
  name: string;
  status: string;
  events: { kind: string; summary: string }[];
  members: { total: number; secretary: { name: string } | null; items: { id: number; name: string }[] };
  coverage: { newOrgId: number; validTo: string | null }[];
  mayDevelopDecision: { value: boolean; decidedBy: string } | null;
}

describe('organizations over HTTP', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let city: TestClient;
  let township: TestClient;
  let county: number;
  let xiaoxita: number;
  let zhangcunping: number;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    const actor = cliActor();
    county = (await services.orgs.create(null, { name: '中共宜昌市夷陵区委员会', kind: 'committee', divisionCode: '420506', approvalPower: true, establishedOn: '2000-01-01' }, actor)).id;
    xiaoxita = (await services.orgs.create(null, { name: '中共小溪塔街道工作委员会', kind: 'committee', parentId: county, divisionCode: '420506001', establishedOn: '2000-01-01' }, actor)).id;
    zhangcunping = (await services.orgs.create(null, { name: '中共樟村坪镇委员会', kind: 'committee', parentId: county, divisionCode: '420506101', establishedOn: '2000-01-01' }, actor)).id;
    city = await loginAs(app, services, 'cityOrgDept', '4205');
    township = await loginAs(app, services, 'townshipCommittee', '420506001');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const detail = async (c: TestClient, id: number) => (await c.request('GET', `/api/orgs/${id}`)).json() as Detail;

  it('creates a joint organization covering two enterprises, refusing bad input with a Chinese message naming the field', async () => {
    const [a, b] = [await addNewOrg(services, '宜昌联建甲公司'), await addNewOrg(services, '宜昌联建乙公司')];
    const body = { name: '中共小溪塔街道非公企业联合支部委员会', kind: 'branch', parentId: xiaoxita, divisionCode: '420506001001', hostKind: 'enterprise', formation: 'joint' };
    const one = await township.request('POST', '/api/orgs', { ...body, coveredNewOrgIds: [a] });
    expect(one.statusCode).toBe(400);
    expect(one.json()).toEqual({ code: 'VALIDATION_FAILED', field: 'coveredNewOrgIds', message: '联合组建须选择至少2个覆盖单位（现为1个）' });
    const noName = await township.request('POST', '/api/orgs', { ...body, name: '', coveredNewOrgIds: [a, b] });
    expect(noName.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
    expect(noName.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const created = await township.request('POST', '/api/orgs', { ...body, coveredNewOrgIds: [a, b] });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ formation: 'joint', formationLabel: '联合组建', coveredCount: 2, hostKindLabel: '非公企业', version: 0 });
    const list = (await township.request('GET', '/api/orgs?formation=joint&hostKind=enterprise')).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: created.json().id }] });
    const stats = (await township.request('GET', '/api/orgs/stats?status=active')).json() as { items: { hostKind: string; joint: number }[] };
    expect(stats.items.find((i) => i.hostKind === 'enterprise')).toMatchObject({ joint: 1 });
    // Again with the same enterprise: refused, naming who covers it.
    const again = await township.request('POST', '/api/orgs', { ...body, name: '重复覆盖', formation: 'standalone', coveredNewOrgIds: [a] });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已由“中共小溪塔街道非公企业联合支部委员会”覆盖（联合组建）');
  });

  it('changes an organization only with the version read, answering 409 otherwise', async () => {
    const org = (await township.request('POST', '/api/orgs', { name: '中共冯家湾社区委员会', kind: 'committee', parentId: xiaoxita, divisionCode: '420506001001' })).json() as { id: number; version: number };
    const changed = await township.request('PATCH', `/api/orgs/${org.id}`, { version: org.version, name: '中共冯家湾社区党委' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: '中共冯家湾社区党委', version: org.version + 1, events: [{ kind: 'changed', summary: '名称由“中共冯家湾社区委员会”改为“中共冯家湾社区党委”' }, { kind: 'setUp' }] });
    const stale = await township.request('PATCH', `/api/orgs/${org.id}`, { version: org.version, name: '另一名称' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(stale.json().message).toContain('已被他人修改');
    expect((await township.request('PATCH', `/api/orgs/${org.id}`, { name: '缺版本号' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'version' });
  });

  it('records members, coverage, a mobile organization’s decision, a merge and a dissolution through the API', async () => {
    const org = (await city.request('POST', '/api/orgs', { name: '中共夷陵区驻东莞流动党员支部委员会', kind: 'branch', parentId: county, divisionCode: '420506', hostKind: 'mobileOrg', locatedDivisionCode: '441900', establishedOn: '2023-01-01' })).json() as { id: number };
    let d = await detail(city, org.id);
    d = (await city.request('POST', `/api/orgs/${org.id}/may-develop`, { version: d.version, mayDevelop: false, decidedBy: '中共夷陵区委组织部', decidedOn: '2023-02-01' })).json();
    expect(d.mayDevelopDecision).toEqual({ value: false, decidedBy: '中共夷陵区委组织部', decidedOn: '2023-02-01' });
    d = (await city.request('POST', `/api/orgs/${org.id}/members`, { version: d.version, name: '吴书记', membership: 'full', role: 'secretary', joinedOn: '2023-01-01' })).json();
    d = (await city.request('POST', `/api/orgs/${org.id}/members`, { version: d.version, name: '郑党员', membership: 'probationary', role: 'member', joinedOn: '2023-06-01' })).json();
    expect(d.members).toMatchObject({ total: 2, secretary: { name: '吴书记' } });
    const zheng = d.members.items.find((m) => m.name === '郑党员')!.id;
    d = (await city.request('PATCH', `/api/orgs/${org.id}/members/${zheng}`, { version: d.version, membership: 'full', effectiveOn: '2024-06-01' })).json();
    expect(d.events.some((e) => e.summary === '郑党员由预备党员转为正式党员（预备期满转为正式党员）')).toBe(true);
    const leave = await city.request('POST', `/api/orgs/${org.id}/members/${zheng}/leave`, { version: d.version, leftOn: '2023-01-01', reason: '组织关系转出' });
    expect(leave.json()).toMatchObject({ field: 'leftOn' });

    const unit = await addNewOrg(services, '宜昌覆盖调整公司');
    const branch = (await city.request('POST', '/api/orgs', { name: '中共宜昌覆盖调整公司支部委员会', kind: 'branch', parentId: xiaoxita, divisionCode: '420506001001', hostKind: 'enterprise' })).json() as { id: number; version: number };
    const covered = (await city.request('PUT', `/api/orgs/${branch.id}/coverage`, { version: branch.version, newOrgIds: [unit] })).json() as Detail;
    expect(covered.coverage).toEqual([expect.objectContaining({ newOrgId: unit, validTo: null })]);
    expect(covered.events[0]).toMatchObject({ kind: 'coverageChanged', summary: '新增覆盖“宜昌覆盖调整公司”' });

    const merged = (await city.request('POST', `/api/orgs/${branch.id}/merge`, { version: covered.version, intoId: zhangcunping })).json() as Detail;
    expect(merged.status).toBe('merged');
    expect(merged.events[0]).toMatchObject({ kind: 'merged', summary: '并入“中共樟村坪镇委员会”' });
    const zcp = await detail(city, zhangcunping);
    expect(zcp.coverage.map((c) => c.newOrgId)).toContain(unit);
    const dissolved = await city.request('POST', `/api/orgs/${org.id}/dissolve`, { version: d.version, reason: '流动党员已返乡' });
    expect(dissolved.json()).toMatchObject({ status: 'dissolved', members: { total: 0 } });
    const busy = await city.request('POST', `/api/orgs/${xiaoxita}/dissolve`, { version: (await detail(city, xiaoxita)).version, reason: '试撤销' });
    expect(busy.statusCode).toBe(409);
  });

  it('exports the current filter as .xlsx', async () => {
    const res = await city.request('GET', '/api/orgs/export?status=active&kind=committee');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('党组织名称');
    const names = [];
    for (let i = 3; i <= sheet.rowCount; i++) names.push(sheet.getRow(i).getCell(1).value);
    expect(names).toContain('中共宜昌市夷陵区委员会');
    expect(names).not.toContain('中共小溪塔街道非公企业联合支部委员会');
    expect(Number(res.headers['x-export-count'])).toBe(names.length);
    expect((await services.auditLog.list({ limit: 1, action: 'org.export' }))[0]!.objectIds.length).toBe(names.length);
  });

  it('lets an administrator narrow an account to an organization subtree, which then sees only that subtree', async () => {
    const admin = await loginAs(app, services, 'sysAdmin', '4205');
    const root = (await city.request('POST', '/api/orgs', { name: '中共小溪塔街道机关党委', kind: 'committee', parentId: xiaoxita, divisionCode: '420506001' })).json() as { id: number };
    const sub = (await city.request('POST', '/api/orgs', { name: '中共小溪塔街道机关第一支部委员会', kind: 'branch', parentId: root.id, divisionCode: '420506001' })).json() as { id: number };
    const user = await createUser(services, 'townshipCommittee', '420506001', { username: 'org_scoped' });
    expect((await admin.request('GET', '/api/users/org-options?q=机关党委')).json().items).toEqual([expect.objectContaining({ id: root.id, divisionName: '小溪塔街道' })]);
    const outside = await admin.request('PUT', `/api/users/${user.id}/scope-org`, { orgId: zhangcunping });
    expect(outside.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'scopeOrgId' });
    const set = await admin.request('PUT', `/api/users/${user.id}/scope-org`, { orgId: root.id });
    expect(set.json()).toMatchObject({ scopeOrgId: root.id, scopeOrgName: '中共小溪塔街道机关党委' });

    const scoped = await login(app, 'org_scoped');
    expect((await scoped.request('GET', '/api/auth/session')).json().user.scope.orgId).toBe(root.id);
    const listed = ((await scoped.request('GET', '/api/orgs')).json().items as { id: number }[]).map((o) => o.id);
    expect(listed.sort()).toEqual([root.id, sub.id].sort());
    expect(((await scoped.request('GET', '/api/orgs/tree')).json().items as { id: number }[]).map((o) => o.id).sort()).toEqual([root.id, sub.id].sort());
    expect((await scoped.request('GET', `/api/orgs/${xiaoxita}`)).statusCode).toBe(403);
    expect((await scoped.request('GET', `/api/orgs/${sub.id}`)).statusCode).toBe(200);
    expect((await scoped.request('POST', '/api/orgs', { name: '游离支部', kind: 'branch', divisionCode: '420506001001' })).json()).toMatchObject({ field: 'parentId' });
    expect((await scoped.request('POST', '/api/orgs', { name: '中共机关第二支部委员会', kind: 'branch', parentId: root.id, divisionCode: '420506001' })).statusCode).toBe(200);
    // Widened again: the whole township.
    await admin.request('PUT', `/api/users/${user.id}/scope-org`, { orgId: null });
    expect(((await scoped.request('GET', '/api/orgs?pageSize=200')).json().items as { id: number }[]).map((o) => o.id)).toContain(xiaoxita);
  });
});
