import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/ledger-factory.ts';
import { addApplicant, cleanPath, OPENED_ON, pipelineOrgs, type PipelineOrgs, TOWNSHIP, VILLAGE } from '../../testing/pipeline-factory.ts';

type Finding = { rule: string; severity: string; message: string; source: string };

describe('development workflow: gates, concurrency, history, export and files', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let clerk: TestClient;
  let orgs: PipelineOrgs;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    orgs = await pipelineOrgs(services);
    clerk = await loginAs(app, services, 'townshipCommittee', TOWNSHIP);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function open(personId?: number, orgId = orgs.branch, datedOn = OPENED_ON) {
    const res = await clerk.request('POST', '/api/dossiers', { personId: personId ?? (await addApplicant(services)), orgId, datedOn });
    expect(res.statusCode, res.body).toBe(200);
    return { id: res.json().id as number, version: res.json().version as number };
  }
  async function step(id: number, n: number, fields: Record<string, unknown>, version: number, justification?: string) {
    return clerk.request('POST', `/api/dossiers/${id}/steps/${n}`, { ...fields, version, ...(justification ? { justification } : {}) });
  }
  /** Records the clean path's steps from..to; returns the version after them. */
  async function advance(id: number, version: number, from: number, to: number) {
    for (let n = from; n <= to; n++) {
      for (const fields of cleanPath[n]!) {
        const res = await step(id, n, fields, version);
        expect(res.statusCode, `step ${n}: ${res.body}`).toBe(200);
        version = res.json().version;
      }
    }
    return version;
  }
  const rulesOf = (res: { json(): unknown }) => ((res.json() as { details: { blocks?: Finding[]; warnings?: Finding[] } }).details.blocks ?? (res.json() as { details: { warnings: Finding[] } }).details.warnings).map((f) => f.rule);

  it('refuses a BLOCK with every finding (rule id, Chinese message, article) and records the refused attempt', async () => {
    // Under 18 on the application date: R-AGE-18 refuses to open the dossier at all.
    const minor = await addApplicant(services, { birthDate: '2006-01-01' });
    const refused = await clerk.request('POST', '/api/dossiers', { personId: minor, orgId: orgs.branch, datedOn: '2023-06-01' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('STEP_BLOCKED');
    expect(rulesOf(refused)).toContain('R-AGE-18');
    expect(refused.json().details.blocks[0].source).toMatch(/党章|细则/);

    // Listed as a candidate less than a year after becoming an activist: R-DEV-1Y.
    const { id, version } = await open();
    const v = await advance(id, version, 2, 6);
    const early = await step(id, 7, { ...cleanPath[7]![0], committeeProposalOn: '2022-12-01', on: '2022-12-10', opinions: [] }, v);
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toContain('R-DEV-1Y');
    expect(rulesOf(early)).toEqual(expect.arrayContaining(['R-DEV-1Y', 'R-TWOPLACE-ROUNDS']));
    const detail = (await clerk.request('GET', `/api/dossiers/${id}`)).json();
    expect(detail.currentStep).toBe(7);
    expect(detail.version).toBe(v);
    const refusal = detail.events.find((e: { kind: string }) => e.kind === 'refused');
    expect(refusal).toMatchObject({ step: 7, detail: { code: 'STEP_BLOCKED' } });
    // The clean record passes.
    expect((await step(id, 7, cleanPath[7]![0]!, v)).statusCode).toBe(200);
  });

  it('lets a WARN through only with a written justification, kept in the history and the audit log', async () => {
    const { id, version } = await open();
    const late = { on: '2022-05-10', by: '支部书记' }; // more than a month after receipt (R-TALK-1M)
    const bare = await step(id, 2, late, version);
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ code: 'STEP_JUSTIFICATION_REQUIRED', field: 'justification' });
    expect(rulesOf(bare)).toEqual(['R-TALK-1M']);
    expect((await step(id, 2, late, version, '太短')).statusCode).toBe(422);
    const ok = await step(id, 2, late, version, '申请人春节后才返回务工地，支部书记回来后立即谈话');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().justifiedWarnings.map((f: Finding) => f.rule)).toEqual(['R-TALK-1M']);
    // The justified warning is not asked for again at the next step.
    const next = await step(id, 3, { ...cleanPath[3]![0], on: '2022-06-10', recommendations: [{ method: 'byMembers', on: '2022-06-05' }], opinions: (cleanPath[3]![0]!.opinions as object[]).map((o) => ({ ...o, on: '2022-06-06' })) }, ok.json().version);
    expect(next.statusCode, next.body).toBe(200);
    const detail = (await clerk.request('GET', `/api/dossiers/${id}`)).json();
    expect(detail.events.find((e: { step: number; kind: string }) => e.kind === 'step' && e.step === 2).detail.justification).toContain('春节');
    const log = await services.auditLog.list({ limit: 50, action: 'dossier.step' });
    expect(JSON.stringify(log)).toContain('春节后才返回');
  });

  it('computes the three deferrals from the ledger at steps 3 and 7 and shows the facts', async () => {
    // Outbound for years, handled by the home village's branch: away all year; no employer recorded.
    const away = await addApplicant(services, { direction: 'outbound', destinationCode: '440300', employer: null, movedOn: '2018-01-01' });
    const { id, version } = await open(away);
    const v = await advance(id, version, 2, 2);
    const res = await step(id, 3, cleanPath[3]![0]!, v);
    expect(res.statusCode).toBe(422);
    const { details } = res.json();
    expect(details.deferral).toMatchObject({ monthsAwayLastYear: 12, hasFixedEmployer: null, performance: null });
    expect(details.deferral.evidence.monthsAwayLastYear).toContain('流出');
    expect(details.deferral.evidence.hasFixedEmployer).toBe('台帐没有工作情况记录');
    expect(rulesOf(res)).toEqual(['R-DEFER-LONG-ABSENT']);
    const ok = await step(id, 3, cleanPath[3]![0]!, v, '本人已承诺年内返乡创业，村党支部研究同意继续培养');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().deferral.monthsAwayLastYear).toBe(12);
    const doc = (await clerk.request('GET', `/api/dossiers/${id}`)).json().document;
    expect(doc.deferral).toMatchObject({ monthsAwayLastYear: 12, override: { reason: expect.stringContaining('返乡创业') } });

    // Working here, but the ledger's work record names no employer.
    const jobless = await open(await addApplicant(services, { employer: null }));
    const jv = await advance(jobless.id, jobless.version, 2, 2);
    const noEmployer = await step(jobless.id, 3, cleanPath[3]![0]!, jv);
    expect(noEmployer.json().details.deferral).toMatchObject({ monthsAwayLastYear: 0, hasFixedEmployer: false });
    expect(rulesOf(noEmployer)).toEqual(['R-DEFER-NO-EMPLOYER']);

    // A local worker with an employer: nothing to defer; at step 7 performance comes from the assessments.
    const local = await open();
    const lv = await advance(local.id, local.version, 2, 6);
    const seven = await step(local.id, 7, cleanPath[7]![0]!, lv);
    expect(seven.json().deferral).toMatchObject({ monthsAwayLastYear: 0, hasFixedEmployer: true, performance: 'good' });
  });

  it('shows the six refusals as a checklist with evidence at admission, and a failing item from an imported dossier', async () => {
    const { id, version } = await open();
    const v = await advance(id, version, 2, 14);
    const res = await step(id, 15, cleanPath[15]![0]!, v);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json().checklist as { item: number; status: string; rules: string[]; evidence: { field: string; value: unknown }[] }[];
    expect(list.map((i) => i.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'unknown']);
    expect(list[0]!.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'activist.on', value: '2022-05-10' })]));

    // The same dossier trained by the branch itself, imported at step 14: the checklist fails item 2.
    const file = JSON.parse((await clerk.request('GET', `/api/dossiers/${id}/export`)).body);
    const d = file.dossiers[0];
    d.id = 'IMPORTED-1';
    d.training.organizerLevel = 'branch';
    for (const k of ['admissionMeeting']) delete d[k];
    // The export stamps when each date was entered (recordedAt); a removed field takes its stamp with it.
    delete d.recordedAt['admissionMeeting.on'];
    d.documents = d.documents.filter((x: { type: string; on: string }) => x.on <= '2023-08-25');
    const personId = await addApplicant(services);
    const idNumber = (await services.database.db.selectFrom('people').select('id_number_enc').where('id', '=', personId).executeTakeFirstOrThrow()).id_number_enc!;
    d.person.idNumber = services.crypto.decrypt(idNumber);
    delete d.person.birthDate;
    const imported = await clerk.request('POST', `/api/dossiers/import?orgId=${orgs.branch}`, file);
    expect(imported.json()).toMatchObject({ created: 1, unchanged: 0 });
    const row = await services.database.db.selectFrom('dossiers').select(['id', 'current_step', 'version']).where('external_id', '=', 'IMPORTED-1').executeTakeFirstOrThrow();
    expect(row.current_step).toBe(15);
    const refused = await step(row.id, 15, cleanPath[15]![0]!, row.version);
    expect(refused.statusCode).toBe(422);
    const item2 = refused.json().details.checklist[1];
    expect(item2).toMatchObject({ item: 2, text: '未经党委一级集中培训或培训不合格的不批', status: 'failed' });
    expect(item2.findings.map((f: Finding) => f.rule)).toContain('R-TRAIN-ORGANIZER');
    expect(item2.evidence).toEqual(expect.arrayContaining([{ field: 'training.organizerLevel', label: '培训组织单位层级', value: 'branch' }]));
  });

  it('refuses a mobile organization without the power to develop at step 3, and lets one with it go on', async () => {
    const opinions = (on: string) => (cleanPath[3]![0]!.opinions as object[]).map((o) => ({ ...o, on }));
    const three = { recommendations: [{ method: 'byMembers', on: '2026-07-05' }], on: '2026-07-10', decidedBy: 'branchCommittee', opinions: opinions('2026-07-06') };
    for (const [orgId, expected] of [[orgs.mobileNoDevelop, 422], [orgs.mobileMayDevelop, 200]] as const) {
      const { id, version } = await open(undefined, orgId, '2026-06-01');
      const v = (await step(id, 2, { on: '2026-06-10', by: '支部书记' }, version)).json().version;
      const res = await step(id, 3, three, v);
      expect(res.statusCode, res.body).toBe(expected);
      if (expected === 422) {
        expect(rulesOf(res)).toEqual(['R-MIG-MOBILE-ORG-SCOPE']);
        expect(res.json().details.blocks[0].source).toContain('第四十条');
      }
    }
  });

  it('checks the approver at step 17 against the organization tree (R-APPROVER)', async () => {
    const { id, version } = await open();
    const v = await advance(id, version, 2, 16);
    for (const approverOrgId of [orgs.generalBranch, orgs.committeeWithoutPower]) {
      const res = await step(id, 17, { ...cleanPath[17]![0], approverOrgId }, v);
      expect(res.statusCode).toBe(422);
      expect(rulesOf(res)).toEqual(['R-APPROVER']);
    }
    const ok = await step(id, 17, { ...cleanPath[17]![0], approverOrgId: orgs.township }, v);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().checklist).toHaveLength(6);
  });

  it('refuses the second of two clerks advancing the same dossier at once (409)', async () => {
    const { id, version } = await open();
    const other = await loginAs(app, services, 'branchOrganizer', VILLAGE);
    const [a, b] = await Promise.all([
      clerk.request('POST', `/api/dossiers/${id}/steps/2`, { ...cleanPath[2]![0], version }),
      other.request('POST', `/api/dossiers/${id}/steps/2`, { ...cleanPath[2]![0], by: '组织委员', version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('刷新') });
    const events = await services.database.db.selectFrom('dossier_events').select('kind').where('dossier_id', '=', id).where('kind', '=', 'step').execute();
    expect(events).toHaveLength(1);
    // A stale version is refused too, without running anything.
    expect((await step(id, 3, cleanPath[3]![0]!, version)).statusCode).toBe(409);
  });

  it('keeps the history through send-back, withdrawal and "not recognized"; nothing is deleted', async () => {
    const { id, version } = await open();
    let v = await advance(id, version, 2, 5);
    expect((await clerk.request('POST', `/api/dossiers/${id}/send-back`, { version: v, toStep: 3, reason: '推荐记录缺少党员推荐表原件' })).statusCode).toBe(200);
    let detail = (await clerk.request('GET', `/api/dossiers/${id}`)).json();
    expect(detail.currentStep).toBe(3);
    expect(detail.steps.slice(2, 5).map((s: { status: string; redo: boolean }) => [s.status, s.redo])).toEqual([['current', true], ['pending', true], ['pending', true]]);
    expect(detail.document.activist).toBeUndefined();
    expect(detail.document.mentors).toBeUndefined();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'step', 'step', 'step', 'step', 'sentBack']);
    // Out of order is refused; redoing step 3 goes on.
    expect((await step(id, 5, cleanPath[5]![0]!, detail.version)).json().code).toBe('STEP_OUT_OF_ORDER');
    v = await advance(id, detail.version, 3, 4);
    expect((await clerk.request('POST', `/api/dossiers/${id}/withdraw`, { version: v, reason: '本人申请暂缓', on: '2023-01-10' })).statusCode).toBe(200);
    detail = (await clerk.request('GET', `/api/dossiers/${id}`)).json();
    expect(detail.status).toBe('withdrawn');
    expect((await step(id, 5, cleanPath[5]![0]!, detail.version)).json().code).toBe('DOSSIER_CLOSED');
    await expect(database.raw(`DELETE FROM dossier_events WHERE dossier_id = ${id}`)).rejects.toThrow(/只能追加/);

    const member = await open();
    const mv = await advance(member.id, member.version, 2, 25);
    const missing = await clerk.request('POST', `/api/dossiers/${member.id}/not-recognized`, { version: mv, reason: '政审材料系伪造', on: '2025-01-10', decidedBy: '' });
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'decidedBy' });
    expect((await clerk.request('POST', `/api/dossiers/${member.id}/not-recognized`, { version: mv, reason: '政审材料系伪造', on: '2025-01-10', decidedBy: '夷陵区委组织部' })).statusCode).toBe(200);
    detail = (await clerk.request('GET', `/api/dossiers/${member.id}`)).json();
    expect(detail.status).toBe('notRecognized');
    expect(detail.events.at(-1)).toMatchObject({ kind: 'notRecognized', detail: { decidedBy: '夷陵区委组织部', previousStatus: 'member' } });
    expect(detail.document.archivedOn).toBe('2024-11-01');
  });

  it('exports and imports xinxue-dossier/1 losslessly and idempotently; a bad file is refused naming the JSON path', async () => {
    const { id, version } = await open();
    await advance(id, version, 2, 25);
    const exported = (await clerk.request('GET', `/api/dossiers/${id}/export`)).body;
    const stored = (await services.database.db.selectFrom('dossiers').select('document').where('id', '=', id).executeTakeFirstOrThrow()).document;
    expect(JSON.parse(exported).dossiers[0]).toEqual(JSON.parse(stored));
    const again = await clerk.request('POST', `/api/dossiers/import?orgId=${orgs.branch}`, JSON.parse(exported));
    expect(again.json()).toMatchObject({ dossiers: 1, created: 0, updated: 0, unchanged: 1 });
    expect((await clerk.request('GET', `/api/dossiers/${id}/export`)).body).toBe(exported);
    const all = JSON.parse((await clerk.request('GET', '/api/dossiers/export?status=member')).body);
    expect(all.dossiers.map((d: { id: string }) => d.id)).toContain(JSON.parse(exported).dossiers[0].id);

    const bad = JSON.parse(exported);
    bad.dossiers[0].talk.on = '2022-02-30';
    bad.dossiers[0].surprise = 1;
    const refused = await clerk.request('POST', `/api/dossiers/import?orgId=${orgs.branch}`, bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['$.dossiers[0].talk.on', '$.dossiers[0].surprise']));
  });

  it('opens the dossier when a cultivation target applies, with no re-typing', async () => {
    const personId = await addApplicant(services, { name: '王培养' });
    const target = await clerk.request('POST', `/api/people/${personId}/target`, { cadenceDays: 30 });
    expect(target.statusCode, target.body).toBe(200);
    expect((await clerk.request('POST', `/api/targets/${target.json().id}/apply`, { appliedOn: '2026-03-01' })).statusCode).toBe(200);
    const list = (await clerk.request('GET', `/api/dossiers?personId=${personId}`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ personName: '王培养', orgId: orgs.branch, currentStep: 2, status: 'active' });
    const detail = (await clerk.request('GET', `/api/dossiers/${list.items[0].id}`)).json();
    expect(detail.document.person.name).toBe('王培养');
    expect(detail.document.application.datedOn).toBe('2026-03-01');
    expect(detail.events[0].detail.origin).toBe('cultivationTarget');
  });

  it('keeps scans and files on a step with their hash; wrong type and bad input refused naming the field', async () => {
    const { id, version } = await open();
    const pdf = Buffer.from('%PDF-1.4\n入党申请书扫描件\n%%EOF');
    const up = multipartFile('入党申请书.pdf', pdf);
    const res = await clerk.raw('POST', `/api/dossiers/${id}/files?step=1`, up.payload, up.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ step: 1, fileName: '入党申请书.pdf', size: pdf.length, contentType: 'application/pdf' });
    const down = await clerk.request('GET', `/api/dossiers/${id}/files/${res.json().id}`);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    const fake = multipartFile('扫描.png', Buffer.from('not a png'));
    expect((await clerk.raw('POST', `/api/dossiers/${id}/files?step=1`, fake.payload, fake.headers)).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const exe = multipartFile('a.exe', Buffer.from('MZ'));
    expect((await clerk.raw('POST', `/api/dossiers/${id}/files?step=1`, exe.payload, exe.headers)).json().message).toContain('PDF、JPG、PNG 或 DOCX');
    expect((await clerk.request('GET', `/api/dossiers/${id}`)).json().files).toHaveLength(1);

    const bad = await step(id, 2, { on: '2022-13-01' }, version);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'on', message: '谈话日期应为有效日期（YYYY-MM-DD）' });
    expect((await step(id, 2, { on: '2022-03-20' }, version)).json()).toMatchObject({ field: 'by', message: '请填写谈话人' });
  });
});
