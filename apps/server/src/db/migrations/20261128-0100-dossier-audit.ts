import type { Kysely } from 'kysely';
import { engineOf, idColumn } from '../dialect.ts';

/**
 * The rule engine's settings as data: the city's rule settings (one `xinxue-settings/1` document
 * per version, the latest in force) and the working-day calendar years administrators enter from
 * the State Council notice (a new row per entry, the latest per year in force). Rows are never
 * updated, so the history of who changed what stays.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(engineOf(db));
  await db.schema
    .createTable('rule_settings')
    .addColumn('id', 'integer', id)
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('id', 'integer', id)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('make_up_workdays', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'integer')
    .addColumn('entered_by_name', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_overrides_year').on('calendar_overrides').columns(['year', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_overrides').execute();
  await db.schema.dropTable('rule_settings').execute();
}
