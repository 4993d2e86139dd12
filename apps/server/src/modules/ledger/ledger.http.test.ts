import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addPerson, multipartFile } from '../../testing/ledger-factory.ts';

const VILLAGE = '420506001001';

async function waitForImport(c: TestClient, id: number) {
  for (let i = 0; i < 200; i++) {
    const res = await c.request('GET', `/api/imports/${id}`);
    const body = res.json() as { status: string; percent: number };
    if (body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

describe('ledger over HTTP', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let city: TestClient;
  let zhang: number;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    city = await loginAs(app, services, 'cityOrgDept', '4205');
    zhang = (await addPerson(services, { name: '张三丰', idNumber: '420822198704188811', birthDate: '1987-04-18', gender: '1', divisionCode: VILLAGE, phones: ['13812345678'], employer: '宜昌顺通物流有限公司', workAddress: '夷陵区发展大道1号', occupation: '快递员', occupationGroup: '4', hukouAddress: '湖北省荆门市沙洋县' })).personId;
    await addPerson(services, { name: '李梅', idNumber: '500236196701162081', divisionCode: '420502001001', direction: 'outbound' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('pages newest first with the total on every page, also past the end', async () => {
    const pages = await Promise.all([1, 2, 3].map(async (page) => (await city.request('GET', `/api/people?pageSize=1&page=${page}`)).json() as { total: number; items: { id: number }[] }));
    expect(pages.map((p) => p.total)).toEqual([2, 2, 2]);
    expect(pages.map((p) => p.items.length)).toEqual([1, 1, 0]);
    expect(pages[0]!.items[0]!.id).toBeGreaterThan(pages[1]!.items[0]!.id);
    expect((await city.request('GET', '/api/people?q=zsf&page=2')).json()).toEqual({ total: 1, items: [] });
  });

  it('searches by name, pinyin initials, the last four of the ID and the phone, showing masked values', async () => {
    for (const q of ['张三', 'zsf', 'zhangsanfeng', '8811', '13812345678', '420822198704188811']) {
      const res = await city.request('GET', `/api/people?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { total: number; items: { id: number; idNumberMasked: string }[] };
      expect(body.total, q).toBe(1);
      expect(body.items[0]).toMatchObject({ id: zhang, idNumberMasked: '420822********8811' });
    }
    expect((await city.request('GET', '/api/people?q=wangwu')).json().total).toBe(0);
    expect((await city.request('GET', '/api/people?direction=outbound')).json().items.map((i: { name: string }) => i.name)).toEqual(['李梅']);
    const [entry] = await services.auditLog.list({ limit: 1, action: 'people.search' });
    expect(JSON.stringify(entry)).not.toContain('13812345678');
  });

  it('keeps no ID number or phone of a person in clear text in the database', async () => {
    // Hex MACs (the audit chain) are left out: a 64-digit hex string holds an 11-digit run by chance.
    const dump = (await database.dumpText()).replace(/[0-9a-f]{40,}/g, '');
    expect(dump).toContain('张三丰');
    expect(dump).not.toMatch(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/);
    expect(dump).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    if (database.rawBytes) {
      const bytes = await database.rawBytes();
      expect(bytes.includes('420822198704188811')).toBe(false);
      expect(bytes.includes('13812345678')).toBe(false);
    }
  });

  it('shows a person with the history of every value and its source, and logs the read', async () => {
    const res = await city.request('GET', `/api/people/${zhang}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { history: { kindLabel: string; sourceLabel: string; values: { label: string; value: string }[] }[]; fiveItems: { missing: string[] } };
    const work = body.history.find((h) => h.kindLabel === '工作情况')!;
    expect(work.sourceLabel).toBe('公安');
    expect(work.values).toContainEqual({ key: 'employer', label: '工作单位', value: '宜昌顺通物流有限公司' });
    const contact = body.history.find((h) => h.kindLabel === '联系方式')!;
    expect(contact.values).toContainEqual({ key: 'phones', label: '电话', value: '138****5678' });
    expect(body.fiveItems.missing).toEqual([]);
    const [entry] = await services.auditLog.list({ limit: 1, action: 'person.read' });
    expect(entry!.objectIds).toEqual([zhang]);
  });

  it('reveals the ID number only with a reason, and logs it', async () => {
    expect((await city.request('POST', `/api/people/${zhang}/reveal`, { field: 'idNumber', reason: '' })).json().code).toBe('REASON_REQUIRED');
    const res = await city.request('POST', `/api/people/${zhang}/reveal`, { field: 'idNumber', reason: '核实入党申请人身份' });
    expect(res.json()).toEqual({ value: '420822198704188811' });
    const inspector = await loginAs(app, services, 'inspector', '4205');
    expect((await inspector.request('POST', `/api/people/${zhang}/reveal`, { field: 'phones', reason: '核实入党申请人身份' })).statusCode).toBe(403);
    const [entry] = await services.auditLog.list({ limit: 1, action: 'person.reveal' });
    expect(entry).toMatchObject({ objectIds: [zhang], detail: { field: 'idNumber', reason: '核实入党申请人身份' } });
  });

  it('exports the filter masked, and in full only with a reason', async () => {
    const masked = await city.request('POST', '/api/people/export', { filter: { within: '420506' }, format: 'csv' });
    expect(masked.statusCode).toBe(200);
    expect(masked.headers['content-disposition']).toMatch(/attachment/);
    expect(masked.body).toContain('420822********8811');
    expect(masked.body).toContain('138****5678');
    expect(masked.body).not.toContain('李梅');
    const full = await city.request('POST', '/api/people/export', { filter: { within: '420506' }, format: 'xlsx', reveal: true, reason: '上报组织部备案' });
    expect(full.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(full.rawPayload as unknown as ArrayBuffer);
    const values = workbook.worksheets[0]!.getRow(3).values as unknown[];
    expect(values).toContain('420822198704188811');
    const [entry] = await services.auditLog.list({ limit: 1, action: 'people.export' });
    expect(entry).toMatchObject({ detail: { format: 'xlsx', count: 1, revealed: true, reason: '上报组织部备案' } });
  });

  it('aggregates five-items completeness by area', async () => {
    const res = await city.request('GET', '/api/ledger/completeness?within=4205&by=county');
    const items = res.json().items as { key: string; name: string; total: number; complete: number }[];
    expect(items).toEqual([
      { key: '420502', name: '西陵区', total: 1, complete: 0, items: { hukou: 0, movedOn: 1, workAddress: 0, occupation: 0, contact: 0 } },
      { key: '420506', name: '夷陵区', total: 1, complete: 1, items: { hukou: 1, movedOn: 1, workAddress: 1, occupation: 1, contact: 1 } },
    ]);
  });

  it('resolves a conflict between sources by taking the incoming value', async () => {
    await addPerson(services, { name: '张三丰', idNumber: '420822198704188811', divisionCode: VILLAGE, source: 'familyPlanning', employer: '宜昌鑫源快递服务部' });
    const reviews = (await city.request('GET', '/api/reviews?kind=conflict')).json().items as { id: number; differences: { label: string; incoming: string; incomingSource: string; current: string; currentSource: string }[] }[];
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.differences).toEqual([{ key: 'employer', label: '工作单位', incoming: '宜昌鑫源快递服务部', incomingSource: '计生', current: '宜昌顺通物流有限公司', currentSource: '公安' }]);
    const res = await city.request('POST', `/api/reviews/${reviews[0]!.id}/resolve`, { action: 'acceptIncoming' });
    expect(res.json()).toMatchObject({ status: 'resolved', resolution: 'acceptIncoming' });
    expect((await city.request('GET', `/api/people/${zhang}`)).json().employer).toBe('宜昌鑫源快递服务部');
    expect((await city.request('POST', `/api/reviews/${reviews[0]!.id}/resolve`, { action: 'keepCurrent' })).json().code).toBe('REVIEW_ALREADY_RESOLVED');
  });

  it('merges a possible duplicate and undoes the merge; ids never change', async () => {
    const a = (await addPerson(services, { name: '王小红', birthDate: '1990-05-20', divisionCode: VILLAGE, employer: '甲' })).personId;
    const b = await addPerson(services, { name: '王小红', birthDate: '1990-05-02', divisionCode: VILLAGE, source: 'civilAffairs', employer: '乙' });
    expect(b.queuedForReview).toBe(true);
    const [item] = (await city.request('GET', '/api/reviews?kind=match')).json().items as { id: number; score: number; parts: { detail: string }[] }[];
    expect(item!.parts.map((p) => p.detail)).toEqual(['姓名相同', '出生年月相同']);
    expect((await city.request('POST', `/api/reviews/${item!.id}/resolve`, { action: 'merge' })).statusCode).toBe(200);
    const list = (await city.request('GET', '/api/people?q=王小红')).json() as { total: number; items: { id: number }[] };
    expect(list).toMatchObject({ total: 1, items: [{ id: a }] });
    const detail = (await city.request('GET', `/api/people/${a}`)).json() as { history: { sourceLabel: string }[]; merges: { id: number }[] };
    expect(detail.history.map((h) => h.sourceLabel)).toContain('民政');
    expect((await city.request('POST', `/api/merges/${detail.merges[0]!.id}/undo`)).statusCode).toBe(200);
    expect((await city.request('GET', '/api/people?q=王小红')).json().total).toBe(2);
    expect((await city.request('GET', `/api/people/${b.personId}`)).json().id).toBe(b.personId);
  });

  it('imports an uploaded file in the background with progress, and reports rejected rows as .xlsx', async () => {
    const csv = `\uFEFF宜昌市流动人口登记表\r\n姓名,公民身份号码,现住址,流入时间,手机(本人)\r\n周七,,湖北省宜昌市夷陵区小溪塔街道兴安社区,2024-01-01,13900001111\r\n赵八,420506199003071230,湖北省宜昌市夷陵区小溪塔街道,2024-01-01,\r\n`;
    const { payload, headers } = multipartFile('police.csv', csv);
    const preview = await city.raw('POST', '/api/imports/preview?source=police', payload, headers);
    expect(preview.statusCode).toBe(200);
    const p = preview.json() as { uploadId: string; headerRow: number; headers: string[]; mapping: Record<string, string>; mappingSource: string };
    expect(p).toMatchObject({ headerRow: 2, mappingSource: 'guessed', mapping: { 0: 'name', 1: 'idNumber', 2: 'residenceAddress', 3: 'movedOn' } });
    const started = await city.request('POST', '/api/imports', { uploadId: p.uploadId, source: 'police', mapping: { ...p.mapping, 4: 'phone' }, saveMapping: true, headers: p.headers });
    expect(started.statusCode).toBe(200);
    const status = await waitForImport(city, started.json().importId as number);
    expect(status).toMatchObject({ status: 'done', percent: 100, rows: 2, created: 1, rejected: 1 });
    expect((await city.request('GET', '/api/people?q=13900001111')).json().total).toBe(1);
    const report = await city.request('GET', `/api/imports/${started.json().importId}/rejections.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).values).toEqual([undefined, 4, '公民身份号码', '公民身份号码校验码错误']);
    // The corrected mapping was saved for this layout: the next preview uses it.
    const again = await city.raw('POST', '/api/imports/preview?source=police', multipartFile('police.csv', csv).payload, headers);
    expect(again.statusCode).toBe(400); // a different boundary: the body does not parse
    const m = multipartFile('police.csv', csv);
    const second = (await city.raw('POST', '/api/imports/preview?source=police', m.payload, m.headers)).json() as { mappingSource: string; mapping: Record<string, string> };
    expect(second).toMatchObject({ mappingSource: 'saved', mapping: { 4: 'phone' } });
  });
});

describe('searching by letters that are initials for some people and the start of the pinyin for others', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let city: TestClient;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    city = await loginAs(app, services, 'cityOrgDept', '4205');
    // 刘 matches 'l' twice (initials and pinyin), 李梅 and 刘洋 by the pinyin only; 陈亮 not at all.
    for (const name of ['刘', '李梅', '陈亮', '刘洋']) ids[name] = (await addPerson(services, { name, divisionCode: VILLAGE })).personId;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('counts each person once and pages the union newest first', async () => {
    const page = async (q: string, n: number, size: number) => (await city.request('GET', `/api/people?q=${q}&page=${n}&pageSize=${size}`)).json() as { total: number; items: { id: number }[] };
    const newestFirst = [ids['刘洋']!, ids['李梅']!, ids['刘']!];
    const [first, second, past] = [await page('l', 1, 2), await page('l', 2, 2), await page('l', 3, 2)];
    expect([first.total, second.total, past.total]).toEqual([3, 3, 3]);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(newestFirst);
    expect(past.items).toEqual([]);
    // Initials alone, and a pinyin start alone.
    expect((await page('ly', 1, 20)).items.map((i) => i.id)).toEqual([ids['刘洋']!]);
    expect((await page('liu', 1, 20)).items.map((i) => i.id)).toEqual([ids['刘洋']!, ids['刘']!]);
  });
});
