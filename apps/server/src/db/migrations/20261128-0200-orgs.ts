import type { Kysely } from 'kysely';
import { engineOf, idColumn } from '../dialect.ts';

/**
 * The organizations issue: how each party organization was formed and its dated history, its
 * members, the registry of new organizations (两新组织) and which organization covers each,
 * mobile organizations outside the city and the home areas they serve, micro-organizations.
 *
 * `party_orgs.path` is the ids from the root down, each zero-padded to 10 digits, so a subtree is
 * one digit-prefix range (the same `prefixRange` as division codes) on any collation.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(engineOf(db));
  const addColumns: [string, string, ((c: any) => any)?][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['host_kind', 'text', (c) => c.notNull().defaultTo('organ')],
    ['formation', 'text', (c) => c.notNull().defaultTo('standalone')],
    ['attached_to_id', 'integer'],
    ['approval_power', 'integer', (c) => c.notNull().defaultTo(0)],
    ['may_develop', 'integer'],
    ['may_develop_decided_by', 'text'],
    ['may_develop_decided_on', 'text'],
    ['located_division_code', 'text'],
    ['status', 'text', (c) => c.notNull().defaultTo('active')],
    ['established_on', 'text'],
    ['ended_on', 'text'],
    ['merged_into_id', 'integer'],
    ['path', 'text', (c) => c.notNull().defaultTo('')],
    ['version', 'integer', (c) => c.notNull().defaultTo(0)],
  ];
  for (const [name, type, build] of addColumns) {
    await db.schema.alterTable('party_orgs').addColumn(name, type as 'text', build ?? ((c) => c)).execute();
  }
  // Existing organizations get their path from their parents (parents have smaller ids).
  const rows = await db.selectFrom('party_orgs').select(['id', 'parent_id', 'created_at']).orderBy('id').execute();
  const paths = new Map<number, string>();
  for (const row of rows as { id: number; parent_id: number | null; created_at: string }[]) {
    const path = (row.parent_id != null ? (paths.get(row.parent_id) ?? '') : '') + String(row.id).padStart(10, '0');
    paths.set(row.id, path);
    await db.updateTable('party_orgs').set({ path, established_on: row.created_at.slice(0, 10) }).where('id', '=', row.id).execute();
  }
  await db.schema.createIndex('party_orgs_path').on('party_orgs').column('path').execute();
  await db.schema.createIndex('party_orgs_host').on('party_orgs').columns(['host_kind', 'status']).execute();

  await db.schema
    .createTable('party_org_events')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('party_orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('party_org_events_org').on('party_org_events').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('party_org_members')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('party_orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('membership', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('left_reason', 'text')
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('party_org_members_org').on('party_org_members').columns(['org_id', 'left_on']).execute();

  await db.schema
    .createTable('mobile_org_home_areas')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('party_orgs.id'))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mobile_org_home_areas_pk', ['org_id', 'division_code'])
    .execute();

  await db.schema
    .createTable('new_orgs')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull().unique())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('employees', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('party_members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('registered_on', 'text')
    .addColumn('deregistered_on', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('new_orgs_division').on('new_orgs').columns(['division_code', 'id']).execute();

  await db.schema
    .createTable('new_org_coverage')
    .addColumn('id', 'integer', id)
    .addColumn('new_org_id', 'integer', (c) => c.notNull().references('new_orgs.id'))
    .addColumn('party_org_id', 'integer', (c) => c.notNull().references('party_orgs.id'))
    .addColumn('formation', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('new_org_coverage_new_org').on('new_org_coverage').columns(['new_org_id', 'valid_to']).execute();
  await db.schema.createIndex('new_org_coverage_party_org').on('new_org_coverage').columns(['party_org_id', 'valid_to']).execute();

  await db.schema
    .createTable('micro_orgs')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('guide_org_id', 'integer', (c) => c.references('party_orgs.id'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('founded_on', 'text', (c) => c.notNull())
    .addColumn('dissolved_on', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('micro_orgs_division').on('micro_orgs').columns(['division_code', 'id']).execute();

  await db.schema
    .createTable('micro_org_backbones')
    .addColumn('id', 'integer', id)
    .addColumn('micro_org_id', 'integer', (c) => c.notNull().references('micro_orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('duty', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .execute();
  await db.schema.createIndex('micro_org_backbones_org').on('micro_org_backbones').column('micro_org_id').execute();

  await db.schema
    .createTable('micro_org_reach')
    .addColumn('micro_org_id', 'integer', (c) => c.notNull().references('micro_orgs.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('since', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('micro_org_reach_pk', ['micro_org_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('micro_org_activities')
    .addColumn('id', 'integer', id)
    .addColumn('micro_org_id', 'integer', (c) => c.notNull().references('micro_orgs.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('people_served', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problems_solved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('micro_org_activities_org').on('micro_org_activities').columns(['micro_org_id', 'held_on']).execute();

  await db.schema
    .createTable('micro_org_activity_people')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('micro_org_activities.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('micro_org_activity_people_pk', ['activity_id', 'person_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'micro_org_activity_people', 'micro_org_activities', 'micro_org_reach', 'micro_org_backbones', 'micro_orgs',
    'new_org_coverage', 'new_orgs', 'mobile_org_home_areas', 'party_org_members', 'party_org_events',
  ]) await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('party_orgs_host').execute();
  await db.schema.dropIndex('party_orgs_path').execute();
  for (const column of ['version', 'path', 'merged_into_id', 'ended_on', 'established_on', 'status', 'located_division_code', 'may_develop_decided_on', 'may_develop_decided_by', 'may_develop', 'approval_power', 'attached_to_id', 'formation', 'host_kind']) {
    await db.schema.alterTable('party_orgs').dropColumn(column).execute();
  }
}
