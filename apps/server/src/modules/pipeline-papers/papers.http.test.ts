import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addApplicant, cleanPath, idNumberOf, OUTSIDE, pipelineOrgs, type PipelineOrgs, TOWNSHIP } from '../../testing/pipeline-factory.ts';

type Finding = { rule: string };
const pass = { quality: 'pass', contribution: 'pass', conduct: 'pass', lawfulness: 'pass' } as const;

async function documentXml(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  // An OPC package: content types, the package relationships, the document and its styles.
  expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']));
  return zip.file('word/document.xml')!.async('string');
}

describe('public notices and opinion requests of a dossier', () => {
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

  async function open(personId?: number, datedOn = '2025-03-01') {
    const res = await clerk.request('POST', '/api/dossiers', { personId: personId ?? (await addApplicant(services)), orgId: orgs.branch, datedOn });
    expect(res.statusCode, res.body).toBe(200);
    return { id: res.json().id as number, version: res.json().version as number };
  }
  const papers = async (id: number) => (await clerk.request('GET', `/api/dossiers/${id}/papers`)).json();
  const addNotice = (id: number, body: Record<string, unknown>) => clerk.request('POST', `/api/dossiers/${id}/notices`, { stage: 'candidate', place: 'workplace', location: '冯家湾社区党务公开栏', ...body });

  it('computes the end in working days across National Day (reference-data §7), with the city calendar; a year without data is refused', async () => {
    // Five working days from 2026-09-29, the first counted: 9/29, 9/30, 10/8, 10/9 and the make-up Saturday 10/10.
    expect((await clerk.request('GET', '/api/calendar/notice-end?start=2026-09-29&stage=candidate')).json()).toEqual({ start: '2026-09-29', workingDays: 5, end: '2026-10-10', countsFirstDay: true });
    expect((await clerk.request('GET', '/api/calendar/notice-end?start=2026-09-28&days=5')).json().end).toBe('2026-10-09');
    expect((await clerk.request('GET', '/api/calendar/notice-end?start=2026-02-11&days=5')).json().end).toBe('2026-02-24');
    expect((await clerk.request('GET', '/api/calendar/notice-end?start=2026-02-11&days=4')).json().end).toBe('2026-02-14');
    const { id } = await open();
    const res = await addNotice(id, { startOn: '2026-09-29', contact: '0717-7812345' });
    expect(res.statusCode, res.body).toBe(200);
    const [notice] = (await papers(id)).notices;
    expect(notice).toMatchObject({ id: res.json().id, startOn: '2026-09-29', endOn: '2026-10-10', workingDays: 5, status: 'ended', statusLabel: '已结束', objections: [] });
    // An administrator's override of the year is what counts: a day off on 2026-10-09 moves the end.
    const calendar = (await services.dossierAudit.calendar()).length;
    expect(calendar).toBe(0);
    await services.database.db.insertInto('calendar_overrides').values({ year: 2026, holidays: JSON.stringify(['2026-01-01', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-09']), make_up_workdays: JSON.stringify(['2026-10-10']), source: '测试', entered_by: null, entered_by_name: '测试', entered_at: new Date().toISOString() }).execute();
    expect((await clerk.request('GET', '/api/calendar/notice-end?start=2026-09-28&days=5')).json().end).toBe('2026-10-10');
    await database.raw('DELETE FROM calendar_overrides');
    const missing = await addNotice(id, { startOn: '2027-12-27', workingDays: 5 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', field: 'startOn', message: expect.stringContaining('没有 2027 年的法定节假日') });
    const bad = await addNotice(id, { startOn: '2026-02-30' });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'startOn', message: '公示开始日期应为有效日期（YYYY-MM-DD）' });
    expect((await addNotice(id, { startOn: '2026-09-29', location: ' ' })).json()).toMatchObject({ field: 'location' });
  });

  it('logs objections, resolves them with a version check, cancels with a reason; nothing is deleted', async () => {
    const { id } = await open();
    const noticeId = (await addNotice(id, { startOn: '2026-09-29' })).json().id as number;
    const objection = await clerk.request('POST', `/api/notices/${noticeId}/objections`, { receivedOn: '2026-09-30', summary: '反映其在原单位曾有违纪行为' });
    expect(objection.statusCode, objection.body).toBe(200);
    const oid = objection.json().id as number;
    expect((await clerk.request('POST', `/api/notices/${noticeId}/objections`, { receivedOn: '2026-09-20', summary: '早于公示' })).json()).toMatchObject({ field: 'receivedOn' });
    let notice = (await papers(id)).notices[0];
    expect(notice.objections).toEqual([expect.objectContaining({ id: oid, receivedOn: '2026-09-30', resolvedOn: null, upheld: null, version: 0 })]);
    const resolve = (version: number) => clerk.request('POST', `/api/notices/${noticeId}/objections/${oid}/resolve`, { version, resolvedOn: '2026-10-08', resolution: '经向原单位核实，所反映问题不属实', upheld: false });
    expect((await resolve(0)).statusCode).toBe(200);
    const stale = await resolve(0);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('刷新') });
    notice = (await papers(id)).notices[0];
    expect(notice.objections[0]).toMatchObject({ resolvedOn: '2026-10-08', upheld: false, resolution: '经向原单位核实，所反映问题不属实', version: 1 });
    // Every objection bumped the notice: a cancel from the version read before is stale.
    expect(notice.version).toBe(2);
    expect((await clerk.request('POST', `/api/notices/${noticeId}/cancel`, { version: 0, reason: '张贴位置有误，重新公示' })).statusCode).toBe(409);
    expect((await clerk.request('POST', `/api/notices/${noticeId}/cancel`, { version: 2, reason: '短' })).json()).toMatchObject({ field: 'reason' });
    expect((await clerk.request('POST', `/api/notices/${noticeId}/cancel`, { version: 2, reason: '张贴位置有误，重新公示' })).statusCode).toBe(200);
    notice = (await papers(id)).notices[0];
    expect(notice).toMatchObject({ status: 'cancelled', cancelReason: '张贴位置有误，重新公示' });
    expect((await clerk.request('POST', `/api/notices/${noticeId}/objections`, { receivedOn: '2026-10-01', summary: '又一件' })).json().code).toBe('PAPER_CANCELLED');
    const log = JSON.stringify(await services.auditLog.list({ limit: 50 }));
    for (const action of ['dossier.notice.create', 'dossier.notice.objection', 'dossier.notice.resolve', 'dossier.notice.cancel']) expect(log).toContain(action);
  });

  it('keeps a register of notices in scope, filtered, and exports it as .xlsx', async () => {
    const personId = await addApplicant(services, { name: '登记簿甲' });
    const { id } = await open(personId);
    const a = (await addNotice(id, { startOn: '2026-09-29', contact: '0717-7812345' })).json().id;
    const b = (await addNotice(id, { stage: 'activist', place: 'origin', location: '原籍村委会', startOn: '2026-03-02', workingDays: 7 })).json().id;
    await clerk.request('POST', `/api/notices/${a}/objections`, { receivedOn: '2026-09-30', summary: '反映问题一' });
    const all = (await clerk.request('GET', '/api/notices')).json().items as { id: number; personName: string; objectionCount: number; unresolvedCount: number; endOn: string }[];
    expect(all.map((n) => n.id)).toEqual(expect.arrayContaining([a, b]));
    expect(all.find((n) => n.id === a)).toMatchObject({ personName: '登记簿甲', objectionCount: 1, unresolvedCount: 1, endOn: '2026-10-10' });
    expect(all.find((n) => n.id === b)).toMatchObject({ workingDays: 7, endOn: '2026-03-10' });
    const september = (await clerk.request('GET', '/api/notices?from=2026-09-01&to=2026-09-30&stage=candidate')).json().items.map((n: { id: number }) => n.id);
    expect(september).toContain(a);
    expect(september).not.toContain(b);
    expect((await clerk.request('GET', `/api/notices?orgId=${orgs.outsideBranch}`)).statusCode).toBe(403);

    const res = await clerk.request('GET', '/api/notices/export?stage=candidate');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('公示登记簿')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '公示对象', '办理党组织', '公示环节', '公示地点', '张贴位置', '开始日期', '结束日期', '工作日数', '异议件数', '未处理异议', '状态', '监督电话']);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => { if (n > 2) rows.push((row.values as unknown[]).slice(1)); });
    expect(rows).toContainEqual(['登记簿甲', expect.stringContaining('冯家湾'), '确定发展对象', '务工地（流入地）', '冯家湾社区党务公开栏', '2026-09-29', '2026-10-10', 5, 1, 1, '已结束', '0717-7812345']);
    expect(rows.every((r) => r[2] === '确定发展对象')).toBe(true);
  });

  it('writes the notice and the letter as .docx that read back with the name, the dates and the masked ID number', async () => {
    const personId = await addApplicant(services, { name: '文书测试', birthDate: '1990-07-15' });
    const idNumber = await idNumberOf(services, personId);
    const { id } = await open(personId);
    const noticeId = (await addNotice(id, { startOn: '2026-09-29', contact: '0717-7812345' })).json().id;
    const res = await clerk.request('GET', `/api/notices/${noticeId}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('关于拟确定文书测试同志为发展对象的公示.docx');
    const notice = await documentXml(res.rawPayload);
    for (const text of ['关于拟确定文书测试同志为发展对象的公示', '文书测试', '1990年7月', '2026年9月29日至2026年10月10日（5个工作日）', '0717-7812345', '冯家湾社区党务公开栏', 'w:eastAsia="仿宋"']) expect(notice).toContain(text);
    expect(notice).not.toContain(idNumber);

    const letterId = (await clerk.request('POST', `/api/dossiers/${id}/opinion-requests`, { stage: 'candidate', place: 'origin', toName: '四川省古蔺县某村党支部', sentOn: '2026-09-01' })).json().id;
    const letter = await clerk.request('GET', `/api/opinion-requests/${letterId}/docx`);
    expect(letter.statusCode).toBe(200);
    const xml = await documentXml(letter.rawPayload);
    const masked = `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
    for (const text of ['征求意见函', `征字〔2026〕第${id}-1号`, '四川省古蔺县某村党支部：', '文书测试', masked, '政治素质', '现实表现（贡献）', '工作作风', '遵纪守法', '2026年9月21日', '回　执', '☐']) expect(xml).toContain(text);
    expect(xml).not.toContain(idNumber);
  });

  it('sends letters, lists the unanswered ones (overdue marked) to both places, and takes the answer from the addressee side', async () => {
    const { id } = await open();
    const send = (body: Record<string, unknown>) => clerk.request('POST', `/api/dossiers/${id}/opinion-requests`, { stage: 'candidate', place: 'origin', toName: '中共土街头社区支部委员会', ...body });
    const first = await send({ toOrgId: orgs.outsideBranch, sentOn: '2026-09-01' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await send({ place: 'workplace', toName: '宜昌物流有限公司党支部', sentOn: '2026-11-20', replyBy: '2026-12-31' });
    expect((await send({ sentOn: '2026-09-01', replyBy: '2026-08-01' })).json()).toMatchObject({ field: 'replyBy' });
    const requests = (await papers(id)).requests as { id: number; letterNo: string; replyBy: string; overdue: boolean }[];
    // The default reply deadline: 15 working days after sending (the make-up Sunday 9/20 counts).
    expect(requests.map((r) => [r.letterNo, r.replyBy, r.overdue])).toEqual([[`征字〔2026〕第${id}-1号`, '2026-09-21', true], [`征字〔2026〕第${id}-2号`, '2026-12-31', false]]);
    // Asking the other place's organization makes it the dossier's other place: it sees the dossier now.
    const detail = (await clerk.request('GET', `/api/dossiers/${id}`)).json();
    expect(detail.otherOrg).toMatchObject({ id: orgs.outsideBranch });

    const addressee = await loginAs(app, services, 'branchOrganizer', OUTSIDE);
    const open1 = (await addressee.request('GET', '/api/opinion-requests?open=1')).json().items as { id: number; overdue: boolean; personName: string }[];
    // The other place sees the dossier's open letters (the one to it marked overdue).
    expect(open1.map((r) => r.id)).toEqual([first.json().id, second.json().id]);
    expect(open1.map((r) => r.overdue)).toEqual([true, false]);
    expect((await addressee.request('GET', `/api/dossiers/${id}`)).statusCode).toBe(200);
    const sending = (await clerk.request('GET', '/api/opinion-requests?open=1')).json().items.map((r: { id: number }) => r.id);
    expect(sending).toEqual(expect.arrayContaining([first.json().id, second.json().id]));

    const stranger = await loginAs(app, services, 'townshipCommittee', '420503001');
    expect((await stranger.request('GET', '/api/opinion-requests?open=1')).json().items).toEqual([]);
    expect((await stranger.request('POST', `/api/opinion-requests/${first.json().id}/answer`, { version: 0, answeredOn: '2026-09-20', aspects: pass })).statusCode).toBe(403);
    // The addressee answers but may not change the dossier's own papers (handling side only).
    expect((await addressee.request('POST', `/api/opinion-requests/${second.json().id}/answer`, { version: 0, answeredOn: '2026-11-25', aspects: pass })).statusCode).toBe(403);
    expect((await addressee.request('POST', `/api/dossiers/${id}/notices`, { stage: 'candidate', place: 'origin', location: '村委会', startOn: '2026-09-29' })).statusCode).toBe(403);
    const bad = await addressee.request('POST', `/api/opinion-requests/${first.json().id}/answer`, { version: 0, answeredOn: '2026-09-20', aspects: { ...pass, conduct: 'good' } });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'aspects.conduct' });
    const answer = await addressee.request('POST', `/api/opinion-requests/${first.json().id}/answer`, { version: 0, answeredOn: '2026-09-20', aspects: pass, note: '该同志在村表现良好' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect((await addressee.request('POST', `/api/opinion-requests/${first.json().id}/answer`, { version: 0, answeredOn: '2026-09-21', aspects: pass })).statusCode).toBe(409);
    expect((await addressee.request('GET', '/api/opinion-requests?open=1')).json().items.map((r: { id: number }) => r.id)).toEqual([second.json().id]);
    const answered = (await papers(id)).requests[0];
    expect(answered).toMatchObject({ answeredOn: '2026-09-20', aspects: pass, answerNote: '该同志在村表现良好', overdue: false, version: 1 });
    // Cancelling a letter takes it off the unanswered list.
    expect((await clerk.request('POST', `/api/opinion-requests/${second.json().id}/cancel`, { version: 0, reason: '受函单位有误，重新发函' })).statusCode).toBe(200);
    expect((await clerk.request('GET', '/api/opinion-requests?open=1')).json().items.map((r: { id: number }) => r.id)).not.toContain(second.json().id);
  });

  it('refuses papers of a dossier out of scope', async () => {
    const { id } = await open();
    const noticeId = (await addNotice(id, { startOn: '2026-09-29' })).json().id;
    const outsider = await loginAs(app, services, 'countyOrgDept', '420502');
    expect((await outsider.request('GET', `/api/dossiers/${id}/papers`)).statusCode).toBe(403);
    expect((await outsider.request('GET', `/api/notices/${noticeId}/docx`)).statusCode).toBe(403);
    expect((await outsider.request('POST', `/api/notices/${noticeId}/cancel`, { version: 0, reason: '越权撤销公示' })).statusCode).toBe(403);
    expect((await outsider.request('GET', '/api/notices')).json().items.map((n: { id: number }) => n.id)).not.toContain(noticeId);
    const inspector = await loginAs(app, services, 'inspector', TOWNSHIP);
    expect((await inspector.request('GET', `/api/dossiers/${id}/papers`)).statusCode).toBe(200);
    expect((await inspector.request('POST', `/api/dossiers/${id}/notices`, { stage: 'candidate', place: 'origin', location: '村委会', startOn: '2026-09-29' })).json().code).toBe('FORBIDDEN');
  });

  it('blocks step 7 of a V2026 migrant without the two-place notices, and passes with a recorded origin + workplace pair and the answered letter', async () => {
    const { id, version } = await open(await addApplicant(services, { name: '两地公示' }));
    const both = (stage: string, on: string) => (cleanPath[3]![0]!.opinions as { place: string }[]).map((o) => ({ ...o, stage, on }));
    const path: Record<number, Record<string, unknown>[]> = {
      2: [{ on: '2025-03-20', by: '支部书记' }],
      3: [{ recommendations: [{ method: 'byMembers', on: '2025-05-05' }], on: '2025-05-10', decidedBy: 'branchCommittee', opinions: both('activist', '2025-05-06') }],
      4: [{ filedOn: '2025-05-20' }],
      5: cleanPath[5]!.map((m) => ({ mentors: (m.mentors as object[]).map((x) => ({ ...x, from: '2025-05-15' })) })),
      6: [{ on: '2025-11-01', result: 'good' }, { on: '2026-04-20', result: 'good' }, { on: '2026-10-01', result: 'good' }],
    };
    let v = version;
    for (let n = 2; n <= 6; n++) {
      for (const fields of path[n]!) {
        const res = await clerk.request('POST', `/api/dossiers/${id}/steps/${n}`, { ...fields, version: v });
        expect(res.statusCode, `step ${n}: ${res.body}`).toBe(200);
        v = res.json().version;
      }
    }
    // The origin's opinion comes by letter, answered; the workplace's from a forum typed in the step.
    const letter = (await clerk.request('POST', `/api/dossiers/${id}/opinion-requests`, { stage: 'candidate', place: 'origin', toName: '四川省古蔺县某村党支部', sentOn: '2026-09-10' })).json().id;
    expect((await clerk.request('POST', `/api/opinion-requests/${letter}/answer`, { version: 0, answeredOn: '2026-09-18', aspects: pass })).statusCode).toBe(200);
    const seven = { committeeProposalOn: '2026-09-20', upperConsentOn: '2026-09-25', on: '2026-10-20', opinions: both('candidate', '2026-09-18').filter((o) => o.place === 'workplace') };
    const blocked = await clerk.request('POST', `/api/dossiers/${id}/steps/7`, { ...seven, version: v });
    expect(blocked.statusCode, blocked.body).toBe(422);
    const rules = (blocked.json().details.blocks as Finding[]).map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['R-PUB-CANDIDATE-2PLACES', 'R-PUB-CANDIDATE-5WD']));
    expect(rules).not.toContain('R-TWOPLACE-ROUNDS');

    // Recorded notices: origin 9/28–10/9 and workplace 9/29–10/10, five working days each, overlapping.
    expect((await addNotice(id, { place: 'origin', location: '原籍村委会公示栏', startOn: '2026-09-28' })).statusCode).toBe(200);
    const work = (await addNotice(id, { place: 'workplace', startOn: '2026-09-29' })).json().id;
    // An open objection still stands in the way; resolved, it does not.
    const oid = (await clerk.request('POST', `/api/notices/${work}/objections`, { receivedOn: '2026-09-30', summary: '反映其工作不积极' })).json().id;
    const stillBlocked = await clerk.request('POST', `/api/dossiers/${id}/steps/7`, { ...seven, version: v });
    expect(stillBlocked.statusCode).toBe(422);
    expect((stillBlocked.json().details.blocks as Finding[]).map((f) => f.rule)).toEqual(['R-PUB-CANDIDATE-5WD']);
    await clerk.request('POST', `/api/notices/${work}/objections/${oid}/resolve`, { version: 0, resolvedOn: '2026-10-12', resolution: '经核实系误解，不影响发展', upheld: false });
    const ok = await clerk.request('POST', `/api/dossiers/${id}/steps/7`, { ...seven, version: v });
    expect(ok.statusCode, ok.body).toBe(200);
    const document = (await clerk.request('GET', `/api/dossiers/${id}`)).json().document;
    expect(document.notices).toEqual([
      { stage: 'candidate', place: 'origin', start: '2026-09-28', end: '2026-10-09', objections: [] },
      { stage: 'candidate', place: 'workplace', start: '2026-09-29', end: '2026-10-10', objections: [{ receivedOn: '2026-09-30', resolvedOn: '2026-10-12', upheld: false }] },
    ]);
    expect(document.opinions).toEqual(expect.arrayContaining([{ stage: 'candidate', place: 'origin', channel: 'letter', on: '2026-09-18', aspects: pass }]));
  });
});
