import type { Kysely } from 'kysely';

/**
 * Two index fixes found by the search benchmark at a million people:
 * - search by pinyin matches `name_initials = ? OR name_pinyin` by prefix; without an index on
 *   `name_pinyin` the OR cannot use two indexes and scans everyone in scope;
 * - `people_merged` indexed every row although nearly all have `merged_into` null, so planners
 *   without statistics picked it for `merged_into is null` and read the whole table. It is only
 *   needed to find who was merged into someone, so it becomes a partial index of those rows.
 * And lists show every ID number masked: `id_number_masked` keeps that masked form (the first six
 * and last four digits, which the list shows to every reader anyway), so a page of 20 no longer
 * decrypts 20 numbers. Rows written before are masked on read (the key is not available here).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('id_number_masked', 'text').execute();
  await db.schema.createIndex('people_pinyin').on('people').column('name_pinyin').execute();
  await db.schema.dropIndex('people_merged').execute();
  await db.schema.createIndex('people_merged').on('people').column('merged_into').where('merged_into', 'is not', null).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('people_merged').execute();
  await db.schema.createIndex('people_merged').on('people').column('merged_into').execute();
  await db.schema.dropIndex('people_pinyin').execute();
  await db.schema.alterTable('people').dropColumn('id_number_masked').execute();
}
