import { cliActor } from '../../lib/context.ts';
import { addPerson } from '../ledger-factory.ts';
import type { Services } from '../../services.ts';
import type { Fixture, MatrixModule } from './types.ts';

const items = (response: { json(): unknown }) => ((response.json() as { items?: { id: number }[] }).items ?? []).map((i) => i.id);
const survey = (gridIds: number[]) => ({ name: `清查${Math.random().toString(36).slice(2, 6)}`, startsOn: '2026-11-01', dueOn: '2026-12-31', gridIds });
const cityCtx = (id: number) => ({ user: { id, username: 'matrix_survey_city', displayName: '清查', role: 'cityOrgDept' as const, scope: { divisionPrefix: '4205', orgId: null } }, ip: '127.0.0.1' });

/** A fresh survey over the inside grid (made by the city user), closed when asked, for probes that change it. */
async function freshInsideSurvey(s: Services, f: Fixture, closed: boolean): Promise<number> {
  const { id } = await s.surveys.create(cityCtx(f.surveyCityUser!), survey([f.insideGrid!]));
  if (closed) await s.surveys.close(cityCtx(f.surveyCityUser!), id);
  return id;
}

/**
 * Surveys: one inside the scope (the core inside grid), one outside (the outside grid), and one a
 * city user made over both, whose outside half must stay hidden from everyone scoped to 小溪塔街道.
 */
export const surveysMatrix: MatrixModule = {
  async setup(services, f) {
    const city = await services.users.create({ username: 'matrix_survey_city', displayName: '清查', role: 'cityOrgDept', scopeDivision: '4205', password: 'Matrix#Pass2026' }, cliActor());
    const ctx = cityCtx(city.id);
    const insideSurvey = (await services.surveys.create(ctx, survey([f.insideGrid!]))).id;
    const outsideSurvey = (await services.surveys.create(ctx, survey([f.outsideGrid!]))).id;
    const mixedSurvey = (await services.surveys.create(ctx, survey([f.insideGrid!, f.outsideGrid!]))).id;
    // A second outside person in the outside grid, so the mixed survey's outside half has people to leak.
    await addPerson(services, { name: '李梅', divisionCode: '420502001001', gridId: f.outsideGrid!, employer: '丁公司' });
    return { insideSurvey, outsideSurvey, mixedSurvey, surveyCityUser: city.id };
  },
  entries: {
    'GET /api/surveys': {
      outside: (c) => c.request('GET', '/api/surveys'),
      inside: (c) => c.request('GET', '/api/surveys'),
      listed: items,
      outsideIds: (f) => [f.outsideSurvey!],
    },
    'GET /api/surveys/:id': {
      outside: (c, f) => c.request('GET', `/api/surveys/${f.outsideSurvey}`),
      inside: (c, f) => c.request('GET', `/api/surveys/${f.insideSurvey}`),
    },
    'GET /api/surveys/:id/people': {
      // The mixed survey is visible, but only its inside people are listed.
      outside: (c, f) => c.request('GET', `/api/surveys/${f.mixedSurvey}/people?pageSize=50`),
      inside: (c, f) => c.request('GET', `/api/surveys/${f.insideSurvey}/people?pageSize=50`),
      listed: items,
      outsideIds: (f) => [f.outsidePerson!],
    },
    'POST /api/surveys': {
      outside: (c, f) => c.request('POST', '/api/surveys', survey([f.outsideGrid!])),
      inside: (c, f) => c.request('POST', '/api/surveys', survey([f.insideGrid!])),
    },
    'POST /api/surveys/:id/close': {
      outside: (c, f) => c.request('POST', `/api/surveys/${f.outsideSurvey}/close`),
      inside: async (c, f, s) => c.request('POST', `/api/surveys/${await freshInsideSurvey(s, f, false)}/close`),
    },
    'POST /api/surveys/:id/reopen': {
      outside: (c, f) => c.request('POST', `/api/surveys/${f.outsideSurvey}/reopen`, { reason: '补查' }),
      inside: async (c, f, s) => c.request('POST', `/api/surveys/${await freshInsideSurvey(s, f, true)}/reopen`, { reason: '补查' }),
    },
    'POST /api/surveys/:id/checks': {
      outside: (c, f) => c.request('POST', `/api/surveys/${f.mixedSurvey}/checks`, { personId: f.outsidePerson, outcome: 'confirmed' }),
      inside: (c, f) => c.request('POST', `/api/surveys/${f.insideSurvey}/checks`, { personId: f.insidePerson, outcome: 'confirmed' }),
    },
  },
};
