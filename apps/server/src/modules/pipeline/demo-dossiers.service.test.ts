import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDossiers } from '../../demo/demo-dossiers.ts';
import type { Services } from '../../services.ts';
import { createTestServices, createUser, type TestDatabase } from '../../testing/harness.ts';
import { cityContext } from '../../testing/pipeline-factory.ts';
import { pipelineOrgs } from '../../testing/pipeline-factory.ts';

describe('demo dossiers', () => {
  let services: Services;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    await pipelineOrgs(services);
    await createUser(services, 'cityOrgDept', '4205', { username: 'city_org' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('puts dossiers at every stage through the gate, with a justified WARN and a refused BLOCK in the history', { timeout: 120_000 }, async () => {
    const summary = await loadDemoDossiers(services);
    expect(summary.dossiers).toBe(18);
    expect(Object.keys(summary.byStage).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(summary.refused).toBe(1);
    expect(summary.justified).toBeGreaterThanOrEqual(2);
    const kinds = (await services.database.db.selectFrom('dossier_events').select('kind').execute()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['refused', 'sentBack', 'withdrawn']));
    expect(await services.database.db.selectFrom('dossiers').select('id').where('status', '=', 'member').execute()).toHaveLength(1);
    // The records are stamped as entered on time: the batch audit shows the planted defects, not back-filling.
    const user = await services.database.db.selectFrom('users').select('id').where('username', '=', 'city_org').executeTakeFirstOrThrow();
    const report = await services.pipelineReports.audit(cityContext(user.id), undefined);
    const rules = report.byRule.map((r) => r.rule);
    expect(rules).toContain('R-TALK-1M');
    expect(rules).not.toContain('R-LATE-ENTRY');
  });
});
