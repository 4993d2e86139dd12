import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { cliActor } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import type { TestClient } from '../harness.ts';
import { multipartFile } from '../ledger-factory.ts';
import { addUnit, usccFor } from '../new-orgs-files.ts';
import { INSIDE_VILLAGE, type MatrixModule, OUTSIDE_VILLAGE, SCOPE } from './types.ts';

/** The registry of new organizations and its coverage figures (modules/new-orgs). */
const items = (res: { json(): unknown }) => ((res.json() as { items?: { id: number }[] }).items ?? []).map((i) => i.id);
let counter = 0;
const fresh = () => 70_000 + ++counter * 13;

const body = (divisionCode: string, uscc: string) => ({ kind: 'enterprise', name: `矩阵登记公司${counter}`, uscc, industry: 'M', divisionCode, employees: 10, partyMembers: 1 });
const csv = (uscc: string, division: string) => `\uFEFF统一社会信用代码,企业名称,所属行业,所在地区,从业人员,党员人数\r\n${uscc},矩阵导入公司,M,${division},10,1\r\n`;

/** Starts a registry import through the route and waits for it; returns the final status. */
async function importThrough(c: TestClient, content: string): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartFile('registry.csv', content);
  const started = await c.raw('POST', '/api/new-org-imports?source=marketRegulation', payload, headers);
  if (started.statusCode !== 200) return started;
  const { importId } = started.json() as { importId: number };
  for (let i = 0; i < 100; i++) {
    const status = await c.request('GET', `/api/new-org-imports/${importId}`);
    if ((status.json() as { status: string }).status !== 'running') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('registry import did not finish');
}

async function importAs(s: Services, scopePrefix: string, division: string): Promise<number> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'matrix-registry-')), 'registry.csv');
  writeFileSync(file, csv(usccFor(fresh()), division));
  return (await s.newOrgsImport.run({ source: 'marketRegulation', filePath: file, fileName: 'registry.csv', actor: cliActor(), userId: null, scopePrefix })).importId;
}

export const newOrgsMatrix: MatrixModule = {
  async setup(services) {
    const unit = (divisionCode: string, partyMembers: number) => addUnit(services, { divisionCode, industry: 'M', employees: 10, partyMembers });
    return {
      newOrgInside: await unit(INSIDE_VILLAGE, 2),
      newOrgInside2: await unit(INSIDE_VILLAGE, 1),
      newOrgOutside: await unit(OUTSIDE_VILLAGE, 2),
      newOrgOutside2: await unit(OUTSIDE_VILLAGE, 1),
      newOrgImportInside: await importAs(services, SCOPE, INSIDE_VILLAGE),
      newOrgImportOutside: await importAs(services, '420502', OUTSIDE_VILLAGE),
    };
  },
  entries: {
    'GET /api/new-orgs': { outside: (c) => c.request('GET', '/api/new-orgs?within=420502'), inside: (c) => c.request('GET', '/api/new-orgs'), listed: items, outsideIds: (f) => [f.newOrgOutside!, f.newOrgOutside2!] },
    'GET /api/new-orgs/export.xlsx': {
      outside: (c) => c.request('GET', '/api/new-orgs/export.xlsx?within=420502'),
      inside: (c) => c.request('GET', '/api/new-orgs/export.xlsx'),
      // An export of nothing outside the scope has no rows; inside it has the inside units.
      listed: (res, f) => (Number(res.headers['x-export-count'] ?? 0) > 0 ? [f.newOrgInside!] : []),
      outsideIds: (f) => [f.newOrgOutside!],
    },
    'GET /api/new-orgs/:id': { outside: (c, f) => c.request('GET', `/api/new-orgs/${f.newOrgOutside}`), inside: (c, f) => c.request('GET', `/api/new-orgs/${f.newOrgInside}`) },
    'POST /api/new-orgs': {
      outside: (c) => c.request('POST', '/api/new-orgs', body(OUTSIDE_VILLAGE, usccFor(fresh()))),
      inside: (c) => c.request('POST', '/api/new-orgs', body(INSIDE_VILLAGE, usccFor(fresh()))),
    },
    'PUT /api/new-orgs/:id': {
      outside: (c, f) => c.request('PUT', `/api/new-orgs/${f.newOrgOutside}`, body(INSIDE_VILLAGE, usccFor(fresh()))),
      inside: async (c, f, s) => {
        const row = await s.database.db.selectFrom('new_orgs').select('uscc').where('id', '=', f.newOrgInside!).executeTakeFirstOrThrow();
        return c.request('PUT', `/api/new-orgs/${f.newOrgInside}`, { ...body(INSIDE_VILLAGE, row.uscc), partyMembers: 2 });
      },
    },
    'POST /api/new-orgs/:id/deregister': {
      outside: (c, f) => c.request('POST', `/api/new-orgs/${f.newOrgOutside}/deregister`, { deregisteredOn: '2026-01-01' }),
      inside: async (c, _f, s) => c.request('POST', `/api/new-orgs/${await addUnit(s, { divisionCode: INSIDE_VILLAGE, uscc: usccFor(fresh()) })}/deregister`, { deregisteredOn: '2026-01-01' }),
    },
    'POST /api/new-org-imports': {
      // The import runs, but a row outside the scope is refused, never written: `listed` names what was written.
      outside: (c) => importThrough(c, csv(usccFor(fresh()), OUTSIDE_VILLAGE)),
      inside: (c) => importThrough(c, csv(usccFor(fresh()), INSIDE_VILLAGE)),
      listed: (res, f) => ((res.json() as { created?: number }).created ? [f.newOrgOutside!] : []),
      outsideIds: (f) => [f.newOrgOutside!],
    },
    'GET /api/new-org-imports': { outside: (c) => c.request('GET', '/api/new-org-imports'), inside: (c) => c.request('GET', '/api/new-org-imports'), listed: items, outsideIds: (f) => [f.newOrgImportOutside!] },
    'GET /api/new-org-imports/:id': { outside: (c, f) => c.request('GET', `/api/new-org-imports/${f.newOrgImportOutside}`), inside: (c, f) => c.request('GET', `/api/new-org-imports/${f.newOrgImportInside}`) },
    'GET /api/new-org-imports/:id/rejections': {
      outside: (c, f) => c.request('GET', `/api/new-org-imports/${f.newOrgImportOutside}/rejections`),
      inside: (c, f) => c.request('GET', `/api/new-org-imports/${f.newOrgImportInside}/rejections`),
    },
    'GET /api/new-org-imports/:id/rejections.xlsx': {
      outside: (c, f) => c.request('GET', `/api/new-org-imports/${f.newOrgImportOutside}/rejections.xlsx`),
      inside: (c, f) => c.request('GET', `/api/new-org-imports/${f.newOrgImportInside}/rejections.xlsx`),
    },
    'GET /api/new-org-coverage': {
      outside: (c) => c.request('GET', '/api/new-org-coverage?within=420502&by=village'),
      inside: (c) => c.request('GET', '/api/new-org-coverage?by=village'),
      listed: (res, f) => ((res.json() as { byDivision?: { code: string }[] }).byDivision ?? []).map((d) => (d.code.startsWith('420502') ? f.newOrgOutside! : f.newOrgInside!)),
      outsideIds: (f) => [f.newOrgOutside!],
    },
    'GET /api/new-org-coverage/trend': {
      outside: (c) => c.request('GET', '/api/new-org-coverage/trend?within=420502&months=2'),
      inside: (c) => c.request('GET', '/api/new-org-coverage/trend?months=2'),
      // Any unit counted under 西陵区 would be an outside one; inside the scope the units are counted.
      listed: (res, f) => ((res.json() as { points?: { total: number }[] }).points?.at(-1)?.total ? [f.newOrgOutside!] : []),
      outsideIds: (f) => [f.newOrgOutside!],
    },
    'GET /api/new-org-coverage/blank-spots': {
      outside: (c) => c.request('GET', '/api/new-org-coverage/blank-spots?within=420502'),
      inside: (c) => c.request('GET', '/api/new-org-coverage/blank-spots'),
      listed: items,
      outsideIds: (f) => [f.newOrgOutside!, f.newOrgOutside2!],
    },
    'GET /api/new-org-coverage/joint-groups': {
      outside: (c) => c.request('GET', '/api/new-org-coverage/joint-groups?within=420502'),
      inside: (c) => c.request('GET', '/api/new-org-coverage/joint-groups'),
      listed: (res) => ((res.json() as { items?: { units: { id: number }[] }[] }).items ?? []).flatMap((g) => g.units.map((u) => u.id)),
      outsideIds: (f) => [f.newOrgOutside!, f.newOrgOutside2!],
    },
  },
};
