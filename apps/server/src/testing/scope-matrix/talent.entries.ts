import { addPerson } from '../ledger-factory.ts';
import { INSIDE_VILLAGE, type MatrixModule, OUTSIDE_VILLAGE } from './types.ts';

const items = (res: { json(): unknown }) => ((res.json() as { items: { id: number }[] }).items ?? []).map((i) => i.id);
let counter = 0;

/** A fresh person inside the scope (in the inside grid, so the grid worker sees them too). */
async function freshInsidePerson(s: Parameters<MatrixModule['setup']>[0], gridId: number): Promise<number> {
  counter += 1;
  return (await addPerson(s, { name: `培养${counter}`, divisionCode: INSIDE_VILLAGE, gridId, birthDate: '1995-01-01', source: 'police', employer: `单位${counter}` })).personId;
}

async function freshTarget(s: Parameters<MatrixModule['setup']>[0], gridId: number, ownerId: number): Promise<number> {
  const personId = await freshInsidePerson(s, gridId);
  const { id } = await s.database.db
    .insertInto('cultivation_targets')
    .values({ person_id: personId, owner_id: ownerId, cadence_days: 30, reserve_cadre: 0, outbound_youth: 0, status: 'active', started_on: '2026-01-01', created_by: null, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export const talentMatrix: MatrixModule = {
  async setup(services, f) {
    const db = services.database.db;
    const entry = (personId: number) =>
      db.insertInto('talent_entries').values({ person_id: personId, reason: '表现突出', nominated_by: '网格员', found_via: 'grid', flagged_by: null, flagged_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    const insideTalent = (await entry(f.insidePerson!)).id;
    const outsideTalent = (await entry(f.outsidePerson!)).id;
    const target = (personId: number) =>
      db.insertInto('cultivation_targets').values({ person_id: personId, owner_id: f.insideUser!, cadence_days: 30, reserve_cadre: 0, outbound_youth: 0, status: 'active', started_on: '2026-01-01', created_by: null, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    const insideTarget = (await target(f.insidePerson!)).id;
    const outsidePersonForTarget = (await addPerson(services, { name: '外区对象', divisionCode: OUTSIDE_VILLAGE })).personId;
    const outsideTarget = (await target(outsidePersonForTarget)).id;
    return { insideTalent, outsideTalent, insideTarget, outsideTarget };
  },
  entries: {
    'GET /api/talent': { outside: (c) => c.request('GET', '/api/talent?within=420502'), inside: (c) => c.request('GET', '/api/talent'), listed: items, outsideIds: (f) => [f.outsideTalent!] },
    'POST /api/people/:id/talent': {
      outside: (c, f) => c.request('POST', `/api/people/${f.outsidePerson}/talent`, { reason: '服务中表现突出', nominatedBy: '社区书记', foundVia: 'service' }),
      inside: async (c, f, s) => c.request('POST', `/api/people/${await freshInsidePerson(s, f.insideGrid!)}/talent`, { reason: '服务中表现突出', nominatedBy: '社区书记', foundVia: 'service' }),
    },
    'POST /api/talent/:id/withdraw': {
      outside: (c, f) => c.request('POST', `/api/talent/${f.outsideTalent}/withdraw`, { reason: '信息有误' }),
      inside: async (c, f, s) => {
        const personId = await freshInsidePerson(s, f.insideGrid!);
        const { id } = await s.database.db.insertInto('talent_entries').values({ person_id: personId, reason: '表现突出', nominated_by: '网格员', found_via: 'grid', flagged_by: null, flagged_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
        return c.request('POST', `/api/talent/${id}/withdraw`, { reason: '信息有误' });
      },
    },
    'GET /api/people/:id/talent-status': {
      outside: (c, f) => c.request('GET', `/api/people/${f.outsidePerson}/talent-status`),
      inside: (c, f) => c.request('GET', `/api/people/${f.insidePerson}/talent-status`),
    },
    'GET /api/targets': { outside: (c) => c.request('GET', '/api/targets?within=420502'), inside: (c) => c.request('GET', '/api/targets'), listed: items, outsideIds: (f) => [f.outsideTarget!] },
    'GET /api/targets/:id': { outside: (c, f) => c.request('GET', `/api/targets/${f.outsideTarget}`), inside: (c, f) => c.request('GET', `/api/targets/${f.insideTarget}`) },
    'POST /api/people/:id/target': {
      outside: (c, f) => c.request('POST', `/api/people/${f.outsidePerson}/target`, { cadenceDays: 30 }),
      inside: async (c, f, s) => c.request('POST', `/api/people/${await freshInsidePerson(s, f.insideGrid!)}/target`, { cadenceDays: 30 }),
    },
    'POST /api/targets/:id/contacts': {
      outside: (c, f) => c.request('POST', `/api/targets/${f.outsideTarget}/contacts`, { channel: 'phone', contactedOn: '2026-02-01', note: '电话联系' }),
      inside: (c, f) => c.request('POST', `/api/targets/${f.insideTarget}/contacts`, { channel: 'phone', contactedOn: '2026-02-01', note: '电话联系' }),
    },
    'POST /api/targets/:id/apply': {
      outside: (c, f) => c.request('POST', `/api/targets/${f.outsideTarget}/apply`, { appliedOn: '2026-03-01' }),
      inside: async (c, f, s) => c.request('POST', `/api/targets/${await freshTarget(s, f.insideGrid!, f.insideUser!)}/apply`, { appliedOn: '2026-03-01' }),
    },
    'POST /api/targets/:id/close': {
      outside: (c, f) => c.request('POST', `/api/targets/${f.outsideTarget}/close`, { reason: '已迁出' }),
      inside: async (c, f, s) => c.request('POST', `/api/targets/${await freshTarget(s, f.insideGrid!, f.insideUser!)}/close`, { reason: '已迁出' }),
    },
  },
};
