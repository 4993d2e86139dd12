import type { Kysely } from 'kysely';
import { dropAppendOnly, engineOf, idColumn, makeAppendOnly } from '../dialect.ts';

/**
 * The development workflow (发展党员): one dossier per person and handling organization, its
 * `xinxue-dossier/1` document as the canonical record (so export and import are lossless and the
 * rule engine judges exactly what is stored), an append-only history of every step, refusal,
 * justification, send-back, withdrawal and import, and the scans attached to steps.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(engineOf(db));
  await db.schema
    .createTable('dossiers')
    .addColumn('id', 'integer', id)
    .addColumn('external_id', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('party_orgs.id'))
    .addColumn('other_org_id', 'integer', (c) => c.references('party_orgs.id'))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('other_division_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_step', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('pending', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossiers_division').on('dossiers').columns(['division_code', 'id']).execute();
  await db.schema.createIndex('dossiers_other_division').on('dossiers').columns(['other_division_code', 'id']).execute();
  await db.schema.createIndex('dossiers_person').on('dossiers').columns(['person_id', 'status']).execute();
  await db.schema.createIndex('dossiers_org').on('dossiers').columns(['org_id', 'current_step']).execute();

  await db.schema
    .createTable('dossier_events')
    .addColumn('id', 'integer', id)
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('step', 'integer')
    .addColumn('occurred_on', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_events_dossier').on('dossier_events').columns(['dossier_id', 'id']).execute();
  await makeAppendOnly(db, 'dossier_events');

  await db.schema
    .createTable('dossier_documents')
    .addColumn('id', 'integer', id)
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('stored_path', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_documents_dossier').on('dossier_documents').columns(['dossier_id', 'step']).execute();
  await makeAppendOnly(db, 'dossier_documents');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['dossier_documents', 'dossier_events']) {
    await dropAppendOnly(db, table);
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropTable('dossiers').execute();
}
