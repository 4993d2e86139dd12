import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, migrationStatus } from './migrate.ts';
import { createTestDatabase, type TestDatabase } from '../testing/harness.ts';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('loads the NBS 2023 division tree: all of China to county level, all of Yichang below', async () => {
    const count = async (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
      Number((await where(base()).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const base = () => database.db.selectFrom('divisions');
    expect(await count((q) => q.where('level', '=', 'province'))).toBe(31);
    expect(await count((q) => q.where('level', '=', 'county'))).toBeGreaterThan(2900);
    expect(await count((q) => q.where('level', '=', 'county').where('code', 'like', '4205%'))).toBe(13);
    expect(await count((q) => q.where('level', '=', 'township').where('code', 'like', '4205%'))).toBe(113);
    expect(await count((q) => q.where('level', '=', 'village').where('code', 'like', '4205%'))).toBe(1650);
    const xiaoxita = await base().selectAll().where('code', '=', '420506001000').executeTakeFirstOrThrow();
    expect(xiaoxita).toMatchObject({ name: '小溪塔街道', level: 'township', parent_code: '420506000000', vintage: 'NBS 2023' });
  });

  it('goes down step by step to nothing and up again', async () => {
    const all = (await migrationStatus(database.db)).map((m) => m.name);
    expect(all.slice(0, 2)).toEqual(['20261127-0001-foundation', '20261127-0002-division-data']);
    for (const name of [...all].reverse()) {
      expect(await migrateDown(database.db)).toEqual([name]);
      if (name === '20261127-0002-division-data') {
        const { n } = await database.db.selectFrom('divisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(n)).toBe(0);
      }
    }
    expect((await migrationStatus(database.db)).every((m) => !m.executedAt)).toBe(true);
    expect(await migrateToLatest(database.db)).toEqual(all);
    expect(await migrateToLatest(database.db)).toEqual([]);
  });
});
