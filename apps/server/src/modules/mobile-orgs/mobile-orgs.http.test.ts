import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addPerson } from '../../testing/ledger-factory.ts';
import { addOutbound, insertMobileOrg, insertOrgMember } from './mobile-orgs.fixtures.ts';

const FJW = '420506001001'; // 夷陵区小溪塔街道冯家湾社区
const MAOPINGHE = '420506102001'; // 夷陵区雾渡河镇茅坪河社区
const TJT = '420502001001'; // 西陵区土街头社区

interface Row { destination: string; name: string; people: number; partyMembers: number; servedPeople: number; unservedPeople: number; orgs: { id: number; name: string }[]; coverage: string; rank: number }
interface ComparisonBody { totals: Record<string, number>; items: Row[] }
interface OrgBody { id: number; name: string; locationName: string; homeAreas: { code: string; name: string }[]; members: { full: number; probationary: number }; secretary: string | null; owned: boolean; mayDevelop: boolean | null; status: string }

describe('mobile organizations outside the city over HTTP', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let city: TestClient;
  let county: TestClient;
  let township: TestClient;
  let shenzhen: number;
  let dongguan: number;
  let shanghai: number;
  let hangzhou: number;
  let guangzhou: number;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    shenzhen = await insertMobileOrg(services, { name: '中共夷陵区驻深圳流动党员委员会', kind: 'committee', divisionCode: '420506000000', located: '440306000000', mayDevelop: true });
    dongguan = await insertMobileOrg(services, { name: '中共西陵区驻东莞流动党员支部委员会', divisionCode: '420502000000', located: '441900000000', homeAreas: ['420502000000'] });
    shanghai = await insertMobileOrg(services, { name: '中共宜昌市驻上海流动党员委员会', kind: 'committee', divisionCode: '420500000000', located: '310115000000', homeAreas: ['420506001000'] });
    hangzhou = await insertMobileOrg(services, { name: '中共夷陵区驻杭州流动党员支部委员会', divisionCode: '420506000000', located: '330110000000' });
    guangzhou = await insertMobileOrg(services, { name: '中共夷陵区驻广州流动党员支部委员会', divisionCode: '420506000000', located: '440111000000', status: 'dissolved' });
    await insertOrgMember(services, shenzhen, { name: '覃书记', membership: 'full', role: 'secretary' });
    await insertOrgMember(services, shenzhen, { name: '向党员', membership: 'full' });
    await insertOrgMember(services, shenzhen, { name: '田预备', membership: 'probationary' });
    await insertOrgMember(services, shenzhen, { name: '已转出', membership: 'full', leftOn: '2025-01-01' });

    await addOutbound(services, FJW, '440306000000', 5, { politicalStatus: '01' });
    await addOutbound(services, FJW, '320583000000', 4); // 苏州昆山: no organization at all
    await addOutbound(services, FJW, '310115000000', 2); // 上海: served by the city's organization (小溪塔街道)
    await addOutbound(services, MAOPINGHE, '310112000000', 3); // 上海: 雾渡河镇 is not among its home areas
    await addOutbound(services, FJW, '420106000000', 1); // 武汉
    await addOutbound(services, TJT, '441900000000', 2); // 西陵区 → 东莞
    // Not outbound, merged, or working inside the city: none of these count.
    await addPerson(services, { name: '流入者', divisionCode: FJW, direction: 'inbound' });
    const [merged] = await addOutbound(services, FJW, '320583000000', 1);
    const [survivor] = await addOutbound(services, FJW, '440306000000', 1);
    await database.db.updateTable('people').set({ merged_into: survivor! }).where('id', '=', merged!).execute();
    await addOutbound(services, FJW, '420502000000', 1);

    city = await loginAs(app, services, 'cityOrgDept', '4205');
    county = await loginAs(app, services, 'countyOrgDept', '420506');
    township = await loginAs(app, services, 'townshipCommittee', '420506001');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const compare = async (c: TestClient, query = '') => {
    const res = await c.request('GET', `/api/mobile-orgs/comparison${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ComparisonBody;
  };
  const list = async (c: TestClient, query = '') => {
    const res = await c.request('GET', `/api/mobile-orgs${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: OrgBody[] }).items;
  };

  it('lists mobile organizations with location, members and the may-develop decision', async () => {
    const items = await list(city);
    expect(items.map((o) => o.id).sort()).toEqual([shenzhen, dongguan, shanghai, hangzhou].sort());
    const sz = items.find((o) => o.id === shenzhen)!;
    expect(sz).toMatchObject({ locationName: '广东省深圳市宝安区', members: { full: 2, probationary: 1 }, secretary: '覃书记', mayDevelop: true, owned: true });
    expect(items.find((o) => o.id === shanghai)!.locationName).toBe('上海市浦东新区');
    expect(items.find((o) => o.id === shanghai)!.homeAreas).toEqual([{ code: '420506001000', name: '夷陵区小溪塔街道' }]);
    // Dissolved organizations are kept and listed on request.
    expect((await list(city, '?includeEnded=true')).find((o) => o.id === guangzhou)?.status).toBe('dissolved');
  });

  it('shows a user the organizations set up in their scope and those serving it, editable only the first', async () => {
    expect((await list(county)).map((o) => o.id).sort()).toEqual([shenzhen, shanghai, hangzhou].sort());
    const mine = await list(township);
    // The township sees the city's 上海 organization, which serves 小溪塔街道, but may not edit it.
    expect(mine.map((o) => o.id)).toEqual([shanghai]);
    expect(mine[0]!.owned).toBe(false);
    expect((await township.request('GET', `/api/mobile-orgs/${dongguan}`)).statusCode).toBe(403);
    expect((await township.request('GET', `/api/mobile-orgs/${shanghai}`)).statusCode).toBe(200);
    const refused = await township.request('PUT', `/api/mobile-orgs/${shanghai}/home-areas`, { homeAreas: ['420506001000'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('管辖范围');
  });

  it('sets the home areas an organization serves, audit-logged, and refuses areas outside the city or the scope', async () => {
    const res = await county.request('PUT', `/api/mobile-orgs/${shenzhen}/home-areas`, { homeAreas: ['420506000000', '420506001000', '420506000000'] });
    expect(res.statusCode, res.body).toBe(200);
    // 小溪塔街道 lies inside 夷陵区: it adds nothing and is dropped.
    expect((res.json() as OrgBody).homeAreas).toEqual([{ code: '420506000000', name: '夷陵区' }]);
    const [entry] = await services.auditLog.list({ limit: 1, action: 'mobileOrg.homeAreas' });
    expect(entry).toMatchObject({ objectIds: [shenzhen] });
    expect(JSON.stringify(entry)).toContain('420506000000');

    const outsideCity = await county.request('PUT', `/api/mobile-orgs/${shenzhen}/home-areas`, { homeAreas: ['440306000000'] });
    expect(outsideCity.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'homeAreas' });
    expect(outsideCity.json().message).toContain('本市');
    const outsideScope = await county.request('PUT', `/api/mobile-orgs/${shenzhen}/home-areas`, { homeAreas: ['420502000000'] });
    expect(outsideScope.statusCode).toBe(403);
    expect(outsideScope.json().message).toContain('西陵区');
    const unknown = await county.request('PUT', `/api/mobile-orgs/${shenzhen}/home-areas`, { homeAreas: ['420599999999'] });
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'homeAreas' });
    const badShape = await county.request('PUT', `/api/mobile-orgs/${shenzhen}/home-areas`, { homeAreas: ['4205'] });
    expect(badShape.statusCode).toBe(400);
    expect((await county.request('PUT', `/api/mobile-orgs/${guangzhou}/home-areas`, { homeAreas: [] })).statusCode).toBe(409);
    const plain = (await database.db.insertInto('party_orgs').values({ name: '中共冯家湾社区委员会', kind: 'committee', parent_id: null, division_code: FJW, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
    expect((await county.request('PUT', `/api/mobile-orgs/${plain}/home-areas`, { homeAreas: [] })).json()).toMatchObject({ code: 'MOBILE_ORG_NOT_FOUND' });
    // Nothing of the refused requests was written.
    expect((await list(county)).find((o) => o.id === shenzhen)!.homeAreas.map((a) => a.code)).toEqual(['420506000000']);
  });

  it('ranks destinations without a mobile organization first, then those leaving home areas unserved', async () => {
    const body = await compare(city);
    expect(body.items.map((r) => [r.destination, r.coverage, r.people])).toEqual([
      ['3205', 'noOrg', 4],
      ['4201', 'noOrg', 1],
      ['3101', 'partial', 5],
      ['4403', 'served', 6],
      ['4419', 'served', 2],
      ['3301', 'served', 0],
    ]);
    const sh = body.items.find((r) => r.destination === '3101')!;
    expect(sh).toMatchObject({ name: '上海市', servedPeople: 2, unservedPeople: 3, orgs: [{ id: shanghai }] });
    expect(body.items.find((r) => r.destination === '4403')).toMatchObject({ name: '广东省深圳市', partyMembers: 5, orgs: [{ id: shenzhen }] });
    expect(body.items[0]).toMatchObject({ rank: 1, name: '江苏省苏州市', orgs: [] });
    // The dissolved 广州 organization and the merged, inbound and in-city people count nowhere.
    expect(body.items.some((r) => r.destination === '4401' || r.destination === '4205')).toBe(false);
    expect(body.totals).toMatchObject({ people: 18, destinations: 5, noOrg: 2, partial: 1, served: 2, orgs: 4 });
  });

  it('groups by province on request', async () => {
    const body = await compare(city, '?by=province');
    expect(body.items.map((r) => [r.destination, r.coverage, r.people])).toEqual([
      ['32', 'noOrg', 4],
      ['42', 'noOrg', 1],
      ['31', 'partial', 5],
      ['44', 'served', 8],
      ['33', 'served', 0],
    ]);
    expect(body.items.find((r) => r.destination === '44')!.name).toBe('广东省');
  });

  it('respects the scope: a county and a township see only their own people and the organizations they may see', async () => {
    const countyView = await compare(county);
    expect(countyView.items.some((r) => r.destination === '4419')).toBe(false);
    expect(countyView.totals.people).toBe(16);
    const townshipView = await compare(township);
    expect(townshipView.items.map((r) => [r.destination, r.coverage, r.people])).toEqual([
      ['3205', 'noOrg', 4],
      ['4201', 'noOrg', 1],
      ['4403', 'served', 6],
      ['3101', 'served', 2],
    ]);
    // A filter outside the scope yields nothing rather than another area's people.
    expect((await compare(township, '?within=420502')).items).toEqual([]);
    expect((await compare(city, '?within=420502')).items.map((r) => r.destination)).toEqual(['4419']);
  });

  it('exports the list to .xlsx and logs the export', async () => {
    const res = await county.request('GET', '/api/mobile-orgs/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('市外流动党组织')!;
    const names = sheet.getColumn(1).values.slice(2);
    expect(names.sort()).toEqual(['中共夷陵区驻杭州流动党员支部委员会', '中共夷陵区驻深圳流动党员委员会', '中共宜昌市驻上海流动党员委员会'].sort());
    const shenzhenRow = sheet.getRow(2 + sheet.getColumn(1).values.slice(2).indexOf('中共夷陵区驻深圳流动党员委员会'));
    expect([shenzhenRow.getCell(3).value, shenzhenRow.getCell(5).value, shenzhenRow.getCell(6).value, shenzhenRow.getCell(9).value]).toEqual(['广东省深圳市宝安区', '夷陵区', 2, '是']);
    const [entry] = await services.auditLog.list({ limit: 1, action: 'mobileOrg.export' });
    expect(entry).toMatchObject({ objectIds: expect.arrayContaining([shenzhen, shanghai, hangzhou]) });
  });
});
