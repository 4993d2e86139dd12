import { roles, type Role, hasPermission } from '@xinxue/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from './lib/context.ts';
import type { Services } from './services.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, createTestServices, createUser, loginAs, type TestClient, type TestDatabase } from './testing/harness.ts';
import { addPerson, multipartFile } from './testing/ledger-factory.ts';
import { matrixModules } from './testing/scope-matrix/index.ts';
import type { MatrixEntry } from './testing/scope-matrix/types.ts';

/**
 * Every route marked `scoped` is tried by every role, each scoped to 小溪塔街道 (420506001), against
 * records in 西陵区 (420502). Each must refuse (403/404) or leave the outside records out of lists.
 * A positive control per route shows the same call succeeds inside the scope, so the test can fail.
 */
import { INSIDE_VILLAGE, OUTSIDE_VILLAGE, SCOPE } from './testing/scope-matrix/types.ts';

interface CoreFixture {
  insideOrg: number;
  outsideOrg: number;
  insideGrid: number;
  outsideGrid: number;
  insideUser: number;
  outsideUser: number;
  insideWorker: number;
  insidePerson: number;
  outsidePerson: number;
  outsideReview: number;
  outsideMerge: number;
  insideImport: number;
  outsideImport: number;
}
type Fixture = CoreFixture & Record<string, number>;

const items = (response: LightMyRequestResponse) => ((response.json() as { items: { id: number }[] }).items ?? []).map((i) => i.id);

/** A conflict on the inside person, made fresh for each probe that resolves one. */
async function freshConflict(s: Services, personId: number, divisionCode: string): Promise<number> {
  const employer = `单位${Math.random().toString(36).slice(2, 8)}`;
  await addPerson(s, { name: '张三', idNumber: INSIDE_ID, divisionCode, gridId: null, source: 'civilAffairs', employer, movedOn: '2024-03-01' });
  const item = await s.database.db.selectFrom('review_items').select('id').where('person_id', '=', personId).where('status', '=', 'open').where('kind', '=', 'conflict').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return item.id;
}

/** A merge inside the scope, made fresh for each undo probe. */
async function freshMerge(s: Services, divisionCode: string, gridId: number): Promise<number> {
  const tag = Math.random().toString(36).slice(2, 6);
  const a = await addPerson(s, { name: `合并${tag}`, divisionCode, gridId, phones: [] });
  const b = await addPerson(s, { name: `合并${tag}`, divisionCode, gridId, birthDate: null, phones: [], employer: '另一单位', source: 'familyPlanning' });
  await s.database.db.insertInto('person_merges').values({ survivor_id: a.personId, merged_id: b.personId, reason: 'test', at: new Date().toISOString(), by_user: null }).execute();
  await s.database.db.updateTable('people').set({ merged_into: a.personId }).where('id', '=', b.personId).execute();
  const m = await s.database.db.selectFrom('person_merges').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return m.id;
}

const INSIDE_ID = '420822198704188811';
const OUTSIDE_ID = '500236196701162081';
const csvOf = (name: string, id: string, address: string) => `\uFEFF姓名,公民身份号码,现住址,流入时间\r\n${name},${id},${address},2024-01-01\r\n`;

async function importThrough(c: TestClient, content: string): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartFile('ledger.csv', content);
  const preview = await c.raw('POST', '/api/imports/preview?source=police', payload, headers);
  if (preview.statusCode !== 200) return preview;
  const { uploadId } = preview.json() as { uploadId: string };
  const started = await c.request('POST', '/api/imports', { uploadId, source: 'police' });
  if (started.statusCode !== 200) return started;
  const { importId } = started.json() as { importId: number };
  for (let i = 0; i < 100; i++) {
    const status = await c.request('GET', `/api/imports/${importId}`);
    if ((status.json() as { status: string }).status !== 'running') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const matrix: Record<string, MatrixEntry<Fixture>> = {
  'GET /api/grids': { outside: (c) => c.request('GET', '/api/grids?within=420502'), inside: (c) => c.request('GET', '/api/grids'), listed: items, outsideIds: (f) => [f.outsideGrid] },
  'GET /api/grids/:id': { outside: (c, f) => c.request('GET', `/api/grids/${f.outsideGrid}`), inside: (c, f) => c.request('GET', `/api/grids/${f.insideGrid}`) },
  'POST /api/grids': {
    outside: (c) => c.request('POST', '/api/grids', { name: `越权网格${Math.random()}`, divisionCode: OUTSIDE_VILLAGE }),
    inside: (c) => c.request('POST', '/api/grids', { name: `网格${Math.random()}`, divisionCode: INSIDE_VILLAGE }),
  },
  'POST /api/grids/:id/workers': {
    outside: (c, f) => c.request('POST', `/api/grids/${f.outsideGrid}/workers`, { userId: f.insideWorker }),
    inside: (c, f) => c.request('POST', `/api/grids/${f.insideGrid}/workers`, { userId: f.insideWorker }),
  },
  'GET /api/orgs': { outside: (c) => c.request('GET', '/api/orgs'), inside: (c) => c.request('GET', '/api/orgs'), listed: items, outsideIds: (f) => [f.outsideOrg] },
  'GET /api/orgs/:id': { outside: (c, f) => c.request('GET', `/api/orgs/${f.outsideOrg}`), inside: (c, f) => c.request('GET', `/api/orgs/${f.insideOrg}`) },
  'POST /api/orgs': {
    outside: (c) => c.request('POST', '/api/orgs', { name: '越权党支部', kind: 'branch', divisionCode: OUTSIDE_VILLAGE }),
    inside: (c) => c.request('POST', '/api/orgs', { name: '新党支部', kind: 'branch', divisionCode: INSIDE_VILLAGE }),
  },
  'GET /api/users': { outside: (c) => c.request('GET', '/api/users'), inside: (c) => c.request('GET', '/api/users'), listed: items, outsideIds: (f) => [f.outsideUser] },
  'POST /api/users': {
    outside: (c) => c.request('POST', '/api/users', { username: `out${Date.now()}${Math.floor(Math.random() * 1e6)}`, displayName: '越权', role: 'gridWorker', scopeDivision: OUTSIDE_VILLAGE, password: 'Strong#Pass1' }),
    inside: (c) => c.request('POST', '/api/users', { username: `in${Date.now()}${Math.floor(Math.random() * 1e6)}`, displayName: '新用户', role: 'gridWorker', scopeDivision: INSIDE_VILLAGE, password: 'Strong#Pass1' }),
  },
  'POST /api/users/:id/unlock': { outside: (c, f) => c.request('POST', `/api/users/${f.outsideUser}/unlock`), inside: (c, f) => c.request('POST', `/api/users/${f.insideUser}/unlock`) },
  'POST /api/users/:id/disabled': {
    outside: (c, f) => c.request('POST', `/api/users/${f.outsideUser}/disabled`, { disabled: true }),
    inside: (c, f) => c.request('POST', `/api/users/${f.insideUser}/disabled`, { disabled: false }),
  },
  'GET /api/people': { outside: (c) => c.request('GET', '/api/people?within=420502'), inside: (c) => c.request('GET', '/api/people'), listed: items, outsideIds: (f) => [f.outsidePerson] },
  'GET /api/people/:id': { outside: (c, f) => c.request('GET', `/api/people/${f.outsidePerson}`), inside: (c, f) => c.request('GET', `/api/people/${f.insidePerson}`) },
  'POST /api/people/:id/reveal': {
    outside: (c, f) => c.request('POST', `/api/people/${f.outsidePerson}/reveal`, { field: 'idNumber', reason: '核实身份信息' }),
    inside: (c, f) => c.request('POST', `/api/people/${f.insidePerson}/reveal`, { field: 'idNumber', reason: '核实身份信息' }),
  },
  'POST /api/people/export': {
    outside: (c) => c.request('POST', '/api/people/export', { filter: { within: '420502' }, format: 'csv' }),
    inside: (c) => c.request('POST', '/api/people/export', { filter: {}, format: 'csv' }),
    listed: (res, f) => (res.body.includes('李梅') ? [f.outsidePerson] : []).concat(res.body.includes('张三') ? [f.insidePerson] : []),
    outsideIds: (f) => [f.outsidePerson],
  },
  'GET /api/ledger/completeness': {
    outside: (c) => c.request('GET', '/api/ledger/completeness?within=420502&by=village'),
    inside: (c) => c.request('GET', '/api/ledger/completeness?within=4205&by=village'),
    listed: (res, f) => ((res.json() as { items: { key: string; total: number }[] }).items ?? []).flatMap((i) => (i.key.startsWith('420502') ? [f.outsidePerson] : i.total > 0 ? [f.insidePerson] : [])),
    outsideIds: (f) => [f.outsidePerson],
  },
  'GET /api/reviews': { outside: (c) => c.request('GET', '/api/reviews'), inside: (c) => c.request('GET', '/api/reviews'), listed: items, outsideIds: (f) => [f.outsideReview] },
  'POST /api/reviews/:id/resolve': {
    outside: (c, f) => c.request('POST', `/api/reviews/${f.outsideReview}/resolve`, { action: 'keepCurrent' }),
    inside: async (c, f, s) => c.request('POST', `/api/reviews/${await freshConflict(s, f.insidePerson, INSIDE_VILLAGE)}/resolve`, { action: 'keepCurrent' }),
  },
  'POST /api/merges/:id/undo': {
    outside: (c, f) => c.request('POST', `/api/merges/${f.outsideMerge}/undo`),
    inside: async (c, f, s) => c.request('POST', `/api/merges/${await freshMerge(s, INSIDE_VILLAGE, f.insideGrid)}/undo`),
  },
  'POST /api/imports/preview': {
    // A preview reads only the uploaded file; what it must not do is write anyone outside the scope (next entry).
    outside: (c) => {
      const { payload, headers } = multipartFile('x.csv', 'no header');
      return c.raw('POST', '/api/imports/preview?source=police', payload, headers);
    },
    inside: async (c) => {
      const { payload, headers } = multipartFile('ledger.csv', csvOf('王五', '', '湖北省宜昌市夷陵区小溪塔街道冯家湾社区'));
      return c.raw('POST', '/api/imports/preview?source=police', payload, headers);
    },
  },
  'POST /api/imports': {
    outside: (c) => importThrough(c, csvOf('越权', '', '湖北省宜昌市西陵区西陵街道土街头社区')),
    inside: (c) => importThrough(c, csvOf('王五', '', '湖北省宜昌市夷陵区小溪塔街道冯家湾社区')),
  },
  'GET /api/imports': { outside: (c) => c.request('GET', '/api/imports'), inside: (c) => c.request('GET', '/api/imports'), listed: items, outsideIds: (f) => [f.outsideImport] },
  'GET /api/imports/:id': { outside: (c, f) => c.request('GET', `/api/imports/${f.outsideImport}`), inside: (c, f) => c.request('GET', `/api/imports/${f.insideImport}`) },
  'GET /api/imports/:id/rejections': {
    outside: (c, f) => c.request('GET', `/api/imports/${f.outsideImport}/rejections`),
    inside: (c, f) => c.request('GET', `/api/imports/${f.insideImport}/rejections`),
  },
  'GET /api/imports/:id/rejections.xlsx': {
    outside: (c, f) => c.request('GET', `/api/imports/${f.outsideImport}/rejections.xlsx`),
    inside: (c, f) => c.request('GET', `/api/imports/${f.insideImport}/rejections.xlsx`),
  },
  'POST /api/users/:id/reveal': {
    outside: (c, f) => c.request('POST', `/api/users/${f.outsideUser}/reveal`, { field: 'phone', reason: '核实联系方式' }),
    inside: (c, f) => c.request('POST', `/api/users/${f.insideUser}/reveal`, { field: 'phone', reason: '核实联系方式' }),
  },
};

for (const module of matrixModules) Object.assign(matrix, module.entries);

describe('scope matrix', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  const clients = new Map<Role, TestClient>();

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    const actor = cliActor();
    const insideOrg = (await services.orgs.create(null, { name: '中共冯家湾社区委员会', kind: 'committee', divisionCode: INSIDE_VILLAGE }, actor)).id;
    const outsideOrg = (await services.orgs.create(null, { name: '中共土街头社区委员会', kind: 'committee', divisionCode: OUTSIDE_VILLAGE }, actor)).id;
    const insideGrid = (await services.grids.create(null, { name: '第一网格', divisionCode: INSIDE_VILLAGE }, actor)).id;
    const outsideGrid = (await services.grids.create(null, { name: '第一网格', divisionCode: OUTSIDE_VILLAGE }, actor)).id;
    const insideUser = (await createUser(services, 'branchOrganizer', INSIDE_VILLAGE, { phone: '13900001111' })).id;
    const outsideUser = (await createUser(services, 'branchOrganizer', OUTSIDE_VILLAGE, { phone: '13900002222' })).id;
    const insideWorker = (await createUser(services, 'gridWorker', INSIDE_VILLAGE)).id;
    const insidePerson = (await addPerson(services, { name: '张三', idNumber: INSIDE_ID, divisionCode: INSIDE_VILLAGE, gridId: insideGrid, employer: '甲公司' })).personId;
    const outsidePerson = (await addPerson(services, { name: '李梅', idNumber: OUTSIDE_ID, divisionCode: OUTSIDE_VILLAGE, gridId: outsideGrid, employer: '乙公司' })).personId;
    await addPerson(services, { name: '李梅', idNumber: OUTSIDE_ID, divisionCode: OUTSIDE_VILLAGE, source: 'civilAffairs', employer: '丙公司' });
    await freshConflict(services, insidePerson, INSIDE_VILLAGE);
    const outsideReview = (await services.database.db.selectFrom('review_items').select('id').where('person_id', '=', outsidePerson).executeTakeFirstOrThrow()).id;
    await freshMerge(services, OUTSIDE_VILLAGE, outsideGrid);
    const outsideMerge = (await services.database.db.selectFrom('person_merges').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    const importAs = async (scopePrefix: string) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'matrix-'));
      const file = path.join(dir, 'x.csv');
      writeFileSync(file, csvOf('赵六', '', '湖北省宜昌市西陵区'));
      return (await services.ledgerImport.run({ source: 'police', filePath: file, fileName: 'x.csv', actor, userId: null, scopePrefix })).importId;
    };
    const insideImport = await importAs(SCOPE);
    const outsideImport = await importAs('420502');
    fixture = { insideOrg, outsideOrg, insideGrid, outsideGrid, insideUser, outsideUser, insideWorker, insidePerson, outsidePerson, outsideReview, outsideMerge, insideImport, outsideImport };
    for (const module of matrixModules) Object.assign(fixture, await module.setup(services, fixture));
    for (const role of roles) clients.set(role, await loginAs(app, services, role, SCOPE));
    // The grid worker sees the people of their own grid.
    await services.grids.assignWorker(null, insideGrid, clients.get('gridWorker')!.userId, actor);
    for (const module of matrixModules) await module.afterLogin?.(services, fixture, clients);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('has an entry for every scoped route, and every person/org route is marked scoped', () => {
    const scoped = app.routeCatalogue.filter((r) => r.scoped).map((r) => `${r.method} ${r.url}`);
    expect(scoped.sort()).toEqual(Object.keys(matrix).sort());
    const unmarked = app.routeCatalogue.filter((r) => /^\/api\/(orgs|grids|people|users|ledger|reviews|merges|imports)/.test(r.url) && !r.scoped);
    expect(unmarked).toEqual([]);
  });

  for (const role of roles) {
    it(`refuses ${role} everything outside its scope`, async () => {
      const client = clients.get(role)!;
      for (const [route, entry] of Object.entries(matrix)) {
        const access = app.routeCatalogue.find((r) => `${r.method} ${r.url}` === route)!.access as Parameters<typeof hasPermission>[1];
        const permitted = hasPermission(role, access);
        const outside = await entry.outside(client, fixture, services);
        if (!permitted) {
          expect(outside.statusCode, `${role} ${route}`).toBe(403);
          expect(outside.json().code).toBe('FORBIDDEN');
          continue;
        }
        if (entry.listed) {
          expect(outside.statusCode, `${role} ${route}`).toBe(200);
          const ids = entry.listed(outside, fixture);
          for (const id of entry.outsideIds!(fixture)) expect(ids, `${role} ${route} lists an outside record`).not.toContain(id);
        } else if (route === 'POST /api/imports') {
          // The import runs, but a row outside the scope is refused, never written.
          expect(outside.json(), `${role} ${route}`).toMatchObject({ status: 'done', created: 0, rejected: 1 });
        } else if (route !== 'POST /api/imports/preview') {
          expect([403, 404], `${role} ${route}: ${outside.body}`).toContain(outside.statusCode);
          expect(outside.json().message).toMatch(/管辖范围|不存在/);
        }
        if (route === 'POST /api/imports/preview') {
          // No outside data to protect: an unreadable upload is refused for its content.
          expect(outside.statusCode).toBe(400);
        }
        const inside = await entry.inside(client, fixture, services);
        expect(inside.statusCode, `${role} ${route} inside: ${inside.body.slice(0, 300)}`).toBe(200);
        if (entry.listed) expect(entry.listed(inside, fixture).length, `${role} ${route} lists nothing inside`).toBeGreaterThan(0);
      }
    });
  }
});
