import { CompiledQuery, sql } from 'kysely';
import type { Db } from './database.ts';
import { engineOf } from './dialect.ts';

/**
 * Multi-row INSERT for the import hot path, written as SQL text once per shape instead of built by
 * Kysely's query compiler per call (which cost more than the database's own work: see
 * docs/decisions/0005). Columns are fixed identifiers from our code, never user input.
 */
const statements = new Map<string, string>();

export interface InsertOptions {
  returning?: readonly string[];
  /** Skip rows that would violate a unique constraint (`on conflict do nothing`, both engines). */
  ignoreConflicts?: boolean;
  /**
   * SQL types of the columns (unlisted ones are `text`). Given, PostgreSQL receives one array per
   * column (`select * from unnest($1::integer[], …)`): a VALUES list of a few thousand parameters
   * is parsed and planned again at every execution, and that cost more than the insert itself.
   */
  types?: Readonly<Record<string, string>>;
}

export async function insertRows<R = never>(tx: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options: InsertOptions = {}): Promise<R[]> {
  const { returning, ignoreConflicts, types } = options;
  if (!rows.length) return [];
  const engine = engineOf(tx);
  const arrays = engine === 'postgres' && types !== undefined;
  const key = `${engine}|${table}|${columns.join(',')}|${arrays ? 'unnest' : rows.length}|${returning?.join(',') ?? ''}|${ignoreConflicts ? 1 : 0}`;
  let text = statements.get(key);
  if (!text) {
    let source: string;
    if (arrays) source = `select * from unnest(${columns.map((c, i) => `$${i + 1}::${types[c] ?? 'text'}[]`).join(',')})`;
    else {
      let n = 0;
      const tuple = () => `(${columns.map(() => (engine === 'postgres' ? `$${++n}` : '?')).join(',')})`;
      source = `values ${rows.map(tuple).join(',')}`;
    }
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) ${source}${ignoreConflicts ? ' on conflict do nothing' : ''}${returning ? ` returning ${returning.map((c) => `"${c}"`).join(',')}` : ''}`;
    if (statements.size > 200) statements.clear();
    statements.set(key, text);
  }
  const params: unknown[] = [];
  if (arrays) for (let i = 0; i < columns.length; i++) params.push(rows.map((row) => row[i] ?? null));
  else for (const row of rows) for (const v of row) params.push(v === undefined ? null : v);
  const result = await tx.executeQuery<R>(CompiledQuery.raw(text, params));
  return result.rows;
}

/**
 * Updates many rows by id in one statement (`update … from` a VALUES list, or arrays on PostgreSQL): the import
 * writes the state of thousands of existing people per batch, and one statement each cost a round
 * trip on PostgreSQL. `rows` are `[id, …values in the order of columns]`; `types` gives each
 * column's SQL type when not `text` (PostgreSQL types its parameter arrays by them).
 */
export async function updateRowsById(tx: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], types: Readonly<Record<string, string>>): Promise<void> {
  if (!rows.length) return;
  const engine = engineOf(tx);
  const postgres = engine === 'postgres';
  const key = `${engine}|updates|${table}|${columns.join(',')}|${postgres ? 'unnest' : rows.length}`;
  let text = statements.get(key);
  if (!text) {
    const all = ['id', ...columns];
    // PostgreSQL: one array per column, as insertRows does; SQLite: a VALUES list (columns column1…).
    const source = postgres
      ? `unnest(${all.map((c, i) => `$${i + 1}::${types[c] ?? 'text'}[]`).join(',')}) as v(${all.map((_, i) => `column${i + 1}`).join(',')})`
      : `(values ${rows.map(() => `(${all.map(() => '?').join(',')})`).join(',')}) as v`;
    text = `update "${table}" set ${columns.map((c, i) => `"${c}" = v.column${i + 2}`).join(', ')} from ${source} where "${table}"."id" = v.column1`;
    if (statements.size > 200) statements.clear();
    statements.set(key, text);
  }
  const params: unknown[] = [];
  if (postgres) for (let i = 0; i <= columns.length; i++) params.push(rows.map((row) => row[i] ?? null));
  else for (const row of rows) for (const v of row) params.push(v === undefined ? null : v);
  await tx.executeQuery(CompiledQuery.raw(text, params));
}

/** Bulk writes running now per database, and the checkpoint interval to restore (read once, before the first changed it). */
const bulkWriters = new WeakMap<Db, number>();
const checkpointIntervals = new WeakMap<Db, Promise<number>>();

/**
 * Runs a bulk write (an import, a batch per transaction) with SQLite's automatic WAL checkpoint
 * every 16,384 pages instead of every 1,000. Each checkpoint fsyncs; with batches of a thousand
 * rows every commit passed 1,000 pages, and the checkpoints took a tenth of an import. The WAL
 * file may grow to about 64 MB meanwhile. Transactions are unchanged (one per batch): a crash still
 * leaves whole batches. With `synchronous = NORMAL` the WAL is synced at checkpoints, so a power
 * cut (not a process crash) may lose more of the last batches than before; a rerun completes the
 * file, as after any interruption. PostgreSQL: runs `write` as is.
 */
export async function duringBulkWrite<T>(db: Db, write: () => Promise<T>): Promise<T> {
  if (engineOf(db) !== 'sqlite') return write();
  let original = checkpointIntervals.get(db);
  if (!original) {
    original = sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(db).then((r) => Number(r.rows[0]?.wal_autocheckpoint ?? 1000));
    checkpointIntervals.set(db, original);
  }
  const running = bulkWriters.get(db) ?? 0;
  bulkWriters.set(db, running + 1);
  const restore = await original;
  if (running === 0) await sql`PRAGMA wal_autocheckpoint = 16384`.execute(db);
  try {
    return await write();
  } finally {
    const left = (bulkWriters.get(db) ?? 1) - 1;
    bulkWriters.set(db, left);
    if (left === 0) await sql.raw(`PRAGMA wal_autocheckpoint = ${restore}`).execute(db);
  }
}
