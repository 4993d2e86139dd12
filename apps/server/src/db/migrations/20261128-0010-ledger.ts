import type { Kysely } from 'kysely';
import { engineOf, idColumn } from '../dialect.ts';

/**
 * The migrant ledger. `people` holds each person's current state (denormalised for lists and
 * search); `person_facts` holds every dated fact ever recorded, never updated or deleted except for
 * its dispute status. Persons are never deleted either: a merge marks one as merged into another.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(engineOf(db));

  await db.schema
    .createTable('people')
    .addColumn('id', 'integer', id)
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'integer', (c) => c.references('grids.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'text', (c) => c.unique())
    .addColumn('id_last4', 'text')
    .addColumn('gender', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('education', 'text')
    .addColumn('political_status', 'text')
    .addColumn('direction', 'text')
    .addColumn('moved_on', 'text')
    .addColumn('hukou_code', 'text')
    .addColumn('origin_code', 'text')
    .addColumn('destination_code', 'text')
    .addColumn('employer', 'text')
    .addColumn('occupation_group', 'text')
    .addColumn('hukou_at', 'text')
    .addColumn('movement_at', 'text')
    .addColumn('work_address_at', 'text')
    .addColumn('occupation_at', 'text')
    .addColumn('contact_at', 'text')
    .addColumn('merged_into', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_division').on('people').columns(['division_code', 'id']).execute();
  await db.schema.createIndex('people_grid').on('people').columns(['grid_id', 'id']).execute();
  await db.schema.createIndex('people_initials').on('people').columns(['name_initials', 'division_code']).execute();
  await db.schema.createIndex('people_name').on('people').columns(['name', 'birth_date']).execute();
  await db.schema.createIndex('people_last4').on('people').columns(['id_last4', 'division_code']).execute();
  await db.schema.createIndex('people_destination').on('people').columns(['destination_code']).execute();
  await db.schema.createIndex('people_merged').on('people').column('merged_into').execute();

  await db.schema
    .createTable('person_facts')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('value_hash', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('import_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('derived_from', 'integer')
    .execute();
  await db.schema.createIndex('person_facts_person').on('person_facts').columns(['person_id', 'kind', 'id']).execute();

  await db.schema
    .createTable('person_lookups')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_lookups_pk', ['kind', 'hash', 'person_id'])
    .execute();
  await db.schema.createIndex('person_lookups_person').on('person_lookups').column('person_id').execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'integer', id)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('linked_without_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('queued_for_review', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('conflicts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actor_id', 'integer')
    .addColumn('scope_division', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('import_rejections')
    .addColumn('id', 'integer', id)
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_rejections_import').on('import_rejections').columns(['import_id', 'row_number']).execute();

  await db.schema
    .createTable('review_items')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('candidate_id', 'integer', (c) => c.references('people.id'))
    .addColumn('fact_id', 'integer')
    .addColumn('other_fact_id', 'integer')
    .addColumn('score', 'real')
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'integer')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema.createIndex('review_items_open').on('review_items').columns(['status', 'division_code', 'id']).execute();

  await db.schema
    .createTable('person_merges')
    .addColumn('id', 'integer', id)
    .addColumn('survivor_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('merged_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user', 'integer')
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'integer')
    .execute();

  await db.schema
    .createTable('column_mappings')
    .addColumn('id', 'integer', id)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('header_key', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('column_mappings_key', ['source', 'header_key'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['column_mappings', 'person_merges', 'review_items', 'import_rejections', 'imports', 'person_lookups', 'person_facts', 'people']) {
    await db.schema.dropTable(table).execute();
  }
}
