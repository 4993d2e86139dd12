import { CompiledQuery } from 'kysely';
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
}

export async function insertRows<R = never>(tx: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options: InsertOptions = {}): Promise<R[]> {
  const { returning, ignoreConflicts } = options;
  if (!rows.length) return [];
  const engine = engineOf(tx);
  const key = `${engine}|${table}|${columns.join(',')}|${rows.length}|${returning?.join(',') ?? ''}|${ignoreConflicts ? 1 : 0}`;
  let text = statements.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (engine === 'postgres' ? `$${++n}` : '?')).join(',')})`;
    const tuples = rows.map(tuple).join(',');
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${tuples}${ignoreConflicts ? ' on conflict do nothing' : ''}${returning ? ` returning ${returning.map((c) => `"${c}"`).join(',')}` : ''}`;
    if (statements.size > 200) statements.clear();
    statements.set(key, text);
  }
  const params: unknown[] = [];
  for (const row of rows) for (const v of row) params.push(v === undefined ? null : v);
  const result = await tx.executeQuery<R>(CompiledQuery.raw(text, params));
  return result.rows;
}

/** `update "table" set … where "id" = ?` with the SQL text cached per set of columns. */
export async function updateById(tx: Db, table: string, id: number, set: Record<string, unknown>): Promise<void> {
  const engine = engineOf(tx);
  const columns = Object.keys(set);
  const key = `${engine}|update|${table}|${columns.join(',')}`;
  let text = statements.get(key);
  if (!text) {
    const mark = (i: number) => (engine === 'postgres' ? `$${i + 1}` : '?');
    text = `update "${table}" set ${columns.map((c, i) => `"${c}" = ${mark(i)}`).join(', ')} where "id" = ${mark(columns.length)}`;
    statements.set(key, text);
  }
  const params = columns.map((c) => (set[c] === undefined ? null : set[c]));
  params.push(id);
  await tx.executeQuery(CompiledQuery.raw(text, params));
}
