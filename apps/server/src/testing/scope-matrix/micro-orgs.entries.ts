import { chinaToday } from '@xinxue/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { Services } from '../../services.ts';
import { addPerson } from '../ledger-factory.ts';
import { type Fixture, INSIDE_VILLAGE, type MatrixModule, OUTSIDE_VILLAGE } from './types.ts';

const items = (res: LightMyRequestResponse) => ((res.json() as { items?: { id: number }[] }).items ?? []).map((i) => i.id);
const daysAgo = (n: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
let counter = 0;

async function microOrg(s: Services, divisionCode: string): Promise<number> {
  counter += 1;
  const { id } = await s.database.db
    .insertInto('micro_orgs')
    .values({ name: `微组织${counter}`, kind: 'proximity', division_code: divisionCode, guide_org_id: null, founded_on: daysAgo(300), created_by: null, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A person of the inside grid (so the grid worker sees them too). */
async function insidePerson(s: Services, f: Fixture): Promise<number> {
  counter += 1;
  return (await addPerson(s, { name: `参加者${counter}`, divisionCode: INSIDE_VILLAGE, gridId: f.insideGrid!, employer: `单位${counter}` })).personId;
}

async function activity(s: Services, microOrgId: number, participants: number[]): Promise<number> {
  const db = s.database.db;
  const { id } = await db
    .insertInto('micro_org_activities')
    .values({ micro_org_id: microOrgId, held_on: daysAgo(20), kind: 'service', title: '上门服务', people_served: 5, problems_solved: 1, recorded_by: null, recorded_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (participants.length) await db.insertInto('micro_org_activity_people').values(participants.map((person_id) => ({ activity_id: id, person_id }))).execute();
  return id;
}

async function backbone(s: Services, microOrgId: number): Promise<number> {
  const { id } = await s.database.db.insertInto('micro_org_backbones').values({ micro_org_id: microOrgId, name: '骨干', person_id: null, duty: '联络员', joined_on: daysAgo(200) }).returning('id').executeTakeFirstOrThrow();
  return id;
}

const exported = (marker: (f: Fixture) => number) => (res: LightMyRequestResponse, f: Fixture) => (Number(res.headers['x-export-count'] ?? 0) > 0 ? [marker(f)] : []);
const newActivity = (participantIds: number[]) => ({ heldOn: daysAgo(3), kind: 'study', title: '学习交流', peopleServed: 10, problemsSolved: 0, participantIds });

/** Micro-organizations: one in the inside village, one in the outside village, each with an activity. */
export const microOrgsMatrix: MatrixModule = {
  async setup(services, f) {
    const insideMicro = await microOrg(services, INSIDE_VILLAGE);
    const outsideMicro = await microOrg(services, OUTSIDE_VILLAGE);
    const insideActivity = await activity(services, insideMicro, [f.insidePerson!]);
    const outsideActivity = await activity(services, outsideMicro, [f.outsidePerson!]);
    const outsideBackbone = await backbone(services, outsideMicro);
    await services.database.db.insertInto('micro_org_reach').values({ micro_org_id: outsideMicro, person_id: f.outsidePerson!, since: daysAgo(100) }).execute();
    return { insideMicro, outsideMicro, insideActivity, outsideActivity, outsideBackbone };
  },
  entries: {
    'GET /api/micro-orgs': { outside: (c) => c.request('GET', '/api/micro-orgs?status=all'), inside: (c) => c.request('GET', '/api/micro-orgs'), listed: items, outsideIds: (f) => [f.outsideMicro!] },
    'POST /api/micro-orgs': {
      outside: (c) => c.request('POST', '/api/micro-orgs', { name: '越权微组织', kind: 'trade', divisionCode: OUTSIDE_VILLAGE, foundedOn: daysAgo(30) }),
      inside: (c) => c.request('POST', '/api/micro-orgs', { name: '新微组织', kind: 'trade', divisionCode: INSIDE_VILLAGE, foundedOn: daysAgo(30) }),
    },
    'GET /api/micro-orgs/stats': {
      outside: (c, f) => c.request('GET', `/api/micro-orgs/stats?microOrgId=${f.outsideMicro}`),
      inside: (c, f) => c.request('GET', `/api/micro-orgs/stats?microOrgId=${f.insideMicro}`),
    },
    'GET /api/micro-orgs/activities': {
      outside: (c) => c.request('GET', '/api/micro-orgs/activities?within=420502'),
      inside: (c) => c.request('GET', '/api/micro-orgs/activities'),
      listed: items,
      outsideIds: (f) => [f.outsideActivity!],
    },
    'GET /api/micro-orgs/activities.xlsx': {
      outside: (c) => c.request('GET', '/api/micro-orgs/activities.xlsx?within=420502'),
      inside: (c) => c.request('GET', '/api/micro-orgs/activities.xlsx'),
      listed: exported((f) => f.outsideActivity!),
      outsideIds: (f) => [f.outsideActivity!],
    },
    'GET /api/micro-orgs/activities/:activityId': {
      outside: (c, f) => c.request('GET', `/api/micro-orgs/activities/${f.outsideActivity}`),
      inside: (c, f) => c.request('GET', `/api/micro-orgs/activities/${f.insideActivity}`),
    },
    'PATCH /api/micro-orgs/activities/:activityId': {
      outside: (c, f) => c.request('PATCH', `/api/micro-orgs/activities/${f.outsideActivity}`, { note: '补充说明' }),
      inside: (c, f) => c.request('PATCH', `/api/micro-orgs/activities/${f.insideActivity}`, { note: '补充说明' }),
    },
    'POST /api/micro-orgs/activities/:activityId/talent': {
      outside: (c, f) => c.request('POST', `/api/micro-orgs/activities/${f.outsideActivity}/talent`, { personId: f.outsidePerson }),
      inside: async (c, f, s) => {
        const personId = await insidePerson(s, f);
        return c.request('POST', `/api/micro-orgs/activities/${await activity(s, f.insideMicro!, [personId])}/talent`, { personId });
      },
    },
    'GET /api/micro-orgs/:id': { outside: (c, f) => c.request('GET', `/api/micro-orgs/${f.outsideMicro}`), inside: (c, f) => c.request('GET', `/api/micro-orgs/${f.insideMicro}`) },
    'PATCH /api/micro-orgs/:id': {
      outside: (c, f) => c.request('PATCH', `/api/micro-orgs/${f.outsideMicro}`, { description: '越权修改' }),
      inside: (c, f) => c.request('PATCH', `/api/micro-orgs/${f.insideMicro}`, { description: `简介${Math.random()}` }),
    },
    'POST /api/micro-orgs/:id/dissolve': {
      outside: (c, f) => c.request('POST', `/api/micro-orgs/${f.outsideMicro}/dissolve`, { dissolvedOn: daysAgo(1), reason: '越权解散' }),
      inside: async (c, _f, s) => c.request('POST', `/api/micro-orgs/${await microOrg(s, INSIDE_VILLAGE)}/dissolve`, { dissolvedOn: daysAgo(1), reason: '成员外出' }),
    },
    'POST /api/micro-orgs/:id/backbones': {
      outside: (c, f) => c.request('POST', `/api/micro-orgs/${f.outsideMicro}/backbones`, { name: '越权', joinedOn: daysAgo(10) }),
      inside: (c, f) => c.request('POST', `/api/micro-orgs/${f.insideMicro}/backbones`, { name: '骨干党员', joinedOn: daysAgo(10) }),
    },
    'POST /api/micro-orgs/:id/backbones/:backboneId/leave': {
      outside: (c, f) => c.request('POST', `/api/micro-orgs/${f.outsideMicro}/backbones/${f.outsideBackbone}/leave`, { leftOn: daysAgo(1) }),
      inside: async (c, f, s) => c.request('POST', `/api/micro-orgs/${f.insideMicro}/backbones/${await backbone(s, f.insideMicro!)}/leave`, { leftOn: daysAgo(1) }),
    },
    'POST /api/micro-orgs/:id/reach': {
      outside: (c, f) => c.request('POST', `/api/micro-orgs/${f.outsideMicro}/reach`, { personIds: [f.insidePerson], since: daysAgo(5) }),
      inside: (c, f) => c.request('POST', `/api/micro-orgs/${f.insideMicro}/reach`, { personIds: [f.insidePerson], since: daysAgo(5) }),
    },
    'DELETE /api/micro-orgs/:id/reach/:personId': {
      outside: (c, f) => c.request('DELETE', `/api/micro-orgs/${f.outsideMicro}/reach/${f.outsidePerson}`),
      inside: async (c, f, s) => {
        const personId = await insidePerson(s, f);
        await s.database.db.insertInto('micro_org_reach').values({ micro_org_id: f.insideMicro!, person_id: personId, since: daysAgo(50) }).execute();
        return c.request('DELETE', `/api/micro-orgs/${f.insideMicro}/reach/${personId}`);
      },
    },
    'GET /api/micro-orgs/:id/activities': {
      outside: (c, f) => c.request('GET', `/api/micro-orgs/${f.outsideMicro}/activities`),
      inside: (c, f) => c.request('GET', `/api/micro-orgs/${f.insideMicro}/activities`),
    },
    'POST /api/micro-orgs/:id/activities': {
      outside: (c, f) => c.request('POST', `/api/micro-orgs/${f.outsideMicro}/activities`, newActivity([])),
      inside: (c, f) => c.request('POST', `/api/micro-orgs/${f.insideMicro}/activities`, newActivity([f.insidePerson!])),
    },
  },
};
