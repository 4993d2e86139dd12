import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase as SqliteKyselyDatabase } from 'kysely';
import pg from 'pg';
import type { Engine } from './dialect.ts';
import type { Database } from './schema.ts';

// int8 (count(*)) arrives as a string and DATE as a JS Date by default; make both engines agree.
pg.types.setTypeParser(20, Number);
pg.types.setTypeParser(1082, (v: string) => v);

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** Human-readable location without credentials, for logs and `xinxue --help`. */
  location: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /** PostgreSQL only: put every table in this schema (tests get a fresh one per file). */
  pgSchema?: string;
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(options.databaseUrl);
    return {
      db,
      engine: 'postgres',
      location: `postgres://${url.host}${url.pathname}${options.pgSchema ? ` (schema ${options.pgSchema})` : ''}`,
      close: () => db.destroy(),
    };
  }
  const file = options.sqliteFile ?? path.resolve('data', 'xinxue.sqlite');
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -131072');
  // Planner statistics: without them SQLite guesses that a division range is selective and scans a
  // whole county instead of using the pinyin indexes. Bounded, so opening a large file stays quick.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', location: file, close: () => db.destroy() };
}

/**
 * Kysely prepares every query afresh; better-sqlite3 statements can be reused, and preparing cost
 * about a tenth of a search request. The most recently used statements are kept by SQL text.
 * Kysely runs one query at a time on the connection, so a statement is never in use twice.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size = 500): SqliteKyselyDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else statement = sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
