import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { addApplicant, cleanPath, OPENED_ON, pipelineOrgs, type PipelineOrgs, TOWNSHIP } from '../../testing/pipeline-factory.ts';

describe('development workflow: the clean path', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let clerk: TestClient;
  let orgs: PipelineOrgs;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    orgs = await pipelineOrgs(services);
    clerk = await loginAs(app, services, 'townshipCommittee', TOWNSHIP);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("takes a migrant through all 25 steps", { timeout: 120_000 }, async () => {
    const personId = await addApplicant(services);
    const opened = await clerk.request('POST', '/api/dossiers', { personId, orgId: orgs.branch, datedOn: OPENED_ON });
    expect(opened.statusCode, opened.body).toBe(200);
    const id = opened.json().id as number;
    let version = opened.json().version as number;
    for (let step = 2; step <= 25; step++) {
      for (const fields of cleanPath[step]!) {
        const res = await clerk.request('POST', `/api/dossiers/${id}/steps/${step}`, { ...fields, version });
        expect(res.statusCode, `step ${step}: ${res.body}`).toBe(200);
        version = res.json().version;
      }
    }
    const detail = (await clerk.request('GET', `/api/dossiers/${id}`)).json();
    expect(detail.status).toBe('member');
    expect(detail.steps.every((s: { status: string }) => s.status === 'done')).toBe(true);
  });
});
