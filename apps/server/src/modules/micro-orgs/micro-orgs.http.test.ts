import { chinaToday } from '@xinxue/domain';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, createUser, login, loginAs, TEST_PASSWORD, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addPerson } from '../../testing/ledger-factory.ts';
import { lastMonths } from './micro-activities.service.ts';

const FJW = '420506001001'; // 冯家湾社区
const XINGAN = '420506001002'; // 兴安社区
const TJT = '420502001001'; // 西陵区土街头社区

const daysAgo = (n: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

interface Summary { id: number; name: string; status: string; dissolvedOn: string | null; backbones: number; reach: number; activities: number; peopleServed: number; problemsSolved: number; guideOrg: { id: number } | null }
interface Participant { personId: number; name: string; talentEntryId: number | null; talentFoundVia: string | null }
interface Activity { id: number; heldOn: string; participants: Participant[]; hiddenParticipants: number; peopleServed: number }

describe('micro-organizations over HTTP', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let township: TestClient;
  let worker: TestClient;
  let inspector: TestClient;
  let gridA: number;
  let gridB: number;
  let guideOrg: number;
  let outsideOrg: number;
  let a1: number;
  let a2: number;
  let a3: number;
  let b1: number;
  let outsider: number;
  let microId: number;
  let activityId: number;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    const actor = cliActor();
    gridA = (await services.grids.create(null, { name: '第一网格', divisionCode: FJW }, actor)).id;
    gridB = (await services.grids.create(null, { name: '第一网格', divisionCode: XINGAN }, actor)).id;
    const org = (values: { name: string; division_code: string; status?: string }) =>
      database.db.insertInto('party_orgs').values({ name: values.name, kind: 'committee', parent_id: null, division_code: values.division_code, created_at: new Date().toISOString(), status: values.status ?? 'active' }).returning('id').executeTakeFirstOrThrow();
    guideOrg = (await org({ name: '中共冯家湾社区委员会', division_code: FJW })).id;
    outsideOrg = (await org({ name: '中共土街头社区委员会', division_code: TJT })).id;
    for (const id of [guideOrg, outsideOrg]) await database.db.updateTable('party_orgs').set({ path: String(id).padStart(10, '0') }).where('id', '=', id).execute();
    a1 = (await addPerson(services, { name: '王快递', divisionCode: FJW, gridId: gridA, employer: '顺丰速运' })).personId;
    a2 = (await addPerson(services, { name: '李骑手', divisionCode: FJW, gridId: gridA, employer: '美团' })).personId;
    a3 = (await addPerson(services, { name: '张师傅', divisionCode: FJW, gridId: gridA })).personId;
    b1 = (await addPerson(services, { name: '赵大姐', divisionCode: XINGAN, gridId: gridB })).personId;
    outsider = (await addPerson(services, { name: '外区人', divisionCode: TJT })).personId;
    township = await loginAs(app, services, 'townshipCommittee', '420506001');
    inspector = await loginAs(app, services, 'inspector', '420506001');
    const workerUser = await createUser(services, 'gridWorker', FJW);
    await services.grids.assignWorker(null, gridA, workerUser.id, actor);
    worker = await login(app, workerUser.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const base = () => ({ name: '快递小哥之家', kind: 'trade', divisionCode: FJW, guideOrgId: guideOrg, foundedOn: daysAgo(200), description: '快递、外卖从业党员和流动人员' });

  it('creates a micro-organization, refusing bad input with a Chinese message naming the field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: '  ' }, 'name', /名称/],
      [{ kind: 'club' }, 'kind', /类型/],
      [{ foundedOn: daysAgo(-3) }, 'foundedOn', /不能晚于今天/],
      [{ foundedOn: '2026-13-45' }, 'foundedOn', /YYYY-MM-DD/],
      [{ divisionCode: '440306000000' }, 'divisionCode', /本市/],
      [{ divisionCode: '420599999999' }, 'divisionCode', /不存在/],
      [{ guideOrgId: 999_999 }, 'guideOrgId', /不存在/],
    ];
    for (const [patch, field, message] of cases) {
      const res = await township.request('POST', '/api/micro-orgs', { ...base(), ...patch });
      expect([400, 404], JSON.stringify(patch)).toContain(res.statusCode);
      expect(res.json().field, JSON.stringify(patch)).toBe(field);
      expect(res.json().message).toMatch(message);
    }
    expect((await township.request('POST', '/api/micro-orgs', { ...base(), divisionCode: TJT })).statusCode).toBe(403);
    expect((await township.request('POST', '/api/micro-orgs', { ...base(), guideOrgId: outsideOrg })).statusCode).toBe(403);
    // Only those who may change organizations set one up; a grid worker records activities.
    expect((await worker.request('POST', '/api/micro-orgs', base())).statusCode).toBe(403);
    expect(await database.db.selectFrom('micro_orgs').select('id').execute()).toHaveLength(0);

    const res = await township.request('POST', '/api/micro-orgs', base());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Summary;
    microId = body.id;
    expect(body).toMatchObject({ name: '快递小哥之家', status: 'active', guideOrg: { id: guideOrg }, backbones: 0, reach: 0, activities: 0 });
    const [entry] = await services.auditLog.list({ limit: 1, action: 'microOrg.create' });
    expect(entry).toMatchObject({ objectIds: [microId] });
  });

  it('adds backbone members, from the ledger or by name, and records when they leave', async () => {
    const withPerson = await township.request('POST', `/api/micro-orgs/${microId}/backbones`, { personId: a3, duty: '召集人', joinedOn: daysAgo(190) });
    expect(withPerson.statusCode, withPerson.body).toBe(200);
    expect((await township.request('POST', `/api/micro-orgs/${microId}/backbones`, { personId: a3, joinedOn: daysAgo(100) })).statusCode).toBe(409);
    const byName = await township.request('POST', `/api/micro-orgs/${microId}/backbones`, { name: '陈党员', duty: '联络员', joinedOn: daysAgo(150) });
    expect(byName.statusCode).toBe(200);
    const early = await township.request('POST', `/api/micro-orgs/${microId}/backbones`, { name: '刘党员', joinedOn: daysAgo(300) });
    expect(early.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'joinedOn' });
    expect(early.json().message).toContain('成立日期');
    expect((await township.request('POST', `/api/micro-orgs/${microId}/backbones`, { personId: outsider, joinedOn: daysAgo(10) })).statusCode).toBe(403);

    const { id: chenId } = byName.json() as { id: number };
    const before = await township.request('POST', `/api/micro-orgs/${microId}/backbones/${chenId}/leave`, { leftOn: daysAgo(160) });
    expect(before.json()).toMatchObject({ field: 'leftOn' });
    expect((await township.request('POST', `/api/micro-orgs/${microId}/backbones/${chenId}/leave`, { leftOn: daysAgo(5) })).statusCode).toBe(200);
    const detail = (await township.request('GET', `/api/micro-orgs/${microId}`)).json() as Summary & { backboneList: { name: string; leftOn: string | null; personId: number | null }[] };
    expect(detail.backbones).toBe(1);
    expect(detail.backboneList).toEqual([
      expect.objectContaining({ name: '张师傅', personId: a3, leftOn: null }),
      expect.objectContaining({ name: '陈党员', personId: null, leftOn: daysAgo(5) }),
    ]);
  });

  it('adds and removes the migrants it reaches, idempotently and inside the scope only', async () => {
    const res = await township.request('POST', `/api/micro-orgs/${microId}/reach`, { personIds: [a1, b1], since: daysAgo(120) });
    expect(res.json()).toEqual({ added: 2, already: 0 });
    expect((await township.request('POST', `/api/micro-orgs/${microId}/reach`, { personIds: [a1], since: daysAgo(60) })).json()).toEqual({ added: 0, already: 1 });
    const outside = await township.request('POST', `/api/micro-orgs/${microId}/reach`, { personIds: [a2, outsider], since: daysAgo(60) });
    expect(outside.statusCode).toBe(403);
    expect((await township.request('POST', `/api/micro-orgs/${microId}/reach`, { personIds: [a2], since: daysAgo(-1) })).json()).toMatchObject({ field: 'since' });
    expect((await township.request('DELETE', `/api/micro-orgs/${microId}/reach/${b1}`)).statusCode).toBe(200);
    expect((await township.request('DELETE', `/api/micro-orgs/${microId}/reach/${b1}`)).statusCode).toBe(404);
    const detail = (await township.request('GET', `/api/micro-orgs/${microId}`)).json() as { reachList: { personId: number; since: string }[] };
    expect(detail.reachList).toEqual([expect.objectContaining({ personId: a1, since: daysAgo(120) })]);
    const [entry] = await services.auditLog.list({ limit: 1, action: 'microOrg.reach.remove' });
    expect(entry).toMatchObject({ objectIds: [b1] });
  });

  it('records an activity with participants from the ledger; participants join its reach', async () => {
    const activity = { heldOn: daysAgo(30), kind: 'service', title: '电动车免费检修', peopleServed: 25, problemsSolved: 6, note: '社区广场', participantIds: [a1, a2] };
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ peopleServed: 1 }, 'peopleServed', /不能少于/],
      [{ heldOn: daysAgo(-1) }, 'heldOn', /不能晚于今天/],
      [{ heldOn: daysAgo(400) }, 'heldOn', /成立日期/],
      [{ title: '' }, 'title', /活动主题/],
      [{ problemsSolved: -1 }, 'problemsSolved', /整数/],
      [{ kind: 'party' }, 'kind', /活动类型/],
    ];
    for (const [patch, field, message] of bad) {
      const res = await worker.request('POST', `/api/micro-orgs/${microId}/activities`, { ...activity, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(res.json().message).toMatch(message);
    }
    // The grid worker sees only the people of their grid: 赵大姐 of 兴安社区 is not theirs.
    expect((await worker.request('POST', `/api/micro-orgs/${microId}/activities`, { ...activity, participantIds: [a1, b1] })).statusCode).toBe(403);
    expect((await inspector.request('POST', `/api/micro-orgs/${microId}/activities`, activity)).statusCode).toBe(403);

    const res = await worker.request('POST', `/api/micro-orgs/${microId}/activities`, activity);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Activity;
    activityId = body.id;
    expect(body.participants.map((p) => [p.personId, p.talentEntryId])).toEqual([[a1, null], [a2, null]]);
    const detail = (await township.request('GET', `/api/micro-orgs/${microId}`)).json() as Summary & { reachList: { personId: number; since: string }[] };
    expect(detail.reachList.map((r) => [r.personId, r.since]).sort()).toEqual([[a1, daysAgo(120)], [a2, daysAgo(30)]].sort());
    expect(detail).toMatchObject({ activities: 1, peopleServed: 25, problemsSolved: 6 });

    // The township adds 赵大姐 too; the grid worker, who cannot see her, edits the activity without losing her.
    expect((await township.request('PATCH', `/api/micro-orgs/activities/${activityId}`, { participantIds: [a1, a2, b1] })).statusCode).toBe(200);
    const edited = await worker.request('PATCH', `/api/micro-orgs/activities/${activityId}`, { participantIds: [a1], title: '电动车免费检修和安全宣传' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as Activity).hiddenParticipants).toBe(1);
    const seenByTownship = (await township.request('GET', `/api/micro-orgs/activities/${activityId}`)).json() as Activity;
    expect(seenByTownship.participants.map((p) => p.personId)).toEqual([a1, b1]);
    expect((await township.request('PATCH', `/api/micro-orgs/activities/${activityId}`, { participantIds: [a1, a2, b1] })).statusCode).toBe(200);
  });

  it('flags a participant as outstanding in one action: found via 微组织, logged, on the talent list', async () => {
    const res = await worker.request('POST', `/api/micro-orgs/activities/${activityId}/talent`, { personId: a1 });
    expect(res.statusCode, res.body).toBe(200);
    const entry = res.json() as { id: number; personId: number; foundVia: string; reason: string; nominatedBy: string };
    expect(entry).toMatchObject({ personId: a1, foundVia: 'microOrg', nominatedBy: '微组织“快递小哥之家”' });
    expect(entry.reason).toContain('电动车免费检修');
    const talent = (await township.request('GET', '/api/talent?foundVia=microOrg')).json() as { items: { personId: number; foundViaLabel: string }[] };
    expect(talent.items).toEqual([expect.objectContaining({ personId: a1, foundViaLabel: '微组织活动中发现' })]);
    const [flagged] = await services.auditLog.list({ limit: 1, action: 'talent.flag' });
    expect(flagged).toMatchObject({ objectIds: [a1] });
    const [trace] = await services.auditLog.list({ limit: 1, action: 'microOrg.talentFlag' });
    expect(trace!.detail).toMatchObject({ activityId, talentEntryId: entry.id });

    const shown = (await worker.request('GET', `/api/micro-orgs/activities/${activityId}`)).json() as Activity;
    expect(shown.participants.find((p) => p.personId === a1)).toMatchObject({ talentEntryId: entry.id, talentFoundVia: 'microOrg' });
    expect(shown.participants.find((p) => p.personId === a2)!.talentEntryId).toBeNull();
    // Once is enough; only participants; a custom reason is still checked by the talent rules.
    expect((await worker.request('POST', `/api/micro-orgs/activities/${activityId}/talent`, { personId: a1 })).statusCode).toBe(409);
    expect((await worker.request('POST', `/api/micro-orgs/activities/${activityId}/talent`, { personId: a3 })).json()).toMatchObject({ field: 'personId' });
    expect((await worker.request('POST', `/api/micro-orgs/activities/${activityId}/talent`, { personId: b1 })).statusCode).toBe(403);
    expect((await worker.request('POST', `/api/micro-orgs/activities/${activityId}/talent`, { personId: a2, reason: '好' })).json()).toMatchObject({ field: 'reason' });
  });

  it('keeps statistics per month, per micro-organization and overall', async () => {
    await township.request('POST', `/api/micro-orgs/${microId}/activities`, { heldOn: daysAgo(2), kind: 'study', title: '学习交流', peopleServed: 8, problemsSolved: 1, participantIds: [] });
    const other = (await township.request('POST', '/api/micro-orgs', { ...base(), name: '兴安广场舞队', kind: 'interest', divisionCode: XINGAN, guideOrgId: null })).json() as Summary;
    await township.request('POST', `/api/micro-orgs/${other.id}/activities`, { heldOn: daysAgo(2), kind: 'culture', title: '广场舞比赛', peopleServed: 40, problemsSolved: 0, participantIds: [b1] });
    const months = lastMonths(12);
    const overall = (await township.request('GET', '/api/micro-orgs/stats')).json() as { totals: Record<string, number>; byMonth: { month: string; activities: number; peopleServed: number }[] };
    expect(overall.byMonth.map((m) => m.month)).toEqual(months);
    expect(overall.totals).toMatchObject({ activeMicroOrgs: 2, backbones: 1, activities: 3, peopleServed: 73, problemsSolved: 7, talentFound: 1 });
    const thisMonth = overall.byMonth.find((m) => m.month === daysAgo(2).slice(0, 7))!;
    const lastMonthRow = overall.byMonth.find((m) => m.month === daysAgo(30).slice(0, 7))!;
    expect(thisMonth.activities + (thisMonth === lastMonthRow ? 0 : lastMonthRow.activities)).toBe(3);
    const one = (await township.request('GET', `/api/micro-orgs/stats?microOrgId=${microId}`)).json() as { totals: Record<string, number> };
    expect(one.totals).toMatchObject({ activities: 2, peopleServed: 33, problemsSolved: 7 });
    // The grid worker's scope is their village: 兴安社区's micro-organization is not theirs.
    expect(((await worker.request('GET', '/api/micro-orgs/stats')).json() as { totals: Record<string, number> }).totals).toMatchObject({ activeMicroOrgs: 1, activities: 2 });
    expect((await worker.request('GET', `/api/micro-orgs/${other.id}`)).statusCode).toBe(403);
  });

  it('lists the activity register and exports it to .xlsx, participants by name', async () => {
    const register = (await township.request('GET', '/api/micro-orgs/activities')).json() as { items: { title: string; participants: number }[]; total: number };
    expect(register.total).toBe(3);
    expect(register.items.find((i) => i.title.startsWith('电动车'))!.participants).toBe(3);
    const res = await township.request('GET', `/api/micro-orgs/activities.xlsx?microOrgId=${microId}`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('微组织活动台账')!;
    expect(sheet.rowCount).toBe(3);
    const rows = [2, 3].map((n) => sheet.getRow(n));
    const repair = rows.find((r) => String(r.getCell(6).value).startsWith('电动车'))!;
    expect([repair.getCell(2).value, repair.getCell(7).value, repair.getCell(9).value]).toEqual(['快递小哥之家', 25, '王快递、李骑手、赵大姐']);
    expect((await township.request('GET', `/api/micro-orgs/activities?microOrgId=999999`)).statusCode).toBe(404);
    const [entry] = await services.auditLog.list({ limit: 1, action: 'microOrg.activity.export' });
    expect(entry).toMatchObject({ objectIds: [microId] });
  });

  it('dissolves on a date, keeps everything, and takes no more records', async () => {
    expect((await township.request('POST', `/api/micro-orgs/${microId}/dissolve`, { dissolvedOn: daysAgo(10), reason: '成员外出' })).json()).toMatchObject({ field: 'dissolvedOn' });
    expect((await township.request('POST', `/api/micro-orgs/${microId}/dissolve`, { dissolvedOn: daysAgo(1), reason: '' })).json()).toMatchObject({ field: 'reason' });
    const res = await township.request('POST', `/api/micro-orgs/${microId}/dissolve`, { dissolvedOn: daysAgo(1), reason: '成员大多外出务工' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dissolved', dissolvedOn: daysAgo(1), backbones: 0, activities: 2 });
    const refused = await worker.request('POST', `/api/micro-orgs/${microId}/activities`, { heldOn: daysAgo(0), kind: 'study', title: '学习', peopleServed: 1, problemsSolved: 0 });
    expect(refused.json()).toMatchObject({ code: 'MICRO_ORG_DISSOLVED' });
    expect((await township.request('PATCH', `/api/micro-orgs/${microId}`, { name: '改名' })).statusCode).toBe(409);
    const active = (await township.request('GET', '/api/micro-orgs')).json() as { items: Summary[] };
    expect(active.items.map((m) => m.id)).not.toContain(microId);
    const dissolved = (await township.request('GET', '/api/micro-orgs?status=dissolved')).json() as { items: Summary[] };
    expect(dissolved.items.map((m) => m.id)).toEqual([microId]);
    // Its history stays readable: the activity and who was flagged there.
    expect((await township.request('GET', `/api/micro-orgs/activities/${activityId}`)).statusCode).toBe(200);
    expect(await database.db.selectFrom('micro_orgs').select('id').where('id', '=', microId).execute()).toHaveLength(1);
  });

  it('edits a micro-organization, keeping the founding date before its first activity', async () => {
    const other = (await township.request('POST', '/api/micro-orgs', { ...base(), name: '冯家湾互助组', kind: 'proximity' })).json() as Summary;
    await township.request('POST', `/api/micro-orgs/${other.id}/activities`, { heldOn: daysAgo(20), kind: 'mutualAid', title: '互助', peopleServed: 3, problemsSolved: 1 });
    expect((await township.request('PATCH', `/api/micro-orgs/${other.id}`, { foundedOn: daysAgo(10) })).json()).toMatchObject({ field: 'foundedOn' });
    const res = await township.request('PATCH', `/api/micro-orgs/${other.id}`, { name: '冯家湾邻里互助组', guideOrgId: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '冯家湾邻里互助组', guideOrg: null });
    const [entry] = await services.auditLog.list({ limit: 1, action: 'microOrg.update' });
    expect(entry!.detail).toMatchObject({ changed: { name: '冯家湾邻里互助组', guide_org_id: null } });
  });
});
