import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

/** Everything that differs between SQLite and PostgreSQL lives in this file. */
export type Engine = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations and helpers work on any schema
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * All values of an integer column as one comma-separated text (null when no row): a long list of ids
 * read as one value instead of one row object each.
 */
export function integerList(engine: Engine, column: string): RawBuilder<string | null> {
  return engine === 'postgres' ? sql<string | null>`string_agg(${sql.ref(column)}::text, ',')` : sql<string | null>`group_concat(${sql.ref(column)})`;
}

/** An auto-numbered integer primary key. */
export function idColumn(engine: Engine) {
  return (col: ColumnDefinitionBuilder) =>
    engine === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

/** Makes a table append-only: the database itself refuses UPDATE, DELETE (and TRUNCATE). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations and helpers work on any schema
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const message = `${table} 只能追加，不能修改或删除`;
  if (engineOf(db) === 'postgres') {
    await sql`CREATE OR REPLACE FUNCTION ${sql.id(`${table}_refuse`)}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '${sql.raw(message)}' USING ERRCODE = 'insufficient_privilege'; END $$`.execute(db);
    await sql`CREATE TRIGGER ${sql.id(`${table}_no_change`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION ${sql.id(`${table}_refuse`)}()`.execute(db);
    await sql`CREATE TRIGGER ${sql.id(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION ${sql.id(`${table}_refuse`)}()`.execute(db);
  } else {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql`CREATE TRIGGER ${sql.id(`${table}_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ${sql.table(table)}
        BEGIN SELECT RAISE(ABORT, '${sql.raw(message)}'); END`.execute(db);
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations and helpers work on any schema
export async function dropAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`DROP FUNCTION IF EXISTS ${sql.id(`${table}_refuse`)}() CASCADE`.execute(db);
  }
}

/**
 * Serialises one kind of write (extending the audit chain, creating ledger people) until the
 * transaction ends. SQLite has one writer at a time already; PostgreSQL takes a transaction-scoped
 * advisory lock, so two transactions cannot both extend the same chain head or create the same person.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations and helpers work on any schema
export async function takeWriteLock(tx: Kysely<any>, key: number): Promise<void> {
  if (engineOf(tx) === 'postgres') await sql`SELECT pg_advisory_xact_lock(${key})`.execute(tx);
}

/** Advisory-lock keys, one per kind of serialised write. */
export const LOCK_KEYS = { auditChain: 727_001, ledgerWrite: 727_002 } as const;

/** Case-insensitive LIKE: SQLite's LIKE already is for ASCII; PostgreSQL needs ILIKE. */
export function likeOperator(engine: Engine): 'like' | 'ilike' {
  return engine === 'postgres' ? 'ilike' : 'like';
}

/**
 * Refreshes the planner's statistics after a bulk write (an import), so searches keep their
 * indexes. SQLite needs a full ANALYZE with its histogram (stat4): the sampled one leaves it
 * believing a county's division range is more selective than a pinyin index, and it then reads
 * every person of the county for each search.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations and helpers work on any schema
export async function refreshPlannerStatistics(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  if (!postgres) await sql`PRAGMA analysis_limit = 0`.execute(db);
  for (const table of tables) await sql`ANALYZE ${sql.table(table)}`.execute(db);
  if (!postgres) await sql`PRAGMA analysis_limit = 1000`.execute(db);
}
