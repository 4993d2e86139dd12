/**
 * Foundation benchmarks, each as a ratio against the raw engine doing the same work:
 *  1. a scoped list (all party organizations of 夷陵区 in the Yichang demo) through the service
 *     (Kysely + scope + view mapping) vs one prepared better-sqlite3 statement;
 *  2. a page of grids through the HTTP API (app.inject, session, zod) vs the raw query;
 *  3. audit-log appends (transaction + chain MAC) vs raw single-row inserts.
 * Best of several rounds; the VM is noisy (30–50 % run to run), so compare ratios, not absolutes.
 *   npm run bench foundation
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { buildApp } from '../apps/server/src/app.ts';
import { openDatabase } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { loadDemo, DEMO_PASSWORD } from '../apps/server/src/demo/demo.ts';
import { createFieldCrypto } from '../apps/server/src/lib/crypto.ts';
import { createServices } from '../apps/server/src/services.ts';

function best(label: string, rounds: number, iterations: number, fn: () => unknown): number {
  let bestMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    bestMs = Math.min(bestMs, (performance.now() - start) / iterations);
  }
  console.log(`  ${label.padEnd(46)} ${(bestMs * 1000).toFixed(1).padStart(9)} µs/op`);
  return bestMs;
}

async function bestAsync(label: string, rounds: number, iterations: number, fn: () => Promise<unknown>): Promise<number> {
  let bestMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) await fn();
    bestMs = Math.min(bestMs, (performance.now() - start) / iterations);
  }
  console.log(`  ${label.padEnd(46)} ${(bestMs * 1000).toFixed(1).padStart(9)} µs/op`);
  return bestMs;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'xinxue-bench-'));
const file = path.join(dir, 'bench.sqlite');
const database = openDatabase({ sqliteFile: file });
await migrateToLatest(database.db);
const services = createServices(database, createFieldCrypto(Buffer.alloc(32, 1)), { sessionIdleMinutes: 30, cityCode: '4205', dataDir: dir });
await loadDemo(services);
const raw = new Sqlite(file, { readonly: false });
raw.pragma('journal_mode = WAL');

const ctx = { user: { id: 2, username: 'yiling_org', displayName: '李华', role: 'countyOrgDept' as const, scope: { divisionPrefix: '420506', orgId: null } }, ip: '127.0.0.1' };
console.log('\n1. scoped list: party organizations of 夷陵区 (225 rows)');
const rawOrgs = raw.prepare(`SELECT * FROM party_orgs WHERE division_code >= ? AND division_code < ? ORDER BY division_code, id LIMIT 5000`);
const rawMs = best('raw better-sqlite3 prepared statement', 5, 200, () => rawOrgs.all('420506', '420507'));
const svcMs = await bestAsync('OrgsService.list (Kysely + scope + names)', 5, 200, () => services.orgs.list(ctx));
console.log(`  ratio ${(svcMs / rawMs).toFixed(2)}×`);

console.log('\n2. HTTP: GET /api/grids?within=420506001 (小溪塔街道) as the county user');
const app = await buildApp(services, { logLevel: 'silent', serveWeb: false, loginRateLimit: 1e6 });
await app.ready();
const loginRes = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'yiling_org', password: DEMO_PASSWORD } });
const cookie = `xinxue_sid=${loginRes.cookies.find((c) => c.name === 'xinxue_sid')!.value}`;
const rawGrids = raw.prepare(`SELECT * FROM grids WHERE division_code >= ? AND division_code < ? AND retired_at IS NULL ORDER BY division_code, id LIMIT 2000`);
const rawGridMs = best('raw query + JSON.stringify', 5, 200, () => JSON.stringify(rawGrids.all('420506001', '420506002')));
const httpMs = await bestAsync('app.inject (session, scope, zod, workers, names)', 5, 200, () => app.inject({ method: 'GET', url: '/api/grids?within=420506001', headers: { cookie } }));
console.log(`  ratio ${(httpMs / rawGridMs).toFixed(2)}×`);

console.log('\n3. audit-log append');
raw.exec(`CREATE TABLE raw_log (id INTEGER PRIMARY KEY, at TEXT, action TEXT, detail TEXT)`);
const rawInsert = raw.prepare(`INSERT INTO raw_log (at, action, detail) VALUES (?, ?, ?)`);
const rawLogMs = best('raw single-row insert (autocommit)', 3, 500, () => rawInsert.run(new Date().toISOString(), 'bench', '{}'));
raw.close();
const actor = { id: null, name: 'bench', role: null, ip: '127.0.0.1' };
const logMs = await bestAsync('AuditLogService.record (tx + chain MAC)', 3, 500, () => services.auditLog.record(actor, { action: 'bench', detail: { i: 1 } }));
console.log(`  ratio ${(logMs / rawLogMs).toFixed(2)}×`);
const verifyStart = performance.now();
const verified = await services.auditLog.verify();
console.log(`  verify ${verified.checked} entries: ${(performance.now() - verifyStart).toFixed(0)} ms`);

await app.close();
await database.close();
rmSync(dir, { recursive: true, force: true });
