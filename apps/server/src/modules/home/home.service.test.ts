import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestServices, type TestDatabase } from '../../testing/harness.ts';
import { addUnit, cover } from '../../testing/new-orgs-files.ts';
import { contextFor } from '../orgs/orgs.fixtures.ts';

describe('home overview', () => {
  let services: Services;
  let database: TestDatabase;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    const actor = cliActor();
    const create = (name: string, divisionCode: string, parentId: number | null = null, kind: 'committee' | 'branch' = 'branch') =>
      services.orgs.create(null, { name, kind, divisionCode, parentId, establishedOn: '2020-01-01' }, actor).then((o) => o.id);
    ids.township = await create('中共小溪塔街道工作委员会', '420506001', null, 'committee');
    ids.a = await create('甲支部', '420506001001', ids.township);
    ids.b = await create('乙支部', '420506001002', ids.township);
    ids.gone = await create('已撤销支部', '420506001001', ids.township);
    ids.outside = await create('西陵支部', '420502001001');
    const version = (await database.db.selectFrom('party_orgs').select('version').where('id', '=', ids.gone).executeTakeFirstOrThrow()).version;
    await services.orgs.dissolve(null, ids.gone, { version, reason: '单位注销', effectiveOn: '2024-01-01' }, actor);

    // Registered today: three inside (one covered; one ended its coverage), one deregistered, one not yet founded, one outside.
    const covered = await addUnit(services, { divisionCode: '420506001001' });
    const ended = await addUnit(services, { divisionCode: '420506001001' });
    await addUnit(services, { divisionCode: '420506001002' });
    await addUnit(services, { divisionCode: '420506001002', deregisteredOn: '2024-06-30' });
    await addUnit(services, { divisionCode: '420506001002', registeredOn: '2099-01-01' });
    const outside = await addUnit(services, { divisionCode: '420502001001' });
    await cover(services, covered, ids.a!, 'standalone', '2021-01-01');
    await cover(services, ended, ids.a!, 'standalone', '2021-01-01', '2023-01-01');
    await cover(services, outside, ids.outside!, 'standalone', '2021-01-01');
  });
  afterAll(async () => database?.close());

  it('counts only active organizations, by next-level division, inside the scope', async () => {
    const home = await services.home.overview(contextFor('townshipCommittee', '420506001'));
    expect(home.counts.orgs).toBe(3);
    expect(home.byChild.find((c) => c.code === '420506001001')).toMatchObject({ orgs: 1 });
    expect(home.byChild.find((c) => c.code === '420506001002')).toMatchObject({ orgs: 1 });
  });

  it('counts an organization-scoped user only within the subtree', async () => {
    const path = (await database.db.selectFrom('party_orgs').select('path').where('id', '=', ids.a!).executeTakeFirstOrThrow()).path;
    const home = await services.home.overview(contextFor('branchOrganizer', '420506001', path));
    expect(home.counts.orgs).toBe(1);
  });

  it('gives the coverage of the units registered today to roles that read organizations, and none to administrators', async () => {
    const home = await services.home.overview(contextFor('countyOrgDept', '420506'));
    expect(home.coverage).toEqual({ total: 3, covered: 1, rate: 0.3333 });
    expect((await services.home.overview(contextFor('cityOrgDept', '4205'))).coverage).toEqual({ total: 4, covered: 2, rate: 0.5 });
    expect((await services.home.overview(contextFor('sysAdmin', '4205'))).coverage).toBeNull();
  });
});
