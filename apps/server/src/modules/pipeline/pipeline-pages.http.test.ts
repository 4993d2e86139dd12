import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addApplicant, cleanPath, OPENED_ON, pipelineOrgs, type PipelineOrgs, TOWNSHIP } from '../../testing/pipeline-factory.ts';

/** What the dossier list and page need: subtree filter and search, recordedAt stamps, next actions per user, the deferral facts. */
describe('development workflow: the list and page API', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let clerk: TestClient;
  let city: TestClient;
  let inspector: TestClient;
  let orgs: PipelineOrgs;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    orgs = await pipelineOrgs(services);
    clerk = await loginAs(app, services, 'townshipCommittee', TOWNSHIP);
    city = await loginAs(app, services, 'cityOrgDept', '4205');
    inspector = await loginAs(app, services, 'inspector', TOWNSHIP);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function open(client: TestClient, body: Record<string, unknown>) {
    const res = await client.request('POST', '/api/dossiers', { datedOn: OPENED_ON, ...body });
    expect(res.statusCode, res.body).toBe(200);
    return { id: res.json().id as number, version: res.json().version as number };
  }
  async function advance(id: number, version: number, from: number, to: number) {
    for (let n = from; n <= to; n++) {
      for (const fields of cleanPath[n]!) {
        const res = await clerk.request('POST', `/api/dossiers/${id}/steps/${n}`, { ...fields, version });
        expect(res.statusCode, `step ${n}: ${res.body}`).toBe(200);
        version = res.json().version;
      }
    }
    return version;
  }
  const ids = (res: { json(): unknown }) => (res.json() as { items: { id: number }[] }).items.map((i) => i.id).sort((a, b) => a - b);

  it('filters by an organization and everything under it, on either side, and searches the name', async () => {
    const atBranch = await open(clerk, { personId: await addApplicant(services, { name: '子树甲' }), orgId: orgs.branch });
    const atGeneral = await open(clerk, { personId: await addApplicant(services, { name: '子树乙' }), orgId: orgs.generalBranch });
    // Handled outside the township, with the township's branch as the other place: in the subtree through its other side.
    const otherSide = await open(city, { personId: await addApplicant(services, { name: '另一地丙' }), orgId: orgs.outsideBranch, otherOrgId: orgs.branch });
    const outside = await open(city, { personId: await addApplicant(services, { name: '区外丁' }), orgId: orgs.outsideBranch });

    const subtree = await city.request('GET', `/api/dossiers?orgId=${orgs.township}&subtree=1&pageSize=200`);
    expect(subtree.statusCode, subtree.body).toBe(200);
    expect(ids(subtree)).toEqual(expect.arrayContaining([atBranch.id, atGeneral.id, otherSide.id]));
    expect(ids(subtree)).not.toContain(outside.id);
    // Without subtree only the organization itself (none is handled by the township committee directly).
    const exact = await city.request('GET', `/api/dossiers?orgId=${orgs.township}&pageSize=200`);
    expect(ids(exact)).toEqual([]);
    const branchOnly = await city.request('GET', `/api/dossiers?orgId=${orgs.branch}&subtree=1&pageSize=200`);
    expect(ids(branchOnly)).toEqual([atBranch.id, otherSide.id]);
    // The export takes the same filter.
    const exported = JSON.parse((await city.request('GET', `/api/dossiers/export?orgId=${orgs.branch}&subtree=1`)).body) as { dossiers: { person: { name: string } }[] };
    expect(exported.dossiers.map((d) => d.person.name).sort()).toEqual(['另一地丙', '子树甲'].sort());

    const byName = await city.request('GET', '/api/dossiers?q=子树&pageSize=200');
    expect(ids(byName)).toEqual([atBranch.id, atGeneral.id]);
    // A LIKE wildcard in the text is searched literally.
    expect(ids(await city.request('GET', '/api/dossiers?q=%25'))).toEqual([]);

    // Most recently updated first: recording a step moves the older dossier to the top.
    await advance(atBranch.id, atBranch.version, 2, 2);
    const sorted = (await city.request('GET', '/api/dossiers?sort=updated&q=子树')).json() as { items: { id: number }[] };
    expect(sorted.items[0]!.id).toBe(atBranch.id);
    expect((await city.request('GET', '/api/dossiers?subtree=maybe')).statusCode).toBe(400);
  });

  it('stamps recordedAt for the dates each step enters, keeps it through the half-filled activist, exports and re-imports it unchanged', async () => {
    const { id, version } = await open(clerk, { personId: await addApplicant(services), orgId: orgs.branch });
    let v = await advance(id, version, 2, 3);
    let detail = (await clerk.request('GET', `/api/dossiers/${id}`)).json();
    const stamps = detail.document.recordedAt as Record<string, string>;
    expect(Object.keys(stamps).sort()).toEqual(['application.datedOn', 'application.receivedOn', 'opinions[0].on', 'opinions[1].on', 'recommendations[0].on', 'talk.on']);
    for (const at of Object.values(stamps)) expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    // The activist waits in `pending` until step 4 files it; so does its stamp.
    const activistStamp = detail.pending.recordedAt['activist.on'] as string;
    expect(activistStamp).toBeTruthy();
    const talkStamp = stamps['talk.on'];

    v = await advance(id, v, 4, 4);
    detail = (await clerk.request('GET', `/api/dossiers/${id}`)).json();
    expect(detail.document.recordedAt['activist.on']).toBe(activistStamp);
    expect(detail.document.recordedAt['talk.on']).toBe(talkStamp);
    expect(detail.document.recordedAt['activist.filedOn']).toBeTruthy();
    expect(detail.pending.recordedAt).toBeUndefined();
    // Dates of 2022 entered now: the gate let the steps through, the page shows the back-filling.
    expect(detail.findings.map((f: { rule: string }) => f.rule)).toContain('R-LATE-ENTRY');
    expect(detail.steps[1].findings.some((f: { rule: string; message: string }) => f.rule === 'R-LATE-ENTRY' && f.message.includes('派人谈话日期'))).toBe(true);

    const file = (await clerk.request('GET', `/api/dossiers/${id}/export`)).body;
    expect(JSON.parse(file).dossiers[0].recordedAt['activist.on']).toBe(activistStamp);
    const again = await clerk.request('POST', `/api/dossiers/import?orgId=${orgs.branch}`, JSON.parse(file));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ dossiers: 1, unchanged: 1, created: 0, updated: 0 });

    // A send-back returns the stamps with the document.
    const back = await clerk.request('POST', `/api/dossiers/${id}/send-back`, { version: v, toStep: 4, reason: '备案材料缺少签章' });
    expect(back.statusCode, back.body).toBe(200);
    detail = (await clerk.request('GET', `/api/dossiers/${id}`)).json();
    expect(detail.document.recordedAt['activist.filedOn']).toBeUndefined();
    expect(detail.pending.recordedAt['activist.on']).toBe(activistStamp);
  });

  it('tells each user what they may do next: the handling side, the other place, the inspector, a closed dossier', async () => {
    const { id, version } = await open(clerk, { personId: await addApplicant(services), orgId: orgs.branch });
    const v = await advance(id, version, 2, 6);
    const mine = (await clerk.request('GET', `/api/dossiers/${id}`)).json().nextActions;
    expect(mine).toMatchObject({
      canWrite: true, readOnlyReason: null, recordStep: { step: 7, name: '确定发展对象' }, repeatStep: { step: 6 },
      sendBack: { allowed: true }, withdraw: { allowed: true }, notRecognized: { allowed: true }, upload: { allowed: true },
    });
    expect(mine.sendBackSteps).toEqual([2, 3, 4, 5, 6]);

    const read = (await inspector.request('GET', `/api/dossiers/${id}`)).json().nextActions;
    expect(read).toMatchObject({ canWrite: false, recordStep: null, repeatStep: null, sendBack: { allowed: false }, upload: { allowed: false } });
    expect(read.readOnlyReason).toContain('只能查看');

    // Handled in 西陵区, other place in the township: the township sees it, read-only, and is told who handles it.
    const foreign = await open(city, { personId: await addApplicant(services), orgId: orgs.outsideBranch, otherOrgId: orgs.branch });
    const other = (await clerk.request('GET', `/api/dossiers/${foreign.id}`)).json().nextActions;
    expect(other.canWrite).toBe(false);
    expect(other.readOnlyReason).toContain('中共土街头社区支部委员会');
    expect(other.withdraw).toEqual({ allowed: false, reason: other.readOnlyReason });
    expect((await clerk.request('POST', `/api/dossiers/${foreign.id}/steps/2`, { ...cleanPath[2]![0], version: foreign.version })).statusCode).toBe(403);
    // The handling side's city user may.
    expect((await city.request('GET', `/api/dossiers/${foreign.id}`)).json().nextActions).toMatchObject({ canWrite: true, recordStep: { step: 2 }, sendBack: { allowed: false, reason: '还没有可以退回的步骤' } });

    const closed = await clerk.request('POST', `/api/dossiers/${id}/withdraw`, { version: v, reason: '本人申请撤回', on: '2026-01-05' });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = (await clerk.request('GET', `/api/dossiers/${id}`)).json().nextActions;
    expect(after).toMatchObject({ canWrite: true, recordStep: null, repeatStep: null, sendBackSteps: [], withdraw: { allowed: false }, notRecognized: { allowed: false } });
    expect(after.withdraw.reason).toContain('已撤回');
  });

  it('computes the three deferrals from the ledger as of a date, without changing the dossier', async () => {
    const personId = await addApplicant(services, { employer: null, movedOn: '2019-03-01' });
    const { id, version } = await open(clerk, { personId, orgId: orgs.branch });
    const res = await clerk.request('GET', `/api/dossiers/${id}/deferral?on=2023-06-01`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ asOf: '2023-06-01', hasFixedEmployer: false, monthsAwayLastYear: 0 });
    expect(res.json().evidence.hasFixedEmployer).toBeTruthy();
    const today = (await inspector.request('GET', `/api/dossiers/${id}/deferral`)).json();
    expect(today.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await clerk.request('GET', `/api/dossiers/${id}/deferral?on=2023-02-30`)).statusCode).toBe(400);
    const detail = (await clerk.request('GET', `/api/dossiers/${id}`)).json();
    expect(detail.version).toBe(version);
    expect(detail.events).toHaveLength(1);
  });
});
