import v8 from 'node:v8';
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

/**
 * A VALUES list's statement differs with its number of rows, and SQLite keeps each prepared
 * statement (the larger ones take ~0.4 MB): batches of every size from 1 to a few thousand filled
 * the connection's statement cache and grew an import's memory with the file. Rows therefore go in
 * chunks of a power of two (13 = 8 + 4 + 1), a dozen shapes per table at most.
 */
function powerOfTwoChunks<T>(rows: readonly T[]): (readonly T[])[] {
  const chunks: (readonly T[])[] = [];
  let at = 0;
  for (let size = 2 ** Math.floor(Math.log2(rows.length)); at < rows.length; size /= 2) {
    if (rows.length - at < size) continue;
    chunks.push(rows.slice(at, at + size));
    at += size;
  }
  return chunks;
}

const isPowerOfTwo = (n: number) => (n & (n - 1)) === 0;

/** How many different statements the bulk writes of `table` have used so far (their texts are kept by shape). */
export function bulkStatementShapes(table: string): number {
  let n = 0;
  for (const key of statements.keys()) if (key.includes(`|${table}|`)) n++;
  return n;
}

export async function insertRows<R = never>(tx: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options: InsertOptions = {}): Promise<R[]> {
  const { returning, ignoreConflicts, types } = options;
  if (!rows.length) return [];
  const engine = engineOf(tx);
  const arrays = engine === 'postgres' && types !== undefined;
  if (!arrays && !isPowerOfTwo(rows.length)) {
    const out: R[] = [];
    for (const chunk of powerOfTwoChunks(rows)) out.push(...(await insertRows<R>(tx, table, columns, chunk, options)));
    return out;
  }
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
  if (!postgres && !isPowerOfTwo(rows.length)) {
    for (const chunk of powerOfTwoChunks(rows)) await updateRowsById(tx, table, columns, chunk, types);
    return;
  }
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

/** Bulk writes running now per database, and the settings to restore (read once, before the first changed them). */
const bulkWriters = new WeakMap<Db, number>();
const sqliteSettings = new WeakMap<Db, Promise<{ checkpointInterval: number; cacheSize: number }>>();
const bulkSettingsApplied = new WeakMap<Db, Promise<void>>();
/** Bulk writes running now in this process (any database), for the V8 heap setting. */
let heapWriters = 0;

/**
 * SQLite's page cache during a bulk write, in KiB (the connection's usual 128 MB serves searches).
 * A batch touches the B-tree pages of its rows' keys, scattered over the indexes; the OS file
 * cache holds the rest of the file, so a smaller cache costs no measurable speed (300,000 rows:
 * 1,456–1,501 rows/s with 128 MB, 1,519 with 16 MB; 32 MB leaves a margin for larger ledgers)
 * and keeps ~100 MB out of the import's RSS once the 128 MB would have filled.
 */
export const BULK_CACHE_KIB = 32_768;
/**
 * SQLite's automatic checkpoint interval during a bulk write, in pages (4 KiB: the WAL may reach
 * 512 MB). A checkpoint copies the WAL's pages into the database file and fsyncs it; a larger
 * WAL holds more changes of the same index pages, so each is written back once for many commits.
 * With it, a 300,000-row import ran 1.56× the rows per second (with larger transactions, see
 * TransactionSizer; docs/decisions/0005).
 */
export const BULK_CHECKPOINT_PAGES = 131_072;
/**
 * How far V8 lets the heap grow past the live data before a full collection, during a bulk write.
 * An import's live heap is flat (~50–70 MB, most of it the loaded code), but each batch's rows
 * live across many awaits, so they are promoted and the old generation fills fast; V8 then grows
 * its limit to 4× the live size, and the heap (its pages never given back) reached 280 MB at
 * 300,000 rows. At 1.5× it peaks near 100 MB, at the same rows per second (docs/decisions/0005).
 */
export const BULK_HEAP_GROWING_PERCENT = 50;

/**
 * Runs a bulk write (an import, a batch per transaction) with settings that keep it fast and its
 * memory flat:
 * - SQLite's automatic WAL checkpoint every `BULK_CHECKPOINT_PAGES` pages instead of every 1,000,
 *   and a truncating checkpoint when the last bulk write ends. Each checkpoint fsyncs; with
 *   batches of a thousand rows every commit passed 1,000 pages. A crash still leaves whole
 *   transactions. With `synchronous = NORMAL` the WAL is synced at checkpoints, so a power cut
 *   (not a process crash) may lose more of the last transactions than before; a rerun completes
 *   the file, as after any interruption.
 * - SQLite's page cache at `BULK_CACHE_KIB`.
 * - V8's heap growing factor at `BULK_HEAP_GROWING_PERCENT` (a process-wide V8 flag, read at each
 *   collection; 0, V8's own heuristic, is restored when the last bulk write in the process ends).
 * All are restored afterwards; overlapping bulk writes restore when the last one ends.
 */
export async function duringBulkWrite<T>(db: Db, write: () => Promise<T>): Promise<T> {
  if (heapWriters++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${BULK_HEAP_GROWING_PERCENT}`);
  try {
    if (engineOf(db) !== 'sqlite') return await write();
    return await sqliteBulkWrite(db, write);
  } finally {
    if (--heapWriters === 0) v8.setFlagsFromString('--heap-growing-percent=0');
  }
}

async function sqliteBulkWrite<T>(db: Db, write: () => Promise<T>): Promise<T> {
  let original = sqliteSettings.get(db);
  if (!original) {
    original = (async () => {
      const interval = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(db);
      const cache = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
      return { checkpointInterval: Number(interval.rows[0]?.wal_autocheckpoint ?? 1000), cacheSize: Number(cache.rows[0]?.cache_size ?? -2000) };
    })();
    sqliteSettings.set(db, original);
  }
  const running = bulkWriters.get(db) ?? 0;
  bulkWriters.set(db, running + 1);
  // A bulk write that starts while the first is still applying the settings waits for them.
  if (running === 0) {
    bulkSettingsApplied.set(db, original.then(async () => {
      await sql.raw(`PRAGMA wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`).execute(db);
      await sql.raw(`PRAGMA cache_size = -${BULK_CACHE_KIB}`).execute(db);
    }));
  }
  try {
    await bulkSettingsApplied.get(db);
    return await write();
  } finally {
    const left = (bulkWriters.get(db) ?? 1) - 1;
    bulkWriters.set(db, left);
    if (left === 0) {
      const restore = await original;
      // Copies the rest of the WAL into the database and gives the file's space back (it may have
      // grown to BULK_CHECKPOINT_PAGES); a reader still in the WAL only makes this return early.
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      await sql.raw(`PRAGMA wal_autocheckpoint = ${restore.checkpointInterval}`).execute(db);
      await sql.raw(`PRAGMA cache_size = ${restore.cacheSize}`).execute(db);
    }
  }
}
