import { chinaToday } from '@xinxue/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDossiers } from '../../demo/demo-dossiers.ts';
import type { Services } from '../../services.ts';
import { createTestServices, createUser, type TestDatabase } from '../../testing/harness.ts';
import { pipelineOrgs } from '../../testing/pipeline-factory.ts';

describe('demo papers', () => {
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

  it('records notices (an objection resolved, one running today) and letters (one answered, one overdue) through the service', { timeout: 120_000 }, async () => {
    await loadDemoDossiers(services);
    const db = services.database.db;
    const notices = await db.selectFrom('dossier_notices').selectAll().execute();
    expect(notices.map((n) => [n.stage, n.place])).toEqual([['candidate', 'origin'], ['candidate', 'workplace'], ['admission', 'workplace']]);
    expect(notices[2]!.start_on).toBe(chinaToday());
    expect(await db.selectFrom('dossier_notice_objections').select(['resolved_on', 'upheld']).execute()).toEqual([{ resolved_on: '2023-05-26', upheld: 0 }]);
    const letters = await db.selectFrom('dossier_opinion_requests').select(['answered_on', 'reply_by']).orderBy('id').execute();
    expect(letters[0]!.answered_on).toBe('2023-05-20');
    expect(letters[1]!.answered_on).toBeNull();
    expect(letters[1]!.reply_by < chinaToday()).toBe(true);
  });
});
