import { chinaToday } from '@xinxue/domain';
import { addDays, addMonths } from '@xinxue/domain/calendar/dates';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addApplicant, cleanPath, OPENED_ON, OUTSIDE, pipelineOrgs, type PipelineOrgs, TOWNSHIP, VILLAGE } from '../../testing/pipeline-factory.ts';

type Deadline = { dossierId: number; kind: string; overdue: boolean; rule: string; dueOn: string; daysLeft: number; orgId: number; personName: string };
type BoardRow = { orgId: number; orgName: string; stages: number[]; active: number; members: number; closed: number; hasChildren: boolean; self: boolean };

/**
 * Dossiers at known steps: A applied two months ago and was never talked to (talk overdue, stage 1);
 * B is an activist with no assessment (stage 2); C, at a branch one level further down, carries a
 * justified assessment gap (R-ASSESS-6M) and waits for the branch committee (stage 4); D is a member;
 * E lies in another district (西陵区) and must never show for 小溪塔街道.
 */
describe('pipeline reports: deadlines, board, batch audit, home', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let clerk: TestClient;
  let city: TestClient;
  let orgs: PipelineOrgs;
  let subBranch: number;
  const ids = { A: 0, B: 0, C: 0, D: 0, E: 0 };

  async function open(client: TestClient, orgId: number, datedOn: string, person: Parameters<typeof addApplicant>[1] = {}) {
    const res = await client.request('POST', '/api/dossiers', { personId: await addApplicant(services, person), orgId, datedOn });
    expect(res.statusCode, res.body).toBe(200);
    return { id: res.json().id as number, version: res.json().version as number };
  }
  async function advance(id: number, version: number, from: number, to: number, replace: Record<number, { fields: Record<string, unknown>[]; justification?: string }> = {}) {
    for (let n = from; n <= to; n++) {
      for (const fields of replace[n]?.fields ?? cleanPath[n]!) {
        const justification = replace[n]?.justification;
        const res = await clerk.request('POST', `/api/dossiers/${id}/steps/${n}`, { ...fields, version, ...(justification ? { justification } : {}) });
        expect(res.statusCode, `step ${n}: ${res.body}`).toBe(200);
        version = res.json().version;
      }
    }
    return version;
  }

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    orgs = await pipelineOrgs(services);
    subBranch = (await services.orgs.create(null, { name: '中共冯家湾社区第二支部委员会', kind: 'branch', parentId: orgs.generalBranch, divisionCode: VILLAGE, establishedOn: '2010-01-01' }, cliActor())).id;
    clerk = await loginAs(app, services, 'townshipCommittee', TOWNSHIP);
    city = await loginAs(app, services, 'cityOrgDept', '4205');

    ids.A = (await open(clerk, orgs.branch, addDays(chinaToday(), -60), { name: '谈话逾期' })).id;
    const b = await open(clerk, orgs.branch, OPENED_ON, { name: '积极分子乙' });
    ids.B = b.id;
    await advance(b.id, b.version, 2, 4);
    const c = await open(clerk, subBranch, OPENED_ON, { name: '考察有间隔' });
    ids.C = c.id;
    await advance(c.id, c.version, 2, 11, { 6: { fields: [{ on: '2023-04-20', result: 'good' }], justification: '培养联系人外出学习，考察推迟到次年四月' } });
    const d = await open(clerk, orgs.branch, OPENED_ON, { name: '已转正丁' });
    ids.D = d.id;
    await advance(d.id, d.version, 2, 25);
    ids.E = (await open(city, orgs.outsideBranch, addDays(chinaToday(), -60), { name: '外区申请人', divisionCode: OUTSIDE })).id;
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('lists the overdue talk first, with its rule, and never another district\'s dossier', async () => {
    const res = await clerk.request('GET', '/api/pipeline/deadlines');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Deadline[]; counts: { byKind: { kind: string; total: number; overdue: number }[]; byOrg: { orgId: number; overdue: number }[] } };
    const talk = body.items.find((i) => i.dossierId === ids.A && i.kind === 'talk')!;
    expect(talk).toMatchObject({ overdue: true, rule: 'R-TALK-1M', dueOn: addMonths(addDays(chinaToday(), -60), 1) });
    expect(talk.daysLeft).toBeLessThan(0);
    expect(body.items.find((i) => i.dossierId === ids.B)).toMatchObject({ kind: 'assessment', overdue: true, rule: 'R-ASSESS-6M', dueOn: '2022-11-10' });
    expect(body.items.map((i) => i.dossierId)).not.toContain(ids.E);
    expect(body.items.map((i) => i.dossierId)).not.toContain(ids.D);
    // Overdue first.
    const firstDue = body.items.findIndex((i) => !i.overdue);
    if (firstDue >= 0) expect(body.items.slice(firstDue).every((i) => !i.overdue)).toBe(true);
    expect(body.counts.byKind.find((k) => k.kind === 'talk')).toMatchObject({ total: 1, overdue: 1 });
    expect(body.counts.byOrg.find((o) => o.orgId === orgs.branch)!.overdue).toBeGreaterThanOrEqual(2);

    // The city sees the other district's overdue talk too.
    const all = (await city.request('GET', '/api/pipeline/deadlines')).json() as { items: Deadline[] };
    expect(all.items.find((i) => i.dossierId === ids.E)).toMatchObject({ kind: 'talk', overdue: true });

    // Filters: kind, org subtree; bad input names the field.
    const talks = (await clerk.request('GET', '/api/pipeline/deadlines?kind=talk')).json() as { items: Deadline[] };
    expect(talks.items.map((i) => i.dossierId)).toEqual([ids.A]);
    const sub = (await clerk.request('GET', `/api/pipeline/deadlines?orgId=${orgs.generalBranch}&within=3650`)).json() as { items: Deadline[] };
    expect(sub.items.every((i) => i.orgId === subBranch)).toBe(true);
    const bad = await clerk.request('GET', '/api/pipeline/deadlines?kind=coffee');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'kind' });
    expect(bad.json().message).toContain('期限类别');
    expect((await clerk.request('GET', `/api/pipeline/deadlines?orgId=${orgs.outsideBranch}`)).statusCode).toBe(403);
  });

  it('counts stages per organization over its subtree and drills down', async () => {
    const top = (await clerk.request('GET', '/api/pipeline/board')).json() as { rows: BoardRow[]; totals: BoardRow };
    expect(top.rows.map((r) => r.orgId)).toEqual([orgs.township]);
    expect(top.rows[0]).toMatchObject({ stages: [1, 1, 0, 1, 0], active: 3, members: 1, closed: 0, hasChildren: true });
    expect(top.totals.stages).toEqual([1, 1, 0, 1, 0]);

    const children = (await clerk.request('GET', `/api/pipeline/board?orgId=${orgs.township}`)).json() as { rows: BoardRow[]; breadcrumb: { orgId: number }[] };
    expect(children.breadcrumb.map((b) => b.orgId)).toEqual([orgs.township]);
    expect(children.rows.find((r) => r.orgId === orgs.branch)).toMatchObject({ stages: [1, 1, 0, 0, 0], members: 1, hasChildren: false });
    expect(children.rows.find((r) => r.orgId === orgs.generalBranch)).toMatchObject({ stages: [0, 0, 0, 1, 0], members: 0, hasChildren: true });
    expect(children.rows.map((r) => r.orgId)).not.toContain(orgs.outsideBranch);

    const deeper = (await clerk.request('GET', `/api/pipeline/board?orgId=${orgs.generalBranch}`)).json() as { rows: BoardRow[]; breadcrumb: { orgId: number }[] };
    expect(deeper.breadcrumb.map((b) => b.orgId)).toEqual([orgs.township, orgs.generalBranch]);
    expect(deeper.rows).toEqual([expect.objectContaining({ orgId: subBranch, stages: [0, 0, 0, 1, 0], hasChildren: false })]);

    // Scope: the other district's organization is refused; the city counts its dossier.
    const refused = await clerk.request('GET', `/api/pipeline/board?orgId=${orgs.outsideBranch}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('管辖范围');
    const cityTop = (await city.request('GET', '/api/pipeline/board')).json() as { rows: BoardRow[]; totals: BoardRow };
    expect(cityTop.rows.find((r) => r.orgId === orgs.outsideBranch)).toMatchObject({ stages: [1, 0, 0, 0, 0] });
    expect(cityTop.totals.stages).toEqual([2, 1, 0, 1, 0]);
  });

  it('audits every dossier in scope, finds the seeded defect by its rule id, and exports the report', async () => {
    const res = await clerk.request('GET', '/api/pipeline/audit');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as {
      totals: { dossiers: number; withWarn: number };
      byRule: { rule: string; name: string; severity: string; count: number; dossiers: number; dossierIds: number[] }[];
      byOrg: { orgId: number; dossiers: number; withWarn: number }[];
      findings: { dossierId: number; rule: string; severity: string; message: string; step: number }[];
    };
    expect(report.totals.dossiers).toBe(4);
    const gap = report.byRule.find((r) => r.rule === 'R-ASSESS-6M')!;
    expect(gap).toMatchObject({ name: '每半年考察一次积极分子', severity: 'WARN' });
    expect(gap.dossierIds).toContain(ids.C);
    expect(report.findings.find((f) => f.dossierId === ids.C && f.rule === 'R-ASSESS-6M')).toMatchObject({ step: 6, message: expect.stringContaining('2022-05-10') });
    expect(report.byRule.find((r) => r.rule === 'R-TALK-1M')!.dossierIds).toEqual([ids.A]);
    expect(report.byOrg.find((o) => o.orgId === subBranch)).toMatchObject({ dossiers: 1, withWarn: 1 });
    expect(report.findings.map((f) => f.dossierId)).not.toContain(ids.E);
    // The member's clean path kept its assessments every six months (its back-filled dates are R-LATE-ENTRY's business).
    expect(report.findings.filter((f) => f.dossierId === ids.D).map((f) => f.rule)).not.toContain('R-ASSESS-6M');

    const exported = await clerk.request('GET', '/api/pipeline/audit/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['按规则', '按党组织', '问题明细']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows('按规则').find((r) => r[0] === 'R-ASSESS-6M')).toEqual(['R-ASSESS-6M', '每半年考察一次积极分子', '警示（WARN）', gap.count, gap.dossiers]);
    expect(rows('按党组织').find((r) => r[0] === '中共冯家湾社区第二支部委员会')).toEqual(['中共冯家湾社区第二支部委员会', 1, 0, 1, expect.any(Number)]);
    const detail = rows('问题明细').find((r) => r[0] === ids.C && r[6] === 'R-ASSESS-6M')!;
    expect(detail[1]).toBe('考察有间隔');
    expect(rows('问题明细').some((r) => r[1] === '外区申请人')).toBe(false);
    const [entry] = await services.auditLog.list({ limit: 1, action: 'pipeline.audit.export' });
    expect(entry).toMatchObject({ objectIds: expect.arrayContaining([ids.A, ids.C]) });

    // An organization's subtree only; outside the scope is refused.
    const sub = (await clerk.request('GET', `/api/pipeline/audit?orgId=${orgs.generalBranch}`)).json() as { totals: { dossiers: number } };
    expect(sub.totals.dossiers).toBe(1);
    expect((await clerk.request('GET', `/api/pipeline/audit/export?orgId=${orgs.outsideBranch}`)).statusCode).toBe(403);
  });

  it('shows the deadlines on the home page of a branch organizer, not of a grid worker', async () => {
    const organizer = await loginAs(app, services, 'branchOrganizer', VILLAGE);
    const home = (await organizer.request('GET', '/api/home')).json() as { deadlines: { overdue: number; dueSoon: number; nearest: Deadline[] } | null };
    expect(home.deadlines).not.toBeNull();
    expect(home.deadlines!.overdue).toBeGreaterThanOrEqual(2);
    expect(home.deadlines!.nearest.length).toBeLessThanOrEqual(5);
    expect(home.deadlines!.nearest[0]).toMatchObject({ overdue: true });
    expect(home.deadlines!.nearest.map((n) => n.dossierId)).toEqual(expect.arrayContaining([ids.A]));

    const worker = await loginAs(app, services, 'gridWorker', VILLAGE);
    const workerHome = await worker.request('GET', '/api/home');
    expect(workerHome.statusCode).toBe(200);
    expect(workerHome.json().deadlines).toBeNull();
    expect((await worker.request('GET', '/api/pipeline/deadlines')).statusCode).toBe(403);
  });
});
