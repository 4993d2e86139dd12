import type { Kysely } from 'kysely';
import { engineOf, idColumn } from '../dialect.ts';

/** The database of outstanding people (优秀分子) and the cultivation targets (重点培养对象) with their contact logs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(engineOf(db));
  await db.schema
    .createTable('talent_entries')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('nominated_by', 'text', (c) => c.notNull())
    .addColumn('found_via', 'text', (c) => c.notNull())
    .addColumn('flagged_by', 'integer')
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'integer')
    .addColumn('withdrawn_reason', 'text')
    .execute();
  await db.schema.createIndex('talent_entries_person').on('talent_entries').columns(['person_id', 'id']).execute();

  await db.schema
    .createTable('cultivation_targets')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('cadence_days', 'integer', (c) => c.notNull())
    .addColumn('reserve_cadre', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outbound_youth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('applied_on', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_reason', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cultivation_targets_person').on('cultivation_targets').columns(['person_id', 'id']).execute();
  await db.schema.createIndex('cultivation_targets_owner').on('cultivation_targets').columns(['owner_id', 'status']).execute();

  await db.schema
    .createTable('contact_logs')
    .addColumn('id', 'integer', id)
    .addColumn('target_id', 'integer', (c) => c.notNull().references('cultivation_targets.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('contacted_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_logs_target').on('contact_logs').columns(['target_id', 'contacted_on']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['contact_logs', 'cultivation_targets', 'talent_entries']) await db.schema.dropTable(table).execute();
}
