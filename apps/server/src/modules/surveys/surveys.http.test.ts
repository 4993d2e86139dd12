import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, createUser, login, loginAs, TEST_PASSWORD, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addPerson } from '../../testing/ledger-factory.ts';

const VILLAGE = '420506001001';
const OUTSIDE_VILLAGE = '420502001001';

/** Everything a person needs for the five items, recorded now. */
const complete = { hukouAddress: '湖北省荆门市沙洋县', workAddress: '夷陵区发展大道1号', occupation: '快递员', phones: ['13812345678'], movedOn: '2024-03-01' };

interface Progress { gridId: number; total: number; checked: number; confirmed: number; corrected: number; notFound: number; movedAway: number; complete: number; percent: number }
interface SurveyBody { id: number; divisionCode: string; grids: Progress[]; totals: Progress }

describe('surveys over HTTP', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let township: TestClient;
  let worker: TestClient;
  let gridA: number;
  let gridB: number;
  let outsideGrid: number;
  let a1: number;
  let a2: number;
  let a3: number;
  let b1: number;
  let surveyId: number;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    const actor = cliActor();
    gridA = (await services.grids.create(null, { name: '第一网格', divisionCode: VILLAGE }, actor)).id;
    gridB = (await services.grids.create(null, { name: '第二网格', divisionCode: VILLAGE }, actor)).id;
    outsideGrid = (await services.grids.create(null, { name: '第一网格', divisionCode: OUTSIDE_VILLAGE }, actor)).id;
    a1 = (await addPerson(services, { name: '王一', idNumber: '420822198704188811', divisionCode: VILLAGE, gridId: gridA, employer: '甲公司', ...complete })).personId;
    a2 = (await addPerson(services, { name: '王二', divisionCode: VILLAGE, gridId: gridA, employer: '乙公司', ...complete, phones: ['13912340000'] })).personId;
    a3 = (await addPerson(services, { name: '王三', divisionCode: VILLAGE, gridId: gridA, employer: '丙公司' })).personId;
    b1 = (await addPerson(services, { name: '赵四', divisionCode: VILLAGE, gridId: gridB, ...complete, phones: ['13700001111'] })).personId;
    await addPerson(services, { name: '李梅', divisionCode: OUTSIDE_VILLAGE, gridId: outsideGrid, ...complete, phones: ['13600002222'] });
    // a1's items were recorded two years ago: stale until someone confirms them.
    const old = '2024-01-02T00:00:00.000Z';
    await database.db.updateTable('person_facts').set({ recorded_at: old }).where('person_id', '=', a1).execute();
    await database.db.updateTable('people').set({ hukou_at: old, movement_at: old, work_address_at: old, occupation_at: old, contact_at: old }).where('id', '=', a1).execute();
    township = await loginAs(app, services, 'townshipCommittee', '420506001');
    const workerUser = await createUser(services, 'gridWorker', VILLAGE);
    await services.grids.assignWorker(null, gridA, workerUser.id, actor);
    worker = await login(app, workerUser.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const progressOf = async (c: TestClient, id: number) => {
    const res = await c.request('GET', `/api/surveys/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SurveyBody;
  };

  it('creates a survey over chosen grids, inside the creator\'s scope only', async () => {
    const res = await township.request('POST', '/api/surveys', { name: '2026年冬季清查', startsOn: '2026-11-01', dueOn: '2026-12-31', gridIds: [gridA, gridB] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as SurveyBody;
    surveyId = body.id;
    expect(body.divisionCode).toBe(VILLAGE);
    expect(body.grids.map((g) => g.gridId)).toEqual([gridA, gridB]);

    const outside = await township.request('POST', '/api/surveys', { name: '越权', startsOn: '2026-11-01', dueOn: '2026-12-31', gridIds: [gridA, outsideGrid] });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toContain('管辖范围');
    expect((await township.request('POST', '/api/surveys', { name: '越权', startsOn: '2026-11-01', dueOn: '2026-12-31', within: '420502' })).statusCode).toBe(403);
    const both = await township.request('POST', '/api/surveys', { name: 'x', startsOn: '2026-11-01', dueOn: '2026-12-31', gridIds: [gridA], within: VILLAGE });
    expect(both.statusCode).toBe(400);
    const backwards = await township.request('POST', '/api/surveys', { name: 'x', startsOn: '2026-12-01', dueOn: '2026-11-01', gridIds: [gridA] });
    expect(backwards.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'dueOn' });
    // A grid worker may check people but not start a survey.
    expect((await worker.request('POST', '/api/surveys', { name: 'x', startsOn: '2026-11-01', dueOn: '2026-12-31', gridIds: [gridA] })).statusCode).toBe(403);

    const byArea = await township.request('POST', '/api/surveys', { name: '社区全覆盖', startsOn: '2026-11-01', dueOn: '2026-12-31', within: VILLAGE });
    expect(byArea.statusCode, byArea.body).toBe(200);
    expect((byArea.json() as SurveyBody).grids.map((g) => g.gridId).sort()).toEqual([gridA, gridB].sort());
  });

  it('shows exact progress per grid before any check', async () => {
    const body = await progressOf(township, surveyId);
    const [pa, pb] = body.grids;
    expect(pa).toMatchObject({ gridId: gridA, total: 3, checked: 0, complete: 1, percent: 0 });
    expect(pb).toMatchObject({ gridId: gridB, total: 1, checked: 0, complete: 1 });
    expect(body.totals).toMatchObject({ total: 4, checked: 0, complete: 2 });
  });

  it('shows a grid worker only their grid: its progress and its people', async () => {
    const list = (await worker.request('GET', '/api/surveys')).json() as { items: SurveyBody[] };
    const mine = list.items.find((s) => s.id === surveyId)!;
    expect(mine.grids.map((g) => g.gridId)).toEqual([gridA]);
    const people = await worker.request('GET', `/api/surveys/${surveyId}/people`);
    expect(people.statusCode).toBe(200);
    const body = people.json() as { total: number; items: { id: number; current: { phones: string[] } }[] };
    expect(body.items.map((p) => p.id).sort()).toEqual([a1, a2, a3].sort());
    expect(body.total).toBe(3);
    expect(JSON.stringify(body)).not.toContain('13912340000');
    expect(body.items.find((p) => p.id === a2)!.current.phones).toEqual(['139****0000']);
    // The township sees both grids.
    expect(((await township.request('GET', `/api/surveys/${surveyId}/people?pageSize=50`)).json() as { total: number }).total).toBe(4);
  });

  it('refuses a grid worker a person outside their grids', async () => {
    const res = await worker.request('POST', `/api/surveys/${surveyId}/checks`, { personId: b1, outcome: 'confirmed' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(res.json().message).toContain('管辖范围');
    const people = await worker.request('GET', `/api/surveys/${surveyId}/people?gridId=${gridB}`);
    expect((people.json() as { total: number }).total).toBe(0);
  });

  it('confirms a person: the five items are restated by the grid worker and count as recorded today', async () => {
    const res = await worker.request('POST', `/api/surveys/${surveyId}/checks`, { personId: a1, outcome: 'confirmed' });
    expect(res.statusCode, res.body).toBe(200);
    const person = (await township.request('GET', `/api/people/${a1}`)).json() as { fiveItems: { complete: boolean }; employer: string; history: { source: string; sourceLabel: string }[] };
    expect(person.fiveItems.complete).toBe(true);
    expect(person.employer).toBe('甲公司');
    expect(person.history.filter((h) => h.source === 'gridWorker')).toHaveLength(4);
    const [pa] = (await progressOf(township, surveyId)).grids;
    expect(pa).toMatchObject({ total: 3, checked: 1, confirmed: 1, corrected: 0, complete: 2, percent: 33 });
  });

  it('takes a correction as the person\'s current value, with source 网格员 in the history', async () => {
    const res = await worker.request('POST', `/api/surveys/${surveyId}/checks`, { personId: a2, outcome: 'corrected', corrections: { employer: '宜昌新材料有限公司', phone: '13511112222', occupation: '电工' }, note: '本人当面核实' });
    expect(res.statusCode, res.body).toBe(200);
    const person = (await township.request('GET', `/api/people/${a2}`)).json() as { employer: string; occupationGroup: string; history: { source: string; sourceLabel: string; values: { key: string; value: string }[] }[] };
    expect(person.employer).toBe('宜昌新材料有限公司');
    expect(person.occupationGroup).toBe('6');
    const work = person.history.find((h) => h.source === 'gridWorker' && h.values.some((v) => v.key === 'employer'))!;
    expect(work.sourceLabel).toBe('网格员');
    expect(work.values).toContainEqual(expect.objectContaining({ key: 'employer', value: '宜昌新材料有限公司' }));
    // The new phone is current and findable; the audit log names the fields, never the values.
    const found = (await township.request('GET', '/api/people?q=13511112222')).json() as { items: { id: number }[] };
    expect(found.items.map((i) => i.id)).toEqual([a2]);
    const [entry] = await services.auditLog.list({ limit: 1, action: 'survey.check' });
    expect(JSON.stringify(entry)).toContain('phone');
    expect(JSON.stringify(entry)).not.toContain('13511112222');
  });

  it('refuses a bad phone or date with a Chinese message naming the field, and writes nothing', async () => {
    const bad = await worker.request('POST', `/api/surveys/${surveyId}/checks`, { personId: a3, outcome: 'corrected', corrections: { phone: '12345' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    expect(bad.json().message).toContain('联系电话');
    const future = await worker.request('POST', `/api/surveys/${surveyId}/checks`, { personId: a3, outcome: 'corrected', corrections: { movedOn: '2099-01-01' } });
    expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'movedOn' });
    expect(future.json().message).toContain('流动时间');
    const empty = await worker.request('POST', `/api/surveys/${surveyId}/checks`, { personId: a3, outcome: 'corrected', corrections: {} });
    expect(empty.statusCode).toBe(400);
    expect((await progressOf(township, surveyId)).grids[0]!.checked).toBe(2);
  });

  it('records not found and moved away on the check; a re-check replaces the count', async () => {
    expect((await worker.request('POST', `/api/surveys/${surveyId}/checks`, { personId: a3, outcome: 'notFound', note: '三次上门未见' })).statusCode).toBe(200);
    let [pa] = (await progressOf(township, surveyId)).grids;
    expect(pa).toMatchObject({ total: 3, checked: 3, confirmed: 1, corrected: 1, notFound: 1, movedAway: 0, percent: 100 });
    expect((await worker.request('POST', `/api/surveys/${surveyId}/checks`, { personId: a3, outcome: 'movedAway', destination: '广东省深圳市' })).statusCode).toBe(200);
    [pa] = (await progressOf(township, surveyId)).grids;
    expect(pa).toMatchObject({ checked: 3, notFound: 0, movedAway: 1 });
    const people = (await worker.request('GET', `/api/surveys/${surveyId}/people?state=checked`)).json() as { items: { id: number; check: { outcome: string; destination: string | null } }[] };
    expect(people.items.find((p) => p.id === a3)!.check).toMatchObject({ outcome: 'movedAway', destination: '广东省深圳市' });
    expect(((await worker.request('GET', `/api/surveys/${surveyId}/people?state=unchecked`)).json() as { total: number }).total).toBe(0);
    const rows = await database.db.selectFrom('survey_checks').select('id').where('person_id', '=', a3).execute();
    expect(rows).toHaveLength(2);
    // b1 in grid B: checked by the township, counted in B only.
    expect((await township.request('POST', `/api/surveys/${surveyId}/checks`, { personId: b1, outcome: 'confirmed' })).statusCode).toBe(200);
    const body = await progressOf(township, surveyId);
    expect(body.grids[1]).toMatchObject({ gridId: gridB, total: 1, checked: 1, confirmed: 1, percent: 100 });
    expect(body.totals).toMatchObject({ total: 4, checked: 4, confirmed: 2, corrected: 1, movedAway: 1, percent: 100 });
  });

  it('refuses a person outside the survey\'s grids and an unknown survey', async () => {
    const other = (await township.request('POST', '/api/surveys', { name: '第二网格清查', startsOn: '2026-11-01', dueOn: '2026-12-31', gridIds: [gridB] })).json() as SurveyBody;
    const res = await township.request('POST', `/api/surveys/${other.id}/checks`, { personId: a1, outcome: 'confirmed' });
    expect(res.json()).toMatchObject({ code: 'SURVEY_PERSON_NOT_COVERED' });
    expect((await worker.request('GET', `/api/surveys/${other.id}`)).statusCode).toBe(403);
    expect((await township.request('GET', '/api/surveys/99999')).statusCode).toBe(404);
  });

  describe('closing and reopening', () => {
    let closing: number;
    let before: SurveyBody;

    it('closes a survey: only a manager may, it is logged, and the list tells open from closed', async () => {
      closing = ((await township.request('POST', '/api/surveys', { name: '年终清查', startsOn: '2026-11-01', dueOn: '2026-12-31', gridIds: [gridA, gridB] })).json() as SurveyBody).id;
      expect((await worker.request('POST', `/api/surveys/${closing}/checks`, { personId: a1, outcome: 'confirmed' })).statusCode).toBe(200);
      before = await progressOf(township, closing);
      expect(before.totals).toMatchObject({ total: 4, checked: 1, confirmed: 1 });
      // A grid worker checks people but does not manage surveys.
      expect((await worker.request('POST', `/api/surveys/${closing}/close`)).statusCode).toBe(403);

      const res = await township.request('POST', `/api/surveys/${closing}/close`);
      expect(res.statusCode, res.body).toBe(200);
      const closed = res.json() as SurveyBody & { status: string; closedAt: string | null; closedBy: string | null };
      expect(closed).toMatchObject({ status: 'closed', totals: before.totals, grids: before.grids });
      expect(closed.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(closed.closedBy).toBeTruthy();
      expect((await township.request('POST', `/api/surveys/${closing}/close`)).json()).toMatchObject({ code: 'CONFLICT', message: '该清查已经结束' });

      const [entry] = await services.auditLog.list({ limit: 1, action: 'survey.close' });
      expect(entry).toMatchObject({ objectIds: [closing], detail: { grids: 2, total: 4, checked: 1 } });

      const ids = async (c: TestClient, query: string) => ((await c.request('GET', `/api/surveys${query}`)).json() as { items: { id: number; status: string }[] }).items;
      expect((await ids(township, '?status=closed')).map((s) => s.id)).toEqual([closing]);
      expect((await ids(township, '?status=open')).map((s) => s.id)).not.toContain(closing);
      expect((await ids(township, '')).find((s) => s.id === closing)!.status).toBe('closed');
      // The grid worker's phone list asks for open surveys only.
      expect((await ids(worker, '?status=open')).map((s) => s.id)).not.toContain(closing);
      expect((await township.request('GET', '/api/surveys?status=finished')).statusCode).toBe(400);
    });

    it('refuses confirmations and corrections in a closed survey with a Chinese message, writing nothing', async () => {
      const checks = await database.db.selectFrom('survey_checks').select('id').where('survey_id', '=', closing).execute();
      const facts = await database.db.selectFrom('person_facts').select('id').where('person_id', '=', a2).execute();
      const confirm = await worker.request('POST', `/api/surveys/${closing}/checks`, { personId: a2, outcome: 'confirmed' });
      expect(confirm.statusCode).toBe(409);
      expect(confirm.json().code).toBe('SURVEY_CLOSED');
      expect(confirm.json().message).toMatch(/^该清查已于\d{4}-\d{2}-\d{2}结束，不能再登记核查结果/);
      const correct = await township.request('POST', `/api/surveys/${closing}/checks`, { personId: a2, outcome: 'corrected', corrections: { employer: '新单位' } });
      expect(correct.json().code).toBe('SURVEY_CLOSED');
      expect(await database.db.selectFrom('survey_checks').select('id').where('survey_id', '=', closing).execute()).toHaveLength(checks.length);
      expect(await database.db.selectFrom('person_facts').select('id').where('person_id', '=', a2).execute()).toHaveLength(facts.length);
    });

    it('keeps a closed survey\'s figures as they were at the close when people change later', async () => {
      // A newcomer in grid A, b1 moved into grid A, and a2 confirmed in another (open) survey.
      await addPerson(services, { name: '新来的', divisionCode: VILLAGE, gridId: gridA, ...complete, phones: ['13300003333'] });
      await database.db.updateTable('people').set({ grid_id: gridA }).where('id', '=', b1).execute();
      const open = (await township.request('POST', '/api/surveys', { name: '补充清查', startsOn: '2026-11-01', dueOn: '2026-12-31', gridIds: [gridA] })).json() as SurveyBody;
      expect((await worker.request('POST', `/api/surveys/${open.id}/checks`, { personId: a2, outcome: 'confirmed' })).statusCode).toBe(200);
      expect((await progressOf(township, open.id)).totals).toMatchObject({ total: 5, checked: 1 });

      const after = await progressOf(township, closing);
      expect(after.totals).toEqual(before.totals);
      expect(after.grids).toEqual(before.grids);
      // Seen by the grid worker: the frozen figures of their own grid only.
      const mine = await progressOf(worker, closing);
      expect(mine.grids).toEqual([before.grids[0]]);
    });

    it('reopens a closed survey: figures are live again and checks are taken again', async () => {
      expect((await worker.request('POST', `/api/surveys/${closing}/reopen`)).statusCode).toBe(403);
      const res = await township.request('POST', `/api/surveys/${closing}/reopen`, { reason: '新迁入人员需补查' });
      expect(res.statusCode, res.body).toBe(200);
      const reopened = res.json() as SurveyBody & { status: string; closedAt: string | null };
      expect(reopened).toMatchObject({ status: 'open', closedAt: null });
      expect(reopened.grids[0]).toMatchObject({ gridId: gridA, total: 5 });
      expect(reopened.grids[1]).toMatchObject({ gridId: gridB, total: 0 });
      const again = await township.request('POST', `/api/surveys/${closing}/reopen`);
      expect(again.json(), again.body).toMatchObject({ code: 'CONFLICT' });
      expect((await worker.request('POST', `/api/surveys/${closing}/checks`, { personId: a2, outcome: 'confirmed' })).statusCode).toBe(200);
      const [entry] = await services.auditLog.list({ limit: 1, action: 'survey.reopen' });
      expect(entry).toMatchObject({ objectIds: [closing], detail: { reason: '新迁入人员需补查' } });
      expect(await database.db.selectFrom('survey_grid_results').select('grid_id').where('survey_id', '=', closing).execute()).toEqual([]);
    });

    it('lets only a user whose scope covers every grid close a survey', async () => {
      const city = await loginAs(app, services, 'cityOrgDept', '4205');
      const mixed = (await city.request('POST', '/api/surveys', { name: '跨区清查', startsOn: '2026-11-01', dueOn: '2026-12-31', gridIds: [gridA, outsideGrid] })).json() as SurveyBody;
      const refused = await township.request('POST', `/api/surveys/${mixed.id}/close`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
      expect(refused.json().message).toContain('管辖范围');
      expect((await city.request('POST', `/api/surveys/${mixed.id}/close`)).statusCode).toBe(200);
      // The township sees the frozen figures of its own grid, not the other district's.
      const seen = await progressOf(township, mixed.id);
      expect(seen.grids.map((g) => g.gridId)).toEqual([gridA]);
      expect(seen.grids[0]).toMatchObject({ total: 5 });
    });
  });
});
