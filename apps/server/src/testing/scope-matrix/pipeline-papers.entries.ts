import type { Services } from '../../services.ts';
import { addApplicant, cityContext } from '../pipeline-factory.ts';
import { type Fixture, INSIDE_VILLAGE, type MatrixModule, OUTSIDE_VILLAGE } from './types.ts';

/** 公示 and 征求意见函: seen with their dossier (handling or other place; a letter also by its addressee), changed from the handling side. */
let counter = 0;
const pass = { quality: 'pass', contribution: 'pass', conduct: 'pass', lawfulness: 'pass' } as const;

async function dossierAt(s: Services, f: Fixture, orgId: number, village: string): Promise<number> {
  counter += 1;
  const personId = await addApplicant(s, { name: `${village === INSIDE_VILLAGE ? '公示矩阵' : '外区公示'}${counter}`, divisionCode: village });
  return s.pipeline.service.open(cityContext(f.insideUser!), { personId, orgId, datedOn: '2026-01-05' });
}

const notice = (s: Services, f: Fixture, dossierId: number) =>
  s.pipelinePapers.service.createNotice(cityContext(f.insideUser!), dossierId, { stage: 'activist', place: 'workplace', location: '社区公示栏', startOn: '2026-03-02' });
const objection = (s: Services, f: Fixture, noticeId: number) => s.pipelinePapers.service.addObjection(cityContext(f.insideUser!), noticeId, { receivedOn: '2026-03-03', summary: '反映其曾无故旷工' });
const letter = (s: Services, f: Fixture, dossierId: number) =>
  s.pipelinePapers.service.createRequest(cityContext(f.insideUser!), dossierId, { stage: 'activist', place: 'origin', toName: '四川省古蔺县某村党支部', sentOn: '2026-03-02' });

export const pipelinePapersMatrix: MatrixModule = {
  async setup(s, f) {
    const papersInsideDossier = await dossierAt(s, f, f.insideOrg!, INSIDE_VILLAGE);
    const papersOutsideDossier = await dossierAt(s, f, f.outsideOrg!, OUTSIDE_VILLAGE);
    const insideNotice = await notice(s, f, papersInsideDossier);
    const outsideNotice = await notice(s, f, papersOutsideDossier);
    const outsideObjection = await objection(s, f, outsideNotice);
    const insideLetter = await letter(s, f, papersInsideDossier);
    const outsideLetter = await letter(s, f, papersOutsideDossier);
    return { papersInsideDossier, papersOutsideDossier, insideNotice, outsideNotice, outsideObjection, insideLetter, outsideLetter };
  },
  entries: {
    'GET /api/dossiers/:id/papers': {
      outside: (c, f) => c.request('GET', `/api/dossiers/${f.papersOutsideDossier}/papers`),
      inside: (c, f) => c.request('GET', `/api/dossiers/${f.papersInsideDossier}/papers`),
    },
    'POST /api/dossiers/:id/notices': {
      outside: (c, f) => c.request('POST', `/api/dossiers/${f.papersOutsideDossier}/notices`, { stage: 'activist', place: 'workplace', location: '公示栏', startOn: '2026-03-02' }),
      inside: (c, f) => c.request('POST', `/api/dossiers/${f.papersInsideDossier}/notices`, { stage: 'activist', place: 'workplace', location: '公示栏', startOn: '2026-03-02' }),
    },
    'POST /api/notices/:id/objections': {
      outside: (c, f) => c.request('POST', `/api/notices/${f.outsideNotice}/objections`, { receivedOn: '2026-03-03', summary: '反映情况' }),
      inside: (c, f) => c.request('POST', `/api/notices/${f.insideNotice}/objections`, { receivedOn: '2026-03-03', summary: '反映情况' }),
    },
    'POST /api/notices/:id/objections/:oid/resolve': {
      outside: (c, f) => c.request('POST', `/api/notices/${f.outsideNotice}/objections/${f.outsideObjection}/resolve`, { version: 0, resolvedOn: '2026-03-04', resolution: '经核实不属实', upheld: false }),
      inside: async (c, f, s) => {
        const id = await objection(s, f, f.insideNotice!);
        return c.request('POST', `/api/notices/${f.insideNotice}/objections/${id}/resolve`, { version: 0, resolvedOn: '2026-03-04', resolution: '经核实不属实', upheld: false });
      },
    },
    'POST /api/notices/:id/cancel': {
      outside: (c, f) => c.request('POST', `/api/notices/${f.outsideNotice}/cancel`, { version: 1, reason: '张贴位置有误' }),
      inside: async (c, f, s) => c.request('POST', `/api/notices/${await notice(s, f, f.papersInsideDossier!)}/cancel`, { version: 0, reason: '张贴位置有误' }),
    },
    'GET /api/notices/:id/docx': {
      outside: (c, f) => c.request('GET', `/api/notices/${f.outsideNotice}/docx`),
      inside: (c, f) => c.request('GET', `/api/notices/${f.insideNotice}/docx`),
    },
    'GET /api/notices': {
      outside: (c) => c.request('GET', '/api/notices'),
      inside: (c) => c.request('GET', '/api/notices'),
      listed: (res) => ((res.json() as { items?: { id: number }[] }).items ?? []).map((i) => i.id),
      outsideIds: (f) => [f.outsideNotice!],
    },
    'GET /api/notices/export': {
      outside: (c, f) => c.request('GET', `/api/notices/export?orgId=${f.outsideOrg}`),
      inside: (c, f) => c.request('GET', `/api/notices/export?orgId=${f.insideOrg}`),
    },
    'POST /api/dossiers/:id/opinion-requests': {
      outside: (c, f) => c.request('POST', `/api/dossiers/${f.papersOutsideDossier}/opinion-requests`, { stage: 'activist', place: 'origin', toName: '某村党支部', sentOn: '2026-03-02' }),
      inside: (c, f) => c.request('POST', `/api/dossiers/${f.papersInsideDossier}/opinion-requests`, { stage: 'activist', place: 'origin', toName: '某村党支部', sentOn: '2026-03-02' }),
    },
    'GET /api/opinion-requests': {
      outside: (c) => c.request('GET', '/api/opinion-requests?open=1'),
      inside: (c) => c.request('GET', '/api/opinion-requests?open=1'),
      listed: (res) => ((res.json() as { items?: { id: number }[] }).items ?? []).map((i) => i.id),
      outsideIds: (f) => [f.outsideLetter!],
    },
    'GET /api/opinion-requests/:id/docx': {
      outside: (c, f) => c.request('GET', `/api/opinion-requests/${f.outsideLetter}/docx`),
      inside: (c, f) => c.request('GET', `/api/opinion-requests/${f.insideLetter}/docx`),
    },
    'POST /api/opinion-requests/:id/answer': {
      outside: (c, f) => c.request('POST', `/api/opinion-requests/${f.outsideLetter}/answer`, { version: 0, answeredOn: '2026-03-10', aspects: pass }),
      inside: async (c, f, s) => c.request('POST', `/api/opinion-requests/${await letter(s, f, f.papersInsideDossier!)}/answer`, { version: 0, answeredOn: '2026-03-10', aspects: pass }),
    },
    'POST /api/opinion-requests/:id/cancel': {
      outside: (c, f) => c.request('POST', `/api/opinion-requests/${f.outsideLetter}/cancel`, { version: 0, reason: '受函单位有误' }),
      inside: async (c, f, s) => c.request('POST', `/api/opinion-requests/${await letter(s, f, f.papersInsideDossier!)}/cancel`, { version: 0, reason: '受函单位有误' }),
    },
  },
};
