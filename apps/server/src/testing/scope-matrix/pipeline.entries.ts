import { Readable } from 'node:stream';
import { DOSSIER_FORMAT } from '@xinxue/domain/dossier/index';
import type { Services } from '../../services.ts';
import { multipartFile } from '../ledger-factory.ts';
import { addApplicant, cityContext, idNumberOf } from '../pipeline-factory.ts';
import { type Fixture, INSIDE_VILLAGE, type MatrixModule, OUTSIDE_VILLAGE } from './types.ts';

/** 发展党员: a dossier is seen when its handling (or other-place) organization is in scope, and changed from the handling side. */
let counter = 0;

async function freshDossier(s: Services, f: Fixture, steps = 1): Promise<number> {
  counter += 1;
  const personId = await addApplicant(s, { name: `矩阵申请人${counter}`, divisionCode: INSIDE_VILLAGE });
  const ctx = cityContext(f.insideUser!);
  const id = await s.pipeline.service.open(ctx, { personId, orgId: f.insideOrg!, datedOn: '2026-01-05' });
  if (steps >= 2) await s.pipeline.service.recordStep(ctx, id, 2, { version: 0, fields: { on: '2026-01-20', by: '支部书记' } });
  return id;
}

async function fileOn(s: Services, f: Fixture, dossierId: number): Promise<number> {
  return (await s.pipeline.files.store(cityContext(f.insideUser!), dossierId, 1, '申请书.pdf', Readable.from([Buffer.from('%PDF-1.4 扫描件')]))).id;
}

const pdf = () => multipartFile('谈话记录.pdf', Buffer.from('%PDF-1.4 谈话记录'));
const names = (res: { body: string }, f: Fixture) => [...(res.body.includes('外区申请人') ? [f.outsideDossier!] : []), ...(res.body.includes('矩阵申请人') ? [f.insideDossier!] : [])];

export const pipelineMatrix: MatrixModule = {
  async setup(s, f) {
    const insideDossier = await freshDossier(s, f);
    const outsidePerson = await addApplicant(s, { name: '外区申请人', divisionCode: OUTSIDE_VILLAGE });
    const outsideDossier = await s.pipeline.service.open(cityContext(f.insideUser!), { personId: outsidePerson, orgId: f.outsideOrg!, datedOn: '2026-01-05' });
    const insideFile = await fileOn(s, f, insideDossier);
    const outsideFile = await fileOn(s, f, outsideDossier);
    return { insideDossier, outsideDossier, outsidePersonForDossier: outsidePerson, insideFile, outsideFile };
  },
  entries: {
    'POST /api/dossiers': {
      outside: (c, f) => c.request('POST', '/api/dossiers', { personId: f.outsidePersonForDossier, orgId: f.outsideOrg, datedOn: '2026-02-01' }),
      inside: async (c, f, s) => c.request('POST', '/api/dossiers', { personId: await addApplicant(s, { name: `矩阵申请人新${++counter}`, divisionCode: INSIDE_VILLAGE }), orgId: f.insideOrg, datedOn: '2026-02-01' }),
    },
    'GET /api/dossiers': {
      outside: (c) => c.request('GET', '/api/dossiers?pageSize=200'),
      inside: (c) => c.request('GET', '/api/dossiers?pageSize=200'),
      listed: (res) => ((res.json() as { items?: { id: number }[] }).items ?? []).map((i) => i.id),
      outsideIds: (f) => [f.outsideDossier!],
    },
    'GET /api/dossiers/export': { outside: (c) => c.request('GET', '/api/dossiers/export'), inside: (c) => c.request('GET', '/api/dossiers/export'), listed: names, outsideIds: (f) => [f.outsideDossier!] },
    'POST /api/dossiers/import': {
      outside: (c, f) => c.request('POST', `/api/dossiers/import?orgId=${f.outsideOrg}`, { format: DOSSIER_FORMAT, dossiers: [] }),
      inside: async (c, f, s) => {
        const personId = await addApplicant(s, { name: `矩阵导入${++counter}`, divisionCode: INSIDE_VILLAGE });
        const dossier = { id: `MATRIX-${counter}`, person: { name: `矩阵导入${counter}`, idNumber: await idNumberOf(s, personId) }, application: { datedOn: '2026-01-05', receivedOn: '2026-01-05', signed: true } };
        return c.request('POST', `/api/dossiers/import?orgId=${f.insideOrg}`, { format: DOSSIER_FORMAT, dossiers: [dossier] });
      },
    },
    'GET /api/dossiers/:id': { outside: (c, f) => c.request('GET', `/api/dossiers/${f.outsideDossier}`), inside: (c, f) => c.request('GET', `/api/dossiers/${f.insideDossier}`) },
    'GET /api/dossiers/:id/deferral': { outside: (c, f) => c.request('GET', `/api/dossiers/${f.outsideDossier}/deferral`), inside: (c, f) => c.request('GET', `/api/dossiers/${f.insideDossier}/deferral`) },
    'GET /api/dossiers/:id/export': { outside: (c, f) => c.request('GET', `/api/dossiers/${f.outsideDossier}/export`), inside: (c, f) => c.request('GET', `/api/dossiers/${f.insideDossier}/export`) },
    'POST /api/dossiers/:id/steps/:step': {
      outside: (c, f) => c.request('POST', `/api/dossiers/${f.outsideDossier}/steps/2`, { version: 0, on: '2026-01-20', by: '支部书记' }),
      inside: async (c, f, s) => c.request('POST', `/api/dossiers/${await freshDossier(s, f)}/steps/2`, { version: 0, on: '2026-01-20', by: '支部书记' }),
    },
    'POST /api/dossiers/:id/send-back': {
      outside: (c, f) => c.request('POST', `/api/dossiers/${f.outsideDossier}/send-back`, { version: 0, toStep: 2, reason: '谈话记录不完整' }),
      inside: async (c, f, s) => c.request('POST', `/api/dossiers/${await freshDossier(s, f, 2)}/send-back`, { version: 1, toStep: 2, reason: '谈话记录不完整' }),
    },
    'POST /api/dossiers/:id/withdraw': {
      outside: (c, f) => c.request('POST', `/api/dossiers/${f.outsideDossier}/withdraw`, { version: 0, reason: '本人申请撤回', on: '2026-02-01' }),
      inside: async (c, f, s) => c.request('POST', `/api/dossiers/${await freshDossier(s, f)}/withdraw`, { version: 0, reason: '本人申请撤回', on: '2026-02-01' }),
    },
    'POST /api/dossiers/:id/not-recognized': {
      outside: (c, f) => c.request('POST', `/api/dossiers/${f.outsideDossier}/not-recognized`, { version: 0, reason: '材料不实不予承认', on: '2026-02-01', decidedBy: '夷陵区委组织部' }),
      inside: async (c, f, s) => c.request('POST', `/api/dossiers/${await freshDossier(s, f)}/not-recognized`, { version: 0, reason: '材料不实不予承认', on: '2026-02-01', decidedBy: '夷陵区委组织部' }),
    },
    'POST /api/dossiers/:id/files': {
      outside: (c, f) => {
        const body = pdf();
        return c.raw('POST', `/api/dossiers/${f.outsideDossier}/files?step=2`, body.payload, body.headers);
      },
      inside: (c, f) => {
        const body = pdf();
        return c.raw('POST', `/api/dossiers/${f.insideDossier}/files?step=2`, body.payload, body.headers);
      },
    },
    'GET /api/dossiers/:id/files/:fileId': {
      outside: (c, f) => c.request('GET', `/api/dossiers/${f.outsideDossier}/files/${f.outsideFile}`),
      inside: (c, f) => c.request('GET', `/api/dossiers/${f.insideDossier}/files/${f.insideFile}`),
    },
  },
};
