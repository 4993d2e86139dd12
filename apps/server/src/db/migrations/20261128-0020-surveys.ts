import type { Kysely } from 'kysely';
import { engineOf, idColumn } from '../dialect.ts';

/**
 * Surveys (清查): a campaign over a set of grids in which grid workers check every person. A check
 * is never updated: a re-check adds a row and the latest one per survey and person counts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(engineOf(db));
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surveys_division').on('surveys').columns(['division_code', 'id']).execute();

  await db.schema
    .createTable('survey_grids')
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('grid_id', 'integer', (c) => c.notNull().references('grids.id'))
    .addPrimaryKeyConstraint('survey_grids_pk', ['survey_id', 'grid_id'])
    .execute();
  await db.schema.createIndex('survey_grids_grid').on('survey_grids').columns(['grid_id', 'survey_id']).execute();

  await db.schema
    .createTable('survey_checks')
    .addColumn('id', 'integer', id)
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('grid_id', 'integer', (c) => c.references('grids.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('destination', 'text')
    .addColumn('corrected_fields', 'text')
    .addColumn('checked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_checks_person').on('survey_checks').columns(['survey_id', 'person_id', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_checks').execute();
  await db.schema.dropTable('survey_grids').execute();
  await db.schema.dropTable('surveys').execute();
}
