import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chinaToday, withUsccCheck } from '@xinxue/domain';
import type { LightMyRequestResponse } from 'fastify';
import { cliActor } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import type { TestClient } from '../harness.ts';
import { multipartFile } from '../ledger-factory.ts';
import { INSIDE_VILLAGE, type MatrixModule, OUTSIDE_VILLAGE } from './types.ts';

const items = (res: { json(): unknown }) => ((res.json() as { items?: { id: number }[] }).items ?? []).map((i) => i.id);
let counter = 0;
const tag = () => `${++counter}${Math.random().toString(36).slice(2, 6)}`;

const versionOf = async (s: Services, id: number) => (await s.database.db.selectFrom('party_orgs').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

async function freshOrg(s: Services, kind: 'committee' | 'branch' = 'branch'): Promise<number> {
  return (await s.orgs.create(null, { name: `矩阵党支部${tag()}`, kind, divisionCode: INSIDE_VILLAGE }, cliActor())).id;
}

async function freshMember(s: Services, orgId: number, membership: 'full' | 'probationary'): Promise<number> {
  await s.orgs.addMember(null, orgId, { version: await versionOf(s, orgId), name: `党员${tag()}`, membership, role: 'member', joinedOn: chinaToday() }, cliActor());
  const row = await s.database.db.selectFrom('party_org_members').select('id').where('org_id', '=', orgId).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return row.id;
}

const orgCsv = (rows: string[]) => `\uFEFF党组织名称,类别,上级党组织,所在行政区划\r\n${rows.join('\r\n')}\r\n`;

/** Uploads an organization-tree file through the route and waits for the import; returns its final status. */
async function orgImportThrough(c: TestClient, content: string): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartFile('orgs.csv', content);
  const started = await c.raw('POST', '/api/org-imports', payload, headers);
  if (started.statusCode !== 200) return started;
  const { importId } = started.json() as { importId: number };
  for (let i = 0; i < 100; i++) {
    const status = await c.request('GET', `/api/org-imports/${importId}`);
    if ((status.json() as { status: string }).status !== 'running') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('organization import did not finish');
}

/** An organization-tree import run by someone scoped to `divisionPrefix`. */
async function orgImportAs(s: Services, divisionPrefix: string, divisionCode: string): Promise<number> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'matrix-orgs-')), 'orgs.csv');
  writeFileSync(file, orgCsv([`矩阵导入党支部${tag()},党支部,,${divisionCode}`]));
  const ctx = { user: { id: 0, username: 'matrix', displayName: '矩阵', role: 'cityOrgDept' as const, scope: { divisionPrefix, orgId: null, orgPath: null } }, ip: 'local' };
  return (await s.orgImport.run({ filePath: file, fileName: 'orgs.csv', ctx, actor: cliActor(), userId: null })).importId;
}

async function newOrgRow(s: Services, name: string, divisionCode: string, body: string): Promise<number> {
  const now = new Date().toISOString();
  const { id } = await s.database.db
    .insertInto('new_orgs')
    .values({ kind: 'enterprise', name, uscc: withUsccCheck(body), industry: 'C', division_code: divisionCode, source: 'manual', registered_on: '2020-01-01', deregistered_on: null, fingerprint: `matrix-${body}`, import_id: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * The organization routes beyond the three core ones (list, detail, create): tree, chart, export,
 * changes, coverage, the mobile decision, merge, dissolve, members, and the administrators' org
 * scope for accounts. Writes against 西陵区 must be refused; inside ones succeed for every role
 * allowed, so each probe makes what it consumes.
 */
export const orgsMatrix: MatrixModule = {
  async setup(services, f) {
    const actor = cliActor();
    const insideUnit = await newOrgRow(services, '宜昌矩阵甲公司', INSIDE_VILLAGE, '91420506MA0000001');
    const outsideUnit = await newOrgRow(services, '宜昌矩阵乙公司', OUTSIDE_VILLAGE, '91420502MA0000002');
    const coverOrg = (await services.orgs.create(null, { name: '中共宜昌矩阵甲公司支部委员会', kind: 'branch', divisionCode: INSIDE_VILLAGE, hostKind: 'enterprise' }, actor)).id;
    const mobileOrg = (await services.orgs.create(null, { name: '中共夷陵区驻深圳流动党员支部委员会', kind: 'branch', divisionCode: '420506001', hostKind: 'mobileOrg', locatedDivisionCode: '440300', establishedOn: '2024-01-01' }, actor)).id;
    const outsideMember = await freshMember(services, f.outsideOrg!, 'full');
    const orgImportInside = await orgImportAs(services, '420506001', INSIDE_VILLAGE);
    const orgImportOutside = await orgImportAs(services, '420502', OUTSIDE_VILLAGE);
    return { insideUnit, outsideUnit, coverOrg, mobileOrg, outsideMember, orgImportInside, orgImportOutside };
  },
  entries: {
    'GET /api/orgs/tree': {
      outside: (c) => c.request('GET', '/api/orgs/tree?includeEnded=true'),
      inside: (c) => c.request('GET', '/api/orgs/tree'),
      listed: items,
      outsideIds: (f) => [f.outsideOrg!],
    },
    'GET /api/orgs/stats': {
      outside: (c) => c.request('GET', '/api/orgs/stats?within=420502'),
      inside: (c) => c.request('GET', '/api/orgs/stats'),
      // Any count at all outside the scope is a leak; inside, some count shows the call works.
      listed: (res, f) => ((res.json() as { total: number }).total > 0 ? [f.outsideOrg!] : []),
      outsideIds: (f) => [f.outsideOrg!],
    },
    'GET /api/orgs/export': {
      outside: (c) => c.request('GET', '/api/orgs/export?within=420502'),
      inside: (c) => c.request('GET', '/api/orgs/export'),
      listed: (res, f) => (Number(res.headers['x-export-count']) > 0 ? [f.outsideOrg!] : []),
      outsideIds: (f) => [f.outsideOrg!],
    },
    'PATCH /api/orgs/:id': {
      outside: async (c, f, s) => c.request('PATCH', `/api/orgs/${f.outsideOrg}`, { version: await versionOf(s, f.outsideOrg!), name: '越权改名' }),
      inside: async (c, f, s) => c.request('PATCH', `/api/orgs/${f.insideOrg}`, { version: await versionOf(s, f.insideOrg!), name: `中共冯家湾社区委员会${tag()}` }),
    },
    'PUT /api/orgs/:id/coverage': {
      // An inside organization may not take on a unit outside the scope.
      outside: async (c, f, s) => c.request('PUT', `/api/orgs/${f.coverOrg}/coverage`, { version: await versionOf(s, f.coverOrg!), newOrgIds: [f.outsideUnit] }),
      inside: async (c, f, s) => {
        const covered = await s.database.db.selectFrom('new_org_coverage').select('id').where('party_org_id', '=', f.coverOrg!).where('valid_to', 'is', null).execute();
        return c.request('PUT', `/api/orgs/${f.coverOrg}/coverage`, { version: await versionOf(s, f.coverOrg!), newOrgIds: covered.length ? [] : [f.insideUnit] });
      },
    },
    'POST /api/orgs/:id/may-develop': {
      outside: async (c, f, s) => c.request('POST', `/api/orgs/${f.outsideOrg}/may-develop`, { version: await versionOf(s, f.outsideOrg!), mayDevelop: true, decidedBy: '越权', decidedOn: '2026-01-01' }),
      inside: async (c, f, s) => c.request('POST', `/api/orgs/${f.mobileOrg}/may-develop`, { version: await versionOf(s, f.mobileOrg!), mayDevelop: true, decidedBy: '中共夷陵区委组织部', decidedOn: '2026-01-01' }),
    },
    'POST /api/orgs/:id/merge': {
      // Merging an inside organization into one outside the scope.
      outside: async (c, f, s) => {
        const a = await freshOrg(s);
        return c.request('POST', `/api/orgs/${a}/merge`, { version: await versionOf(s, a), intoId: f.outsideOrg });
      },
      inside: async (c, f, s) => {
        const a = await freshOrg(s);
        const b = await freshOrg(s, 'committee');
        return c.request('POST', `/api/orgs/${a}/merge`, { version: await versionOf(s, a), intoId: b });
      },
    },
    'POST /api/orgs/:id/dissolve': {
      outside: async (c, f, s) => c.request('POST', `/api/orgs/${f.outsideOrg}/dissolve`, { version: await versionOf(s, f.outsideOrg!), reason: '越权撤销' }),
      inside: async (c, _f, s) => {
        const org = await freshOrg(s);
        return c.request('POST', `/api/orgs/${org}/dissolve`, { version: await versionOf(s, org), reason: '单位注销' });
      },
    },
    'POST /api/orgs/:id/members': {
      outside: async (c, f, s) => c.request('POST', `/api/orgs/${f.outsideOrg}/members`, { version: await versionOf(s, f.outsideOrg!), name: '越权', membership: 'full', role: 'member', joinedOn: chinaToday() }),
      inside: async (c, f, s) => c.request('POST', `/api/orgs/${f.insideOrg}/members`, { version: await versionOf(s, f.insideOrg!), name: `党员${tag()}`, membership: 'full', role: 'member', joinedOn: chinaToday() }),
    },
    'POST /api/orgs/:id/members/:memberId/leave': {
      outside: async (c, f, s) => c.request('POST', `/api/orgs/${f.outsideOrg}/members/${f.outsideMember}/leave`, { version: await versionOf(s, f.outsideOrg!), leftOn: chinaToday(), reason: '组织关系转出' }),
      inside: async (c, f, s) => {
        const member = await freshMember(s, f.insideOrg!, 'full');
        return c.request('POST', `/api/orgs/${f.insideOrg}/members/${member}/leave`, { version: await versionOf(s, f.insideOrg!), leftOn: chinaToday(), reason: '组织关系转出' });
      },
    },
    'PATCH /api/orgs/:id/members/:memberId': {
      outside: async (c, f, s) => c.request('PATCH', `/api/orgs/${f.outsideOrg}/members/${f.outsideMember}`, { version: await versionOf(s, f.outsideOrg!), role: 'committeeMember' }),
      inside: async (c, f, s) => {
        const member = await freshMember(s, f.insideOrg!, 'probationary');
        return c.request('PATCH', `/api/orgs/${f.insideOrg}/members/${member}`, { version: await versionOf(s, f.insideOrg!), membership: 'full', effectiveOn: chinaToday() });
      },
    },
    'PUT /api/users/:id/scope-org': {
      outside: (c, f) => c.request('PUT', `/api/users/${f.insideUser}/scope-org`, { orgId: f.outsideOrg }),
      inside: (c, f) => c.request('PUT', `/api/users/${f.insideUser}/scope-org`, { orgId: f.insideOrg }),
    },
    'GET /api/users/org-options': {
      outside: (c) => c.request('GET', '/api/users/org-options?within=420502'),
      inside: (c) => c.request('GET', '/api/users/org-options'),
      listed: items,
      outsideIds: (f) => [f.outsideOrg!],
    },
    'POST /api/org-imports': {
      // The import runs, but rows outside the scope (or under a parent outside it) are refused, never written.
      outside: (c) => orgImportThrough(c, orgCsv([`越权导入党支部${tag()},党支部,,${OUTSIDE_VILLAGE}`, `越权导入下级支部${tag()},党支部,中共土街头社区委员会,${INSIDE_VILLAGE}`])),
      inside: (c) => orgImportThrough(c, orgCsv([`矩阵导入党支部${tag()},党支部,,${INSIDE_VILLAGE}`])),
      listed: (res, f) => ((res.json() as { created?: number }).created ? [f.outsideOrg!] : []),
      outsideIds: (f) => [f.outsideOrg!],
    },
    'GET /api/org-imports': { outside: (c) => c.request('GET', '/api/org-imports'), inside: (c) => c.request('GET', '/api/org-imports'), listed: items, outsideIds: (f) => [f.orgImportOutside!] },
    'GET /api/org-imports/:id': { outside: (c, f) => c.request('GET', `/api/org-imports/${f.orgImportOutside}`), inside: (c, f) => c.request('GET', `/api/org-imports/${f.orgImportInside}`) },
    'GET /api/org-imports/:id/rejections': {
      outside: (c, f) => c.request('GET', `/api/org-imports/${f.orgImportOutside}/rejections`),
      inside: (c, f) => c.request('GET', `/api/org-imports/${f.orgImportInside}/rejections`),
    },
    'GET /api/org-imports/:id/rejections.xlsx': {
      outside: (c, f) => c.request('GET', `/api/org-imports/${f.orgImportOutside}/rejections.xlsx`),
      inside: (c, f) => c.request('GET', `/api/org-imports/${f.orgImportInside}/rejections.xlsx`),
    },
  },
};
