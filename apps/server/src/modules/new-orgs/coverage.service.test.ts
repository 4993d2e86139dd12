import { chinaToday } from '@xinxue/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestServices, type TestDatabase } from '../../testing/harness.ts';
import { addPartyOrg, addUnit, cover } from '../../testing/new-orgs-files.ts';
import { monthEnds } from './coverage-math.ts';

const ctxFor = (scope: string): RequestContext => ({ user: { id: 1, username: 'u', displayName: '测试', role: 'cityOrgDept', scope: { divisionPrefix: scope, orgId: null } }, ip: '127.0.0.1' });
const city = ctxFor('4205');

describe('coverage', () => {
  let services: Services;
  let database: TestDatabase;
  const u: Record<string, number> = {};

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    const p1 = await addPartyOrg(services, { name: '兴发机械党支部' });
    const p2 = await addPartyOrg(services, { name: '小溪塔商贸联合党支部', divisionCode: '420506001000', formation: 'joint' });
    const p3 = await addPartyOrg(services, { name: '冯家湾社区党委', hostKind: 'community' });
    const p4 = await addPartyOrg(services, { name: '已注销企业党支部' });
    u.u1 = await addUnit(services, { name: '兴发机械', divisionCode: '420506001001', employees: 120, partyMembers: 4, registeredOn: '2015-01-01' });
    u.u2 = await addUnit(services, { name: '顺达商贸', divisionCode: '420506001002', employees: 12, partyMembers: 1, registeredOn: '2019-01-01' });
    u.u3 = await addUnit(services, { name: '峡江小厂', divisionCode: '420506001003', employees: 8, partyMembers: 2, registeredOn: '2019-01-01' });
    u.u4 = await addUnit(services, { name: '阳光社工', kind: 'socialOrg', industry: 'P', divisionCode: '420506001001', employees: 30, partyMembers: 0, registeredOn: '2018-01-01' });
    u.u5 = await addUnit(services, { name: '西陵百货', industry: 'F', divisionCode: '420502001001', employees: 300, partyMembers: 10, registeredOn: '2010-01-01' });
    u.u6 = await addUnit(services, { name: '平湖五金', divisionCode: '420506001005', employees: 5, partyMembers: 1, registeredOn: '2020-01-01' });
    u.u7 = await addUnit(services, { name: '旧厂', divisionCode: '420506001001', employees: 50, partyMembers: 3, registeredOn: '2010-01-01', deregisteredOn: '2025-06-01' });
    u.u8 = await addUnit(services, { name: '新厂', divisionCode: '420506001001', employees: 40, partyMembers: 0, registeredOn: '2026-01-01' });
    await cover(services, u.u1, p1, 'standalone', '2024-03-01');
    await cover(services, u.u2, p2, 'joint', '2025-01-10');
    await cover(services, u.u3, p2, 'joint', '2025-01-10', '2025-09-01');
    await cover(services, u.u4, p3, 'attached', '2023-05-01');
    await cover(services, u.u7, p4, 'standalone', '2022-01-01');
  });
  afterAll(async () => database?.close());

  it('counts registered units and the covered among them, by kind, township, industry, size and formation', async () => {
    const s = await services.coverage.summary(city, { asOf: '2025-12-31', by: 'township' });
    expect(s.totals).toEqual({ total: 6, covered: 3, blank: 3, rate: 0.5, blankPartyMembers: 13 });
    expect(s.byKind).toEqual([
      { kind: 'enterprise', label: '非公企业', total: 5, covered: 2, blank: 3, rate: 0.4, blankPartyMembers: 13 },
      { kind: 'socialOrg', label: '社会组织', total: 1, covered: 1, blank: 0, rate: 1, blankPartyMembers: 0 },
    ]);
    expect(s.byDivision.map(({ code, name, total, covered, rate }) => ({ code, name, total, covered, rate }))).toEqual([
      { code: '420502001000', name: '西陵区 西陵街道', total: 1, covered: 0, rate: 0 },
      { code: '420506001000', name: '夷陵区 小溪塔街道', total: 5, covered: 3, rate: 0.6 },
    ]);
    expect(s.byIndustry.map(({ industry, total, covered }) => [industry, total, covered])).toEqual([['C', 4, 2], ['F', 1, 0], ['P', 1, 1]]);
    expect(s.bySize.map(({ sizeBand, total, covered }) => [sizeBand, total, covered])).toEqual([['micro', 2, 0], ['small', 2, 2], ['medium', 0, 0], ['large', 1, 1], ['huge', 1, 0]]);
    expect(s.formationMix).toEqual([
      { formation: 'standalone', label: '单独组建', units: 1, orgs: 1 },
      { formation: 'joint', label: '联合组建', units: 1, orgs: 1 },
      { formation: 'attached', label: '挂靠组建', units: 1, orgs: 1 },
    ]);
  });

  it('computes past dates from registration, deregistration and coverage dates', async () => {
    const may = await services.coverage.summary(city, { asOf: '2025-05-31' });
    expect(may.totals).toMatchObject({ total: 7, covered: 5 });
    expect(may.formationMix.find((f) => f.formation === 'joint')).toEqual({ formation: 'joint', label: '联合组建', units: 2, orgs: 1 });
    const dec24 = await services.coverage.summary(city, { asOf: '2024-12-31' });
    expect(dec24.totals).toMatchObject({ total: 7, covered: 3 });
    // valid_to is the first day without coverage; deregistered_on the first day without the unit.
    expect((await services.coverage.summary(city, { asOf: '2025-08-31' })).totals).toMatchObject({ total: 6, covered: 4 });
    expect((await services.coverage.summary(city, { asOf: '2025-09-01' })).totals).toMatchObject({ total: 6, covered: 3 });
    await expect(services.coverage.summary(city, { asOf: '2999-01-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'asOf' });
  });

  it('gives the monthly trend as of each month end', async () => {
    const today = chinaToday();
    const months = (Number(today.slice(0, 4)) - 2024) * 12 + Number(today.slice(5, 7)) - 12 + 1;
    const { points } = await services.coverage.trend(city, { months });
    expect(points).toHaveLength(months);
    expect(points[0]).toMatchObject({ month: '2024-12', asOf: '2024-12-31', total: 7, covered: 3 });
    const may = points.find((p) => p.month === '2025-05')!;
    expect(may).toMatchObject({ asOf: '2025-05-31', total: 7, covered: 5, rate: 0.7143 });
    expect(may.byKind.find((k) => k.kind === 'enterprise')).toMatchObject({ total: 6, covered: 4 });
    expect(points.at(-1)).toMatchObject({ asOf: today, total: 7, covered: 3 });
    expect(monthEnds('2026-03-15', 3)).toEqual([{ month: '2026-01', asOf: '2026-01-31' }, { month: '2026-02', asOf: '2026-02-28' }, { month: '2026-03', asOf: '2026-03-15' }]);
  });

  it('lists blank spots with party members and advice, sorted and filtered', async () => {
    const spots = await services.coverage.blankSpots(city, { asOf: '2025-12-31' });
    expect(spots.total).toBe(3);
    expect(spots.partyMembers).toBe(13);
    expect(spots.items.map((i) => [i.name, i.partyMembers, i.advice])).toEqual([['西陵百货', 10, 'standalone'], ['峡江小厂', 2, 'jointOrAttached'], ['平湖五金', 1, 'jointOrAttached']]);
    expect(spots.items[0]).toMatchObject({ adviceLabel: '党员3名以上，可单独组建', sizeBand: 'huge', coverage: null, divisionName: '西陵区 西陵街道 土街头社区居民委员会' });
    expect(spots.byAdvice).toEqual([
      { advice: 'standalone', label: '党员3名以上，可单独组建', count: 1 },
      { advice: 'jointOrAttached', label: '党员不足3名，宜联合或挂靠组建', count: 2 },
      { advice: 'instructor', label: '暂无党员，宜选派党建指导员', count: 0 },
    ]);
    expect((await services.coverage.blankSpots(city, { asOf: '2025-12-31', sort: 'employees' })).items.map((i) => i.name)).toEqual(['西陵百货', '峡江小厂', '平湖五金']);
    expect((await services.coverage.blankSpots(city, { asOf: '2025-12-31', sizeBand: 'micro' })).items.map((i) => i.name)).toEqual(['峡江小厂', '平湖五金']);
    expect((await services.coverage.blankSpots(city, { asOf: '2025-12-31', advice: 'standalone' })).total).toBe(1);
    expect((await services.coverage.blankSpots(city, { asOf: '2025-12-31', industry: 'F' })).items.map((i) => i.name)).toEqual(['西陵百货']);
    const paged = await services.coverage.blankSpots(city, { asOf: '2025-12-31' }, 2, 2);
    expect(paged.items.map((i) => i.name)).toEqual(['平湖五金']);
    // Today the new factory (registered 2026, no members, not covered) is a blank spot too.
    const now = await services.coverage.blankSpots(city, {});
    expect(now.items.map((i) => i.name)).toContain('新厂');
  });

  it('suggests joint groups: blank spots of one township and industry, two or more, with three or more party members', async () => {
    const { items } = await services.coverage.jointGroups(city, {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ townshipCode: '420506001000', townshipName: '夷陵区 小溪塔街道', industry: 'C', unitCount: 3, partyMembers: 3, employees: 53, hostKind: 'enterprise' });
    // The factory registered in 2026 has no members yet but can join; 西陵百货 can form its own branch and is not grouped.
    expect(items[0]!.units.map((x) => x.id)).toEqual([u.u3, u.u6, u.u8]);
    // Once one of them is covered, the cluster no longer qualifies.
    const p = await addPartyOrg(services, { name: '平湖五金党支部' });
    await cover(services, u.u6!, p, 'standalone', '2026-01-02');
    expect((await services.coverage.jointGroups(city, {})).items).toHaveLength(0);
  });

  it('keeps to the scope and to a division inside it', async () => {
    const township = await services.coverage.summary(ctxFor('420506001'), { asOf: '2025-12-31' });
    expect(township.by).toBe('village');
    expect(township.totals).toMatchObject({ total: 5, covered: 3 });
    expect(township.byDivision.every((d) => d.code.startsWith('420506001'))).toBe(true);
    const xiling = await services.coverage.summary(city, { asOf: '2025-12-31', within: '420502' });
    expect(xiling.totals).toMatchObject({ total: 1, covered: 0 });
    expect(xiling.by).toBe('township');
    const outside = await services.coverage.blankSpots(ctxFor('420506001'), { asOf: '2025-12-31', within: '420502' });
    expect(outside.total).toBe(0);
    const trend = await services.coverage.trend(ctxFor('420502'), { months: 2 });
    expect(trend.points.at(-1)).toMatchObject({ total: 1, covered: 0 });
  });
});
