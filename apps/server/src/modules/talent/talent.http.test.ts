import { chinaToday } from '@xinxue/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, createUser, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addPerson } from '../../testing/ledger-factory.ts';

/** A date `offset` days from today as the server sees it (China's date, not UTC's). */
const chinaDay = (offset: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

describe('outstanding people and cultivation targets', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let township: TestClient;
  let youth: number;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    township = await loginAs(app, services, 'townshipCommittee', '420506001');
    youth = (await addPerson(services, { name: '陈晓', birthDate: '1998-06-01', divisionCode: '420506001001', direction: 'outbound', source: 'civilAffairs' })).personId;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('flags an outstanding person with why, by whom and how found, once', async () => {
    const res = await township.request('POST', `/api/people/${youth}/talent`, { reason: '在深圳务工期间带领老乡技能培训', nominatedBy: '宝安区流动党员党支部', foundVia: 'outboundBranch' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ personId: youth, foundViaLabel: '外出流动党员党支部推荐', nominatedBy: '宝安区流动党员党支部', targetId: null });
    expect((await township.request('POST', `/api/people/${youth}/talent`, { reason: '再次推荐的理由', nominatedBy: '某人', foundVia: 'grid' })).json().message).toBe('此人已在优秀分子数据库中');
    expect((await township.request('POST', `/api/people/${youth}/talent`, { reason: '短', nominatedBy: '某人', foundVia: 'grid' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    expect((await township.request('GET', '/api/talent?foundVia=outboundBranch')).json().items).toHaveLength(1);
    // The ledger list filters by the flag.
    await addPerson(services, { name: '未标记', divisionCode: '420506001001' });
    expect((await township.request('GET', '/api/people?flag=talent')).json().items.map((p: { id: number }) => p.id)).toEqual([youth]);
  });

  it('follows a cultivation target up: owner, cadence, contacts, overdue list, outbound youth', async () => {
    const res = await township.request('POST', `/api/people/${youth}/target`, { cadenceDays: 30, reserveCadre: true });
    expect(res.statusCode).toBe(200);
    const target = res.json() as { id: number; outboundYouth: boolean; reserveCadre: boolean; status: string; overdueDays: number };
    expect(target).toMatchObject({ outboundYouth: true, reserveCadre: true, status: 'active', overdueDays: 0 });
    expect((await township.request('POST', `/api/people/${youth}/target`, { cadenceDays: 3 })).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cadenceDays' });
    // Started 60 days ago and never contacted: 30 days overdue.
    const started = chinaDay(-60);
    await database.db.updateTable('cultivation_targets').set({ started_on: started }).where('id', '=', target.id).execute();
    const overdue = (await township.request('GET', '/api/targets?overdue=true')).json().items as { id: number; overdueDays: number }[];
    expect(overdue).toEqual([expect.objectContaining({ id: target.id, overdueDays: 30 })]);
    const future = chinaDay(1);
    expect((await township.request('POST', `/api/targets/${target.id}/contacts`, { channel: 'wechat', contactedOn: future, note: '微信交流' })).json()).toMatchObject({ field: 'contactedOn' });
    const today = chinaToday();
    const logged = (await township.request('POST', `/api/targets/${target.id}/contacts`, { channel: 'wechat', contactedOn: today, note: '微信交流思想情况' })).json();
    expect(logged.contacts).toEqual([expect.objectContaining({ channelLabel: '微信', contactedOn: today, note: '微信交流思想情况' })]);
    expect((await township.request('GET', '/api/targets?overdue=true')).json().items).toEqual([]);
    expect((await township.request('GET', `/api/talent`)).json().items[0].targetId).toBe(target.id);
  });

  it('refuses an owner whose scope does not cover the person', async () => {
    const other = await createUser(services, 'branchOrganizer', '420502001001');
    const person = (await addPerson(services, { name: '刘云', divisionCode: '420506001001' })).personId;
    expect((await township.request('POST', `/api/people/${person}/target`, { cadenceDays: 30, ownerId: other.id })).json()).toMatchObject({ field: 'ownerId', message: '跟踪联系人的管辖范围不包含此人' });
  });

  it('turns a target into an applicant in one action, telling the development workflow', async () => {
    const events: { personId: number; appliedOn: string }[] = [];
    services.talent.onBecameApplicant(async (_tx, e) => {
      events.push({ personId: e.personId, appliedOn: e.appliedOn });
    });
    const [target] = (await township.request('GET', '/api/targets')).json().items as { id: number }[];
    const applied = await township.request('POST', `/api/targets/${target!.id}/apply`, { appliedOn: '2026-11-20' });
    expect(applied.json()).toMatchObject({ status: 'applied', appliedOn: '2026-11-20' });
    expect(events).toEqual([{ personId: youth, appliedOn: '2026-11-20' }]);
    expect((await township.request('POST', `/api/targets/${target!.id}/contacts`, { channel: 'phone', contactedOn: '2026-11-21', note: '电话' })).json().message).toBe('该培养对象已不在跟踪中');
    const [entry] = await services.auditLog.list({ limit: 1, action: 'target.apply' });
    expect(entry!.objectIds).toEqual([youth]);
  });

  it('tells for one person whether they are outstanding, a target under follow-up, or an applicant', async () => {
    type Status = {
      personId: number;
      talent: { reason: string; nominatedBy: string; foundVia: string; foundViaLabel: string; flaggedBy: string | null } | null;
      target: { id: number; ownerName: string; cadenceDays: number; nextDueOn: string; overdueDays: number; overdue: boolean; reserveCadre: boolean } | null;
      applicant: { targetId: number; appliedOn: string } | null;
    };
    const statusOf = async (id: number) => {
      const res = await township.request('GET', `/api/people/${id}/talent-status`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Status;
    };
    // 陈晓: flagged by the outbound branch, followed up, and has applied: no longer an active target.
    const youthStatus = await statusOf(youth);
    expect(youthStatus.talent).toMatchObject({ reason: '在深圳务工期间带领老乡技能培训', nominatedBy: '宝安区流动党员党支部', foundVia: 'outboundBranch', foundViaLabel: '外出流动党员党支部推荐' });
    expect(youthStatus.talent!.flaggedBy).toBeTruthy();
    expect(youthStatus.target).toBeNull();
    expect(youthStatus.applicant).toMatchObject({ appliedOn: '2026-11-20' });

    // A fresh person: nothing, then an overdue target, and after a withdrawal no longer outstanding.
    const person = (await addPerson(services, { name: '周敏', divisionCode: '420506001001' })).personId;
    expect(await statusOf(person)).toEqual({ personId: person, talent: null, target: null, applicant: null });
    const target = (await township.request('POST', `/api/people/${person}/target`, { cadenceDays: 14, reserveCadre: true })).json() as { id: number };
    const started = chinaDay(-20);
    await database.db.updateTable('cultivation_targets').set({ started_on: started }).where('id', '=', target.id).execute();
    const followed = await statusOf(person);
    expect(followed.target).toMatchObject({ id: target.id, cadenceDays: 14, reserveCadre: true, overdueDays: 6, overdue: true });
    expect(followed.target!.ownerName).toBeTruthy();
    const flagged = (await township.request('POST', `/api/people/${person}/talent`, { reason: '网格走访中发现热心公益', nominatedBy: '冯家湾社区网格员', foundVia: 'grid' })).json() as { id: number };
    expect((await statusOf(person)).talent).toMatchObject({ id: flagged.id, foundVia: 'grid' });
    await township.request('POST', `/api/talent/${flagged.id}/withdraw`, { reason: '信息有误' });
    expect((await statusOf(person)).talent).toBeNull();

    // Scope: a person of another district is refused; an unknown one is not found.
    const outside = (await addPerson(services, { name: '外区', divisionCode: '420502001001' })).personId;
    const refused = await township.request('GET', `/api/people/${outside}/talent-status`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('管辖范围');
    expect((await township.request('GET', '/api/people/999999/talent-status')).statusCode).toBe(404);
  });
});
