import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/harness.ts';
import { bulkStatementShapes, insertRows, updateRowsById } from './bulk.ts';

describe('bulk writes', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await sql`create table bulk_probe (id integer primary key, label text not null)`.execute(database.db);
  });
  afterAll(async () => database?.close());

  it('writes batches of any size in order, with a handful of statements per table', async () => {
    let next = 1;
    for (let size = 1; size <= 40; size++) {
      const rows = Array.from({ length: size }, () => [next, `row ${next++}`]);
      const ids = await insertRows<{ id: number }>(database.db, 'bulk_probe', ['id', 'label'], rows, { returning: ['id'] });
      expect(ids.map((r) => Number(r.id))).toEqual(rows.map((r) => r[0]));
    }
    await updateRowsById(database.db, 'bulk_probe', ['label'], Array.from({ length: 13 }, (_, i) => [i + 1, `changed ${i + 1}`]), { id: 'integer' });
    const rows = await database.db.selectFrom('bulk_probe' as never).select(['id', 'label'] as never).orderBy('id' as never).execute() as { id: number; label: string }[];
    expect(rows).toHaveLength(820);
    expect(rows.slice(12, 14).map((r) => r.label)).toEqual(['changed 13', 'row 14']);
    // 1, 2, 4, 8, 16 and 32 rows per insert; 8, 4 and 1 per update — not one statement per batch size.
    expect(bulkStatementShapes('bulk_probe')).toBeLessThanOrEqual(9);
  });
});
