/**
 * Ledger import throughput as a ratio to the raw engine (issue 3):
 *   baseline — csv-parse the same files and insert every row raw into one table with one prepared
 *              statement in one transaction (better-sqlite3), or COPY-free multi-row INSERT (PostgreSQL);
 *   product  — `LedgerImportService.run` on the three files in turn (validation, matching, facts, history).
 * Also the schema's floor (the rows the product stored, copied by SQLite alone: the fastest any
 * import storing them could be), the .xlsx figure (ExcelJS streaming reader + raw insert vs
 * product) and the import's peak RSS: the product runs in a child process of its own (as
 * `xinxue import ledger` does), on a database migrated beforehand, and reports its own peak; file
 * generation and the baselines stay out of it.
 *   npm run bench ledger-import            (BENCH_ROWS=1000000 by default, split over 3 sources)
 *   BENCH_ROWS=30000 npm run bench ledger-import
 *   BENCH_DATABASE_URL=postgres://… adds the PostgreSQL figure
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { BULK_CACHE_KIB, BULK_CHECKPOINT_PAGES } from '../apps/server/src/db/bulk.ts';
import { openDatabase } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { cliActor } from '../apps/server/src/lib/context.ts';
import { createFieldCrypto } from '../apps/server/src/lib/crypto.ts';
import { createServices } from '../apps/server/src/services.ts';
import { SOURCES, writeSourceCsvs, writeXlsx } from './support/ledger-files.ts';

type Source = (typeof SOURCES)[number];
interface ProductJob {
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  pgSchema?: string;
  dataDir: string;
  inputs: { source: Source; file: string }[];
}
interface ProductResult {
  rowsPerSecond: number;
  people: number;
  rows: number;
  /** The import process's peak RSS while importing (sampled every 50 ms), and the kernel's high-water mark of the whole process. */
  peakRssMb: number;
  highWaterMb: number;
  /** RSS once the code is loaded and the database open, before the first row. */
  startRssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Child mode: import the files into an already migrated database, print the result as JSON on stdout. */
async function productChild(job: ProductJob): Promise<void> {
  const database = openDatabase({ databaseUrl: job.databaseUrl, sqliteFile: job.sqliteFile, pgSchema: job.pgSchema });
  const services = createServices(database, createFieldCrypto(Buffer.alloc(32, 3)), { sessionIdleMinutes: 30, cityCode: '4205', dataDir: job.dataDir });
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = performance.now();
  let rows = 0;
  for (const { source, file } of job.inputs) {
    const summary = await services.ledgerImport.run({ source, filePath: file, fileName: path.basename(file), actor: cliActor(), userId: null, scopePrefix: '4205' });
    rows += summary.rows;
    console.error(`    ${source}: ${summary.rows} 行，新建 ${summary.created}，更新 ${summary.updated}，无变化 ${summary.unchanged}，冲突 ${summary.conflicts}，退回 ${summary.rejected.length}`);
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const highWater = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  const { n } = await database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await database.close();
  const result: ProductResult = { rowsPerSecond: rows / seconds, people: Number(n), rows, peakRssMb: mb(peak), highWaterMb: mb(highWater), startRssMb: mb(startRss) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[2] === '--product-child') {
  await productChild(JSON.parse(process.argv[3]!) as ProductJob);
  process.exit(0);
}

const total = Number(process.env.BENCH_ROWS ?? 1_000_000);
const perSource = Math.ceil(total / 3);
const dir = mkdtempSync(path.join(os.tmpdir(), 'xinxue-import-bench-'));
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

console.log(`生成 ${perSource * 3} 行（每个来源 ${perSource} 行，约三分之一与其他来源重叠）…`);
const files = await writeSourceCsvs(dir, perSource);
const xlsxRows = Math.min(100_000, perSource);
const xlsxFile = path.join(dir, 'police.xlsx');
await writeXlsx(xlsxFile, xlsxRows);

async function baselineCsvSqlite(): Promise<number> {
  const db = new Sqlite(path.join(dir, `baseline-${Date.now()}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, c0 TEXT, c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT, c8 TEXT, c9 TEXT)');
  const insert = db.prepare('INSERT INTO rows (c0, c1, c2, c3, c4, c5, c6, c7, c8, c9) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const start = performance.now();
  let n = 0;
  db.exec('BEGIN');
  for (const s of SOURCES) {
    for await (const record of createReadStream(files[s]).pipe(parse({ bom: true, relax_column_count: true, from_line: 2 })) as AsyncIterable<string[]>) {
      insert.run(...Array.from({ length: 10 }, (_, i) => record[i] ?? null));
      n++;
    }
  }
  db.exec('COMMIT');
  db.close();
  return n / ((performance.now() - start) / 1000);
}

async function baselineXlsxSqlite(): Promise<number> {
  const db = new Sqlite(path.join(dir, `baseline-x-${Date.now()}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, c0 TEXT, c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT, c8 TEXT, c9 TEXT)');
  const insert = db.prepare('INSERT INTO rows (c0, c1, c2, c3, c4, c5, c6, c7, c8, c9) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const start = performance.now();
  let n = 0;
  db.exec('BEGIN');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsxFile, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (row.number === 1) continue;
      const v = (row.values as unknown[]).slice(1);
      insert.run(...Array.from({ length: 10 }, (_, i) => (v[i] === undefined ? null : String(v[i]))));
      n++;
    }
  }
  db.exec('COMMIT');
  db.close();
  return n / ((performance.now() - start) / 1000);
}

async function baselineCsvPostgres(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP TABLE IF EXISTS bench_rows; CREATE TABLE bench_rows (id serial primary key, c0 text, c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text)');
  const start = performance.now();
  let n = 0;
  let batch: (string | null)[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const params: (string | null)[] = [];
    const values = batch.map((r) => `(${r.map((v) => { params.push(v); return `$${params.length}`; }).join(',')})`).join(',');
    await client.query(`INSERT INTO bench_rows (c0,c1,c2,c3,c4,c5,c6,c7,c8,c9) VALUES ${values}`, params);
    batch = [];
  };
  await client.query('BEGIN');
  for (const s of SOURCES) {
    for await (const record of createReadStream(files[s]).pipe(parse({ bom: true, relax_column_count: true, from_line: 2 })) as AsyncIterable<string[]>) {
      batch.push(Array.from({ length: 10 }, (_, i) => record[i] ?? null));
      n++;
      if (batch.length >= 1000) await flush();
    }
  }
  await flush();
  await client.query('COMMIT');
  await client.query('DROP TABLE bench_rows');
  await client.end();
  return n / ((performance.now() - start) / 1000);
}

/**
 * The schema's floor: what the product stored (people, their facts, their lookups) copied into a
 * fresh migrated database by SQLite alone (INSERT … SELECT, no JavaScript per row), a range of
 * people at a time, in transactions of about 10,000 input rows, with the settings an import runs
 * under. No import that stores these rows with these indexes can be faster; in input rows/s.
 */
async function floorSqlite(productFile: string, inputRows: number): Promise<number> {
  const file = path.join(dir, `floor-${Date.now()}.sqlite`);
  const database = openDatabase({ sqliteFile: file });
  await migrateToLatest(database.db);
  await database.close();
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  db.pragma(`wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`);
  db.prepare('ATTACH ? AS product').run(productFile);
  const copies = ['people WHERE id', 'person_facts WHERE person_id', 'person_lookups WHERE person_id'].map((from) =>
    db.prepare(`INSERT INTO main.${from.split(' ')[0]} SELECT * FROM product.${from} BETWEEN ? AND ?`));
  const { people, last } = db.prepare('SELECT count(*) AS people, max(id) AS last FROM product.people').get() as { people: number; last: number };
  const perTransaction = Math.max(1, Math.round((people * 10_000) / inputRows));
  const start = performance.now();
  for (let low = 1; low <= last; low += perTransaction) {
    db.exec('BEGIN');
    for (const copy of copies) copy.run(low, low + perTransaction - 1);
    db.exec('COMMIT');
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return inputRows / seconds;
}

/** The product's import of `inputs` on a fresh migrated database, run in a child process of its own. */
async function product(databaseUrl: string | undefined, inputs: { source: Source; file: string }[]): Promise<ProductResult & { sqliteFile: string | undefined }> {
  const pgSchema = databaseUrl ? `bench_${Date.now()}` : undefined;
  const sqliteFile = databaseUrl ? undefined : path.join(dir, `product-${Date.now()}.sqlite`);
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query(`CREATE SCHEMA ${pgSchema}`);
    await c.end();
  }
  const database = openDatabase({ databaseUrl, sqliteFile, pgSchema });
  await migrateToLatest(database.db);
  await database.close();
  const job: ProductJob = { databaseUrl, sqliteFile, pgSchema, dataDir: dir, inputs };
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--product-child', JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`导入子进程退出码 ${code}`);
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query(`DROP SCHEMA ${pgSchema} CASCADE`);
    await c.end();
  }
  return { ...(JSON.parse(out.trim().split('\n').at(-1)!) as ProductResult), sqliteFile };
}

const memory = (r: ProductResult) => `导入进程峰值内存（RSS）${r.peakRssMb} MB（载入代码后 ${r.startRssMb} MB，进程最高水位 ${r.highWaterMb} MB）`;

const csvInputs = SOURCES.map((source) => ({ source, file: files[source] }));
console.log('\nCSV → SQLite');
const base = await baselineCsvSqlite();
console.log(`  基线（csv-parse + 原始插入）：${Math.round(base)} 行/秒`);
const prod = await product(undefined, csvInputs);
const importPeaks = [`CSV → SQLite ${prod.peakRssMb} MB`];
console.log(`  产品（校验、匹配、事实与历史）：${Math.round(prod.rowsPerSecond)} 行/秒，${prod.people} 人`);
console.log(`  比值 ${(prod.rowsPerSecond / base).toFixed(3)}×`);
console.log(`  ${memory(prod)}`);
const floor = await floorSqlite(prod.sqliteFile!, prod.rows);
console.log(`  本结构的下限（产品写入的人员、事实、查找行由 SQLite 自行复制，无逐行 JavaScript）：${Math.round(floor)} 行/秒，比值 ${(floor / base).toFixed(3)}×；产品达到下限的 ${(prod.rowsPerSecond / floor).toFixed(2)}`);

console.log(`\nXLSX → SQLite（${xlsxRows} 行）`);
const xbase = await baselineXlsxSqlite();
console.log(`  基线（ExcelJS 流式读取 + 原始插入）：${Math.round(xbase)} 行/秒`);
const xprod = await product(undefined, [{ source: 'police', file: xlsxFile }]);
importPeaks.push(`XLSX → SQLite ${xprod.peakRssMb} MB`);
console.log(`  产品：${Math.round(xprod.rowsPerSecond)} 行/秒；比值 ${(xprod.rowsPerSecond / xbase).toFixed(3)}×`);
console.log(`  ${memory(xprod)}`);

const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) {
  console.log('\nCSV → PostgreSQL');
  const pbase = await baselineCsvPostgres(pgUrl);
  console.log(`  基线（csv-parse + 1000 行一条的 INSERT）：${Math.round(pbase)} 行/秒`);
  const pprod = await product(pgUrl, csvInputs);
  console.log(`  产品：${Math.round(pprod.rowsPerSecond)} 行/秒；比值 ${(pprod.rowsPerSecond / pbase).toFixed(3)}×`);
  console.log(`  ${memory(pprod)}`);
  importPeaks.push(`PostgreSQL ${pprod.peakRssMb} MB`);
}

clearInterval(sampler);
console.log(`\n导入的峰值内存（RSS，导入子进程自身，目标 < 500 MB）：${importPeaks.join('，')}`);
console.log(`基准进程自身（生成文件、基线）峰值内存：${mb(peakRss)} MB`);
rmSync(dir, { recursive: true, force: true });
