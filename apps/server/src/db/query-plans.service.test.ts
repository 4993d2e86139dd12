import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/harness.ts';

/**
 * SQLite plans its queries without statistics for most tables, and a plan that reads a whole index
 * only shows at scale; these check the plans of the ledger import's hot reads directly.
 */
describe('query plans (SQLite)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  const plan = async (query: ReturnType<typeof sql>) => (await sql<{ detail: string }>`explain query plan ${query}`.execute(database.db)).rows.map((r) => r.detail).join('\n');

  it("reads a batch's people's phones by person, not every phone in the ledger", async () => {
    if (database.engine !== 'sqlite') return;
    const detail = await plan(sql`select person_id, hash from person_lookups where kind = ${'phone'} and person_id in (${1}, ${2}, ${3})`);
    expect(detail).toContain('person_lookups_person (person_id=? AND kind=?)');
  });
});
