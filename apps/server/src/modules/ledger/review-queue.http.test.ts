import { idCheckChar } from '@xinxue/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addPerson } from '../../testing/ledger-factory.ts';

const VILLAGE = '420506001001';
const OTHER_TOWNSHIP_VILLAGE = '420506002001';
const OUTSIDE_VILLAGE = '420502001001';

interface Page { items: { id: number; kind: string; status: string; person: { id: number; name: string } }[]; total: number }

/** A conflict: 公安 and then 计生 name different employers for the same move date. */
async function conflictFor(services: Services, n: number, divisionCode: string) {
  const body = `42050619900101${String(n).padStart(3, '0')}`;
  const idNumber = body + idCheckChar(body);
  await addPerson(services, { name: `冲突${n}`, idNumber, divisionCode, employer: `甲单位${n}` });
  await addPerson(services, { name: `冲突${n}`, idNumber, divisionCode, source: 'familyPlanning', employer: `乙单位${n}` });
}

/** The review queue pages, and filters by kind, status and area, inside the caller's scope. */
describe('review queue paging and filters', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let county: TestClient;
  let township: TestClient;

  const get = async (c: TestClient, query: string) => {
    const res = await c.request('GET', `/api/reviews${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    for (let i = 1; i <= 23; i++) await conflictFor(services, i, VILLAGE);
    for (let i = 24; i <= 27; i++) await conflictFor(services, i, OTHER_TOWNSHIP_VILLAGE);
    await conflictFor(services, 28, OUTSIDE_VILLAGE);
    // Two possible duplicates: same name and birth month, no ID number.
    for (const name of ['王小红', '李小明']) {
      await addPerson(services, { name, birthDate: '1990-05-20', divisionCode: VILLAGE, employer: '甲' });
      const b = await addPerson(services, { name, birthDate: '1990-05-02', divisionCode: VILLAGE, source: 'civilAffairs', employer: '乙' });
      expect(b.queuedForReview).toBe(true);
    }
    county = await loginAs(app, services, 'countyOrgDept', '420506');
    township = await loginAs(app, services, 'townshipCommittee', '420506001');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('pages through the open items, oldest first, with the total', async () => {
    const first = await get(county, '?pageSize=10');
    expect(first.total).toBe(29);
    expect(first.items).toHaveLength(10);
    const third = await get(county, '?pageSize=10&page=3');
    expect(third.items).toHaveLength(9);
    const all = [...first.items, ...(await get(county, '?pageSize=10&page=2')).items, ...third.items].map((i) => i.id);
    expect(new Set(all).size).toBe(29);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect((await get(county, '?pageSize=10&page=4')).items).toEqual([]);
    // Default page size 20.
    expect((await get(county, '')).items).toHaveLength(20);
  });

  it('filters by kind, by area inside the scope, and never shows what lies outside it', async () => {
    expect((await get(county, '?kind=match')).total).toBe(2);
    expect((await get(county, '?kind=conflict')).total).toBe(27);
    const area = await get(county, `?within=${OTHER_TOWNSHIP_VILLAGE.slice(0, 9)}&pageSize=50`);
    expect(area.total).toBe(4);
    expect(area.items.map((i) => i.person.name).sort()).toEqual(['冲突24', '冲突25', '冲突26', '冲突27']);
    const mine = await get(township, '?pageSize=100');
    expect(mine.total).toBe(25);
    expect(mine.items.map((i) => i.person.name)).not.toContain('冲突24');
    // Asking for an area outside the scope gives nothing, not the other district's items.
    expect((await get(township, '?within=420502')).total).toBe(0);
    expect((await get(county, '?within=420502')).total).toBe(0);
  });

  it('moves resolved items to the resolved list, newest first', async () => {
    const [a, b] = (await get(township, '?kind=conflict&pageSize=2')).items;
    for (const item of [a!, b!]) expect((await township.request('POST', `/api/reviews/${item.id}/resolve`, { action: 'keepCurrent' })).statusCode).toBe(200);
    const resolved = await get(township, '?status=resolved');
    expect(resolved.total).toBe(2);
    expect(resolved.items.map((i) => i.id)).toEqual([b!.id, a!.id]);
    expect((await get(township, '')).total).toBe(23);
  });

  it('refuses bad paging or filters with a 400', async () => {
    for (const query of ['?page=0', '?pageSize=101', '?kind=other', '?status=closed', '?within=42x']) {
      const res = await county.request('GET', `/api/reviews${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});
