import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addPerson } from '../../testing/ledger-factory.ts';

const VILLAGE = '420506001001';

interface CurrentValue { key: string; label: string; value: string; source: string; sourceLabel: string; validFrom: string | null; recordedAt: string }
interface PersonBody { current: { item: string; label: string; values: CurrentValue[] }[]; openReviews: { id: number }[] }

/** The person page's current values: computed on the server from the facts, each with its source. */
describe('a person\'s current values and their sources', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let city: TestClient;
  let person: number;

  const currentOf = async (id: number) => {
    const res = await city.request('GET', `/api/people/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.json() as PersonBody, text: res.body };
  };
  const value = (body: PersonBody, item: string, key: string) => body.current.find((c) => c.item === item)?.values.find((v) => v.key === key);

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    city = await loginAs(app, services, 'cityOrgDept', '4205');
    person = (
      await addPerson(services, {
        name: '张三丰', idNumber: '420822198704188811', birthDate: '1987-04-18', gender: '1', divisionCode: VILLAGE, phones: ['13812345678'], employer: '宜昌顺通物流有限公司',
        workAddress: '夷陵区发展大道1号', occupation: '快递员', occupationGroup: '4', hukouAddress: '湖北省荆门市沙洋县后港镇长林村3组', movedOn: '2023-05-01',
      })
    ).personId;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('gives identity and each of the five items with value, source, valid-from and recorded-at, in order', async () => {
    const { body } = await currentOf(person);
    expect(body.current.map((c) => [c.item, c.label])).toEqual([
      ['identity', '身份信息'], ['hukou', '户口信息'], ['movedOn', '流动时间'], ['workAddress', '工作地址'], ['occupation', '从事职业'], ['contact', '联系方式'],
    ]);
    expect(value(body, 'identity', 'name')).toMatchObject({ value: '张三丰', source: 'police', sourceLabel: '公安', validFrom: null });
    expect(value(body, 'identity', 'gender')).toMatchObject({ label: '性别', value: '男' });
    expect(value(body, 'workAddress', 'employer')).toMatchObject({ label: '工作单位', value: '宜昌顺通物流有限公司', source: 'police', validFrom: '2023-05-01' });
    expect(value(body, 'movedOn', 'movedOn')).toMatchObject({ value: '2023-05-01', sourceLabel: '公安' });
    expect(value(body, 'movedOn', 'direction')).toMatchObject({ value: '流入' });
    expect(value(body, 'occupation', 'occupation')).toMatchObject({ value: '快递员' });
    expect(value(body, 'hukou', 'address')!.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('keeps contact values masked: the phone is never in the answer in full', async () => {
    const { body, text } = await currentOf(person);
    expect(value(body, 'contact', 'phones')).toMatchObject({ label: '电话', value: '138****5678', source: 'police' });
    expect(text).not.toContain('13812345678');
  });

  it('takes a newer value from another source, and ignores a later but less detailed one', async () => {
    // 计生 states a later move with a new employer (newer: current), and a less detailed household address.
    await addPerson(services, { name: '张三丰', idNumber: '420822198704188811', divisionCode: VILLAGE, source: 'familyPlanning', movedOn: '2024-09-01', employer: '宜昌东阳光药业股份有限公司', hukouAddress: '湖北省荆门市沙洋县' });
    const { body } = await currentOf(person);
    expect(value(body, 'workAddress', 'employer')).toMatchObject({ value: '宜昌东阳光药业股份有限公司', source: 'familyPlanning', sourceLabel: '计生', validFrom: '2024-09-01' });
    expect(value(body, 'movedOn', 'movedOn')).toMatchObject({ value: '2024-09-01', sourceLabel: '计生' });
    expect(value(body, 'hukou', 'address')).toMatchObject({ value: '湖北省荆门市沙洋县后港镇长林村3组', source: 'police' });
    // Keys the newer fact does not state keep their own source.
    expect(value(body, 'workAddress', 'address')).toMatchObject({ value: '夷陵区发展大道1号', source: 'police' });
    const row = (await city.request('GET', `/api/people/${person}`)).json() as { employer: string };
    expect(row.employer).toBe('宜昌东阳光药业股份有限公司');
  });

  it('does not show a disputed value as current until it is accepted, then shows it with its source', async () => {
    // 民政 says another employer for the same date: a conflict, not current.
    await addPerson(services, { name: '张三丰', idNumber: '420822198704188811', divisionCode: VILLAGE, source: 'civilAffairs', movedOn: '2024-09-01', employer: '宜昌鑫源快递服务部' });
    let { body } = await currentOf(person);
    expect(body.openReviews).toHaveLength(1);
    expect(value(body, 'workAddress', 'employer')).toMatchObject({ value: '宜昌东阳光药业股份有限公司', source: 'familyPlanning' });
    expect((await city.request('POST', `/api/reviews/${body.openReviews[0]!.id}/resolve`, { action: 'acceptIncoming' })).statusCode).toBe(200);
    ({ body } = await currentOf(person));
    expect(value(body, 'workAddress', 'employer')).toMatchObject({ value: '宜昌鑫源快递服务部', source: 'civilAffairs', sourceLabel: '民政' });
  });
});
