import { type MatrixModule } from './types.ts';

/**
 * 发展党员的报表: read-only over the dossiers the pipeline module's setup made (it runs before this
 * one): the inside dossier's talk is overdue, and so is the outside one's — which must never show.
 */
type Json = { items?: { dossierId: number }[]; findings?: { dossierId: number }[]; byRule?: { dossierIds: number[] }[] };
const dossierIds = (res: { json(): unknown }) => {
  const body = res.json() as Json;
  return [...(body.items ?? []).map((i) => i.dossierId), ...(body.findings ?? []).map((f) => f.dossierId), ...(body.byRule ?? []).flatMap((r) => r.dossierIds)];
};

export const pipelineReportsMatrix: MatrixModule = {
  async setup() {
    return {};
  },
  entries: {
    'GET /api/pipeline/deadlines': {
      outside: (c) => c.request('GET', '/api/pipeline/deadlines?within=3650'),
      inside: (c) => c.request('GET', '/api/pipeline/deadlines?within=3650'),
      listed: dossierIds,
      outsideIds: (f) => [f.outsideDossier!],
    },
    'GET /api/pipeline/board': {
      outside: (c, f) => c.request('GET', `/api/pipeline/board?orgId=${f.outsideOrg}`),
      inside: (c, f) => c.request('GET', `/api/pipeline/board?orgId=${f.insideOrg}`),
    },
    'GET /api/pipeline/audit': {
      outside: (c) => c.request('GET', '/api/pipeline/audit'),
      inside: (c) => c.request('GET', '/api/pipeline/audit'),
      listed: dossierIds,
      outsideIds: (f) => [f.outsideDossier!],
    },
    'GET /api/pipeline/audit/export': {
      outside: (c, f) => c.request('GET', `/api/pipeline/audit/export?orgId=${f.outsideOrg}`),
      inside: (c, f) => c.request('GET', `/api/pipeline/audit/export?orgId=${f.insideOrg}`),
    },
  },
};
