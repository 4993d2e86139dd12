import type { Kysely } from 'kysely';

/**
 * Closing a survey (清查结束): who closed it and when, and each grid's figures as they stood at the
 * close, so a closed survey's progress no longer moves when people later move, merge or are
 * confirmed again. Reopening clears the close and its figures (the audit log keeps both).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('surveys').addColumn('closed_at', 'text').execute();
  // No foreign key: SQLite cannot drop a column that takes part in one, and `down` must work.
  await db.schema.alterTable('surveys').addColumn('closed_by', 'integer').execute();
  await db.schema
    .createTable('survey_grid_results')
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('grid_id', 'integer', (c) => c.notNull().references('grids.id'))
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('checked', 'integer', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addColumn('corrected', 'integer', (c) => c.notNull())
    .addColumn('not_found', 'integer', (c) => c.notNull())
    .addColumn('moved_away', 'integer', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_grid_results_pk', ['survey_id', 'grid_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_grid_results').execute();
  await db.schema.alterTable('surveys').dropColumn('closed_by').execute();
  await db.schema.alterTable('surveys').dropColumn('closed_at').execute();
}
