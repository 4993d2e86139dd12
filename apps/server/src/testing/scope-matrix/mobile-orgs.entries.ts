import type { LightMyRequestResponse } from 'fastify';
import { addOutbound, insertMobileOrg } from '../../modules/mobile-orgs/mobile-orgs.fixtures.ts';
import { type Fixture, INSIDE_VILLAGE, type MatrixModule, OUTSIDE_VILLAGE } from './types.ts';

const items = (res: LightMyRequestResponse) => ((res.json() as { items?: { id: number }[] }).items ?? []).map((i) => i.id);

/** An export is listed by its count: an export asked for an area outside the scope must be empty. */
const exported = (marker: (f: Fixture) => number) => (res: LightMyRequestResponse, f: Fixture) => (Number(res.headers['x-export-count'] ?? 0) > 0 ? [marker(f)] : []);

/**
 * Mobile organizations: one set up by 小溪塔街道 (inside) in 深圳 with an outbound person of the
 * inside grid working there, one set up by 西陵区 (outside) in 东莞 serving 西陵区, with an outside
 * outbound person working there.
 */
export const mobileOrgsMatrix: MatrixModule = {
  async setup(services, f) {
    const insideMobileOrg = await insertMobileOrg(services, { name: '中共小溪塔街道驻深圳流动党员支部委员会', divisionCode: `${INSIDE_VILLAGE.slice(0, 9)}000`, located: '440306000000' });
    const outsideMobileOrg = await insertMobileOrg(services, { name: '中共西陵区驻东莞流动党员支部委员会', divisionCode: '420502000000', located: '441900000000', homeAreas: ['420502000000'] });
    await addOutbound(services, INSIDE_VILLAGE, '440306000000', 1, { gridId: f.insideGrid! });
    const [outsideMobilePerson] = await addOutbound(services, OUTSIDE_VILLAGE, '441900000000', 1, { gridId: f.outsideGrid! });
    return { insideMobileOrg, outsideMobileOrg, outsideMobilePerson: outsideMobilePerson! };
  },
  entries: {
    'GET /api/mobile-orgs': { outside: (c) => c.request('GET', '/api/mobile-orgs?within=420502'), inside: (c) => c.request('GET', '/api/mobile-orgs'), listed: items, outsideIds: (f) => [f.outsideMobileOrg!] },
    'GET /api/mobile-orgs/comparison': {
      outside: (c) => c.request('GET', '/api/mobile-orgs/comparison?within=420502'),
      inside: (c) => c.request('GET', '/api/mobile-orgs/comparison'),
      // The organizations shown, and the 东莞 destination standing for the outside person working there.
      listed: (res, f) => ((res.json() as { items?: { destination: string; orgs: { id: number }[] }[] }).items ?? []).flatMap((r) => [...r.orgs.map((o) => o.id), ...(r.destination === '4419' ? [f.outsideMobilePerson!] : [])]),
      outsideIds: (f) => [f.outsideMobileOrg!, f.outsideMobilePerson!],
    },
    'GET /api/mobile-orgs/export.xlsx': {
      outside: (c) => c.request('GET', '/api/mobile-orgs/export.xlsx?within=420502'),
      inside: (c) => c.request('GET', '/api/mobile-orgs/export.xlsx'),
      listed: exported((f) => f.outsideMobileOrg!),
      outsideIds: (f) => [f.outsideMobileOrg!],
    },
    'GET /api/mobile-orgs/:id': { outside: (c, f) => c.request('GET', `/api/mobile-orgs/${f.outsideMobileOrg}`), inside: (c, f) => c.request('GET', `/api/mobile-orgs/${f.insideMobileOrg}`) },
    'PUT /api/mobile-orgs/:id/home-areas': {
      outside: (c, f) => c.request('PUT', `/api/mobile-orgs/${f.outsideMobileOrg}/home-areas`, { homeAreas: [] }),
      inside: (c, f) => c.request('PUT', `/api/mobile-orgs/${f.insideMobileOrg}/home-areas`, { homeAreas: [`${INSIDE_VILLAGE.slice(0, 9)}000`] }),
    },
  },
};
