import { type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import { engineOf } from './dialect.ts';
import type { Db } from './database.ts';
import * as m0001 from './migrations/20261127-0001-foundation.ts';
import * as m0002 from './migrations/20261127-0002-division-data.ts';
import * as m0010 from './migrations/20261128-0010-ledger.ts';
import * as m0020 from './migrations/20261128-0020-surveys.ts';
import * as m0030 from './migrations/20261128-0030-talent.ts';
import * as m0100 from './migrations/20261128-0100-dossier-audit.ts';
import * as m0200 from './migrations/20261128-0200-orgs.ts';
import * as m0300 from './migrations/20261128-0300-people-search-indexes.ts';
import * as m0310 from './migrations/20261128-0310-survey-close.ts';
import * as m0400 from './migrations/20261128-0400-pipeline.ts';
import * as m0410 from './migrations/20261128-0410-pipeline-papers.ts';
import * as m0420 from './migrations/20261128-0420-people-covering-indexes.ts';
import * as m0430 from './migrations/20261128-0430-person-lookups-by-person.ts';

/** Migrations are listed here explicitly so the order is reviewable and bundling is trivial. */
const migrations: Record<string, Migration> = {
  '20261127-0001-foundation': m0001,
  '20261127-0002-division-data': m0002,
  '20261128-0010-ledger': m0010,
  '20261128-0020-surveys': m0020,
  '20261128-0030-talent': m0030,
  '20261128-0100-dossier-audit': m0100,
  '20261128-0200-orgs': m0200,
  '20261128-0300-people-search-indexes': m0300,
  '20261128-0310-survey-close': m0310,
  '20261128-0400-pipeline': m0400,
  '20261128-0410-pipeline-papers': m0410,
  '20261128-0420-people-covering-indexes': m0420,
  '20261128-0430-person-lookups-by-person': m0430,
};

/**
 * On PostgreSQL the migration tables go into the connection's current schema explicitly: Kysely
 * otherwise looks them up in every schema, and a second schema on the same server (tests give each
 * file one) would make it skip creating its own.
 */
async function migrator(db: Db): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (engineOf(db) === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${String(result.error)}`);
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  return check(await (await migrator(db)).migrateToLatest());
}

export async function migrateDown(db: Db): Promise<string[]> {
  return check(await (await migrator(db)).migrateDown());
}

export async function migrationStatus(db: Db): Promise<{ name: string; executedAt: Date | undefined }[]> {
  return (await (await migrator(db)).getMigrations()).map((m) => ({ name: m.name, executedAt: m.executedAt }));
}
