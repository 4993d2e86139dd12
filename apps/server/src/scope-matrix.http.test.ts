import { roles, type Role, hasPermission } from '@xinxue/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from './lib/context.ts';
import type { Services } from './services.ts';
import { createTestApp, createTestServices, createUser, loginAs, type TestClient, type TestDatabase } from './testing/harness.ts';

/**
 * Every route marked `scoped` is tried by every role, each scoped to 小溪塔街道 (420506001), against
 * records in 西陵区 (420502). Each must refuse (403/404) or leave the outside records out of lists.
 * A positive control per route shows the same call succeeds inside the scope, so the test can fail.
 */
const SCOPE = '420506001';
const INSIDE_VILLAGE = '420506001001';
const OUTSIDE_VILLAGE = '420502001001';

interface Fixture {
  insideOrg: number;
  outsideOrg: number;
  insideGrid: number;
  outsideGrid: number;
  insideUser: number;
  outsideUser: number;
  insideWorker: number;
}

type Probe = (c: TestClient, f: Fixture) => Promise<LightMyRequestResponse>;

interface MatrixEntry {
  /** The call against data outside the caller's scope. */
  outside: Probe;
  /** The same call inside the scope. */
  inside: Probe;
  /** For list routes: the ids of outside records must not appear. */
  listed?: (body: unknown, f: Fixture) => number[];
  outsideIds?: (f: Fixture) => number[];
}

const items = (body: unknown) => ((body as { items: { id: number }[] }).items ?? []).map((i) => i.id);

const matrix: Record<string, MatrixEntry> = {
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
  'POST /api/users/:id/reveal': {
    outside: (c, f) => c.request('POST', `/api/users/${f.outsideUser}/reveal`, { field: 'phone', reason: '核实联系方式' }),
    inside: (c, f) => c.request('POST', `/api/users/${f.insideUser}/reveal`, { field: 'phone', reason: '核实联系方式' }),
  },
};

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
    fixture = { insideOrg, outsideOrg, insideGrid, outsideGrid, insideUser, outsideUser, insideWorker };
    for (const role of roles) clients.set(role, await loginAs(app, services, role, SCOPE));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('has an entry for every scoped route, and every person/org route is marked scoped', () => {
    const scoped = app.routeCatalogue.filter((r) => r.scoped).map((r) => `${r.method} ${r.url}`);
    expect(scoped.sort()).toEqual(Object.keys(matrix).sort());
    const unmarked = app.routeCatalogue.filter((r) => /^\/api\/(orgs|grids|people|users)/.test(r.url) && !r.scoped);
    expect(unmarked).toEqual([]);
  });

  for (const role of roles) {
    it(`refuses ${role} everything outside its scope`, async () => {
      const client = clients.get(role)!;
      for (const [route, entry] of Object.entries(matrix)) {
        const access = app.routeCatalogue.find((r) => `${r.method} ${r.url}` === route)!.access as Parameters<typeof hasPermission>[1];
        const permitted = hasPermission(role, access);
        const outside = await entry.outside(client, fixture);
        if (!permitted) {
          expect(outside.statusCode, `${role} ${route}`).toBe(403);
          expect(outside.json().code).toBe('FORBIDDEN');
          continue;
        }
        if (entry.listed) {
          expect(outside.statusCode, `${role} ${route}`).toBe(200);
          const ids = entry.listed(outside.json(), fixture);
          for (const id of entry.outsideIds!(fixture)) expect(ids, `${role} ${route} lists an outside record`).not.toContain(id);
        } else {
          expect([403, 404], `${role} ${route}: ${outside.body}`).toContain(outside.statusCode);
          expect(outside.json().message).toMatch(/管辖范围|不存在/);
        }
        const inside = await entry.inside(client, fixture);
        expect(inside.statusCode, `${role} ${route} inside: ${inside.body}`).toBe(200);
        if (entry.listed) expect(entry.listed(inside.json(), fixture).length).toBeGreaterThan(0);
      }
    });
  }
});
