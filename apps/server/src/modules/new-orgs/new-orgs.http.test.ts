import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/ledger-factory.ts';
import { addPartyOrg, addUnit, cover, usccFor } from '../../testing/new-orgs-files.ts';

describe('registry and coverage over HTTP', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let county: TestClient;
  let organizer: TestClient;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    county = await loginAs(app, services, 'countyOrgDept', '420506');
    organizer = await loginAs(app, services, 'branchOrganizer', '420506001001');
    ids.covered = await addUnit(services, { name: '宜昌兴发机械制造有限公司', employees: 120, partyMembers: 4 });
    ids.blank = await addUnit(services, { name: '兴安五金商行', industry: 'F', divisionCode: '420506001002', employees: 6, partyMembers: 1 });
    ids.blank2 = await addUnit(services, { name: '兴安建材商行', industry: 'F', divisionCode: '420506001002', employees: 9, partyMembers: 2 });
    const org = await addPartyOrg(services, { name: '兴发机械党支部' });
    await cover(services, ids.covered, org, 'standalone', '2025-03-01');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers the organization form picker with the agreed contract', async () => {
    const res = await county.request('GET', `/api/new-orgs?q=${encodeURIComponent('兴安')}&covered=false&pageSize=20`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Record<string, unknown>[]; total: number };
    expect(body.total).toBe(2);
    expect(body.items[0]).toEqual({
      id: ids.blank, name: '兴安五金商行', uscc: expect.stringMatching(/^91420506/), kind: 'enterprise', kindLabel: '非公企业', industry: 'F', industryLabel: '批发和零售业',
      divisionCode: '420506001002', divisionName: '夷陵区 小溪塔街道 兴安社区居民委员会', employees: 6, partyMembers: 1, sizeBand: 'micro', sizeBandLabel: '10人以下',
      registeredOn: '2020-01-01', deregisteredOn: null, coverage: null,
    });
    const covered = (await county.request('GET', '/api/new-orgs?covered=true')).json() as { items: { coverage: unknown }[] };
    expect(covered.items[0]!.coverage).toEqual({ orgId: expect.any(Number), orgName: '兴发机械党支部', formation: 'standalone' });
    expect((await county.request('GET', '/api/new-orgs?pageSize=500')).statusCode).toBe(400);
  });

  it('creates by hand with Chinese field errors, and refuses roles without the write permission', async () => {
    const body = { kind: 'enterprise', name: '宜昌新能源有限公司', uscc: usccFor(900), industry: 'D', divisionCode: '420506001001', employees: 15, partyMembers: 2, registeredOn: '2022-02-02' };
    const bad = await county.request('POST', '/api/new-orgs', { ...body, uscc: `${body.uscc.slice(0, 17)}${body.uscc.endsWith('0') ? '1' : '0'}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'uscc', message: '统一社会信用代码校验位不正确' });
    const neg = await county.request('POST', '/api/new-orgs', { ...body, partyMembers: -1 });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().message).toContain('党员人数不能为负数');
    expect((await organizer.request('POST', '/api/new-orgs', body)).statusCode).toBe(403);
    const ok = await county.request('POST', '/api/new-orgs', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '宜昌新能源有限公司', source: 'manual', advice: { key: 'jointOrAttached' }, coverageHistory: [] });
    const dup = await county.request('POST', '/api/new-orgs', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'USCC_TAKEN', field: 'uscc' });
    const id = (ok.json() as { id: number }).id;
    const put = await county.request('PUT', `/api/new-orgs/${id}`, { ...body, employees: 16 });
    expect(put.json()).toMatchObject({ employees: 16 });
    const dereg = await county.request('POST', `/api/new-orgs/${id}/deregister`, { deregisteredOn: '2026-01-02' });
    expect(dereg.json()).toMatchObject({ deregisteredOn: '2026-01-02' });
  });

  it('imports a register through the browser route, reports the bad rows and serves them as .xlsx', async () => {
    const csv = `\uFEFF统一社会信用代码,企业名称,所属行业,所在地区,从业人员,党员人数\r\n${usccFor(950)},小溪塔物流公司,G,420506001,30,2\r\n${usccFor(951).slice(0, 17)}Z,坏代码公司,G,420506001,3,0\r\n`;
    const { payload, headers } = multipartFile('企业名录.csv', csv);
    const started = await county.raw('POST', '/api/new-org-imports?source=marketRegulation', payload, headers);
    expect(started.statusCode).toBe(200);
    const { importId } = started.json() as { importId: number };
    let status: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++) {
      status = (await county.request('GET', `/api/new-org-imports/${importId}`)).json();
      if (status.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toMatchObject({ status: 'done', source: 'marketRegulation', rows: 2, created: 1, rejected: 1, percent: 100 });
    const rejections = (await county.request('GET', `/api/new-org-imports/${importId}/rejections`)).json();
    expect(rejections).toEqual({ items: [{ row: 3, column: '统一社会信用代码', message: expect.stringContaining('统一社会信用代码') }], total: 1 });
    const xlsx = await county.request('GET', `/api/new-org-imports/${importId}/rejections.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(((await county.request('GET', '/api/new-org-imports')).json() as { items: { id: number }[] }).items.map((i) => i.id)).toContain(importId);
    // The ledger's own import screens do not show it.
    expect(((await county.request('GET', '/api/imports')).json() as { items: { id: number }[] }).items.map((i) => i.id)).not.toContain(importId);
    expect((await county.request('GET', `/api/imports/${importId}`)).statusCode).toBe(404);

    const noHeader = multipartFile('x.csv', 'a,b\r\n1,2\r\n');
    const refused = await county.raw('POST', '/api/new-org-imports?source=marketRegulation', noHeader.payload, noHeader.headers);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('IMPORT_NO_HEADER');
  });

  it('serves the coverage figures, the blank spots, the joint groups and the trend', async () => {
    const summary = (await county.request('GET', '/api/new-org-coverage?asOf=2026-01-31')).json();
    expect(summary).toMatchObject({ by: 'township', totals: { total: 4, covered: 1, blank: 3, blankPartyMembers: 5 } });
    // (the three units made above and the one imported; the unit created by hand was deregistered on 2026-01-02)
    const spots = (await county.request('GET', '/api/new-org-coverage/blank-spots?sort=partyMembers&industry=F')).json() as { items: { id: number; advice: string }[] };
    expect(spots.items.map((i) => i.id).slice(0, 2)).toEqual([ids.blank2, ids.blank]);
    const groups = (await county.request('GET', '/api/new-org-coverage/joint-groups')).json() as { items: { industry: string; units: { id: number }[] }[] };
    expect(groups.items.find((g) => g.industry === 'F')!.units.map((u) => u.id).sort()).toEqual([ids.blank!, ids.blank2!].sort());
    const trend = (await county.request('GET', '/api/new-org-coverage/trend')).json() as { points: unknown[] };
    expect(trend.points).toHaveLength(24);
    const exported = await county.request('GET', '/api/new-orgs/export.xlsx?covered=false');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['x-export-count']).toBe('3');
  });
});
