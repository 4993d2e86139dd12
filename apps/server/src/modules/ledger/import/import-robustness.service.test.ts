import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleGenerator } from '../../../demo/people-generator.ts';
import { openDatabase } from '../../../db/database.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { cliActor } from '../../../lib/context.ts';
import { createFieldCrypto } from '../../../lib/crypto.ts';
import { createServices, type Services } from '../../../services.ts';
import { testEngine } from '../../../testing/harness.ts';
import { tempDir } from '../../../testing/ledger-files.ts';

/**
 * The bad input an import must survive: many bad rows among good ones, two imports at once, and a
 * kill -9 in the middle followed by a rerun. Afterwards counts are exact, nobody is duplicated,
 * no row is lost. Runs against a database the command line can reach too (a file, or a schema).
 */
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../bin/xinxue.js');
const KEY = randomBytes(32).toString('base64');
const HEADER = '姓名,公民身份号码,现住址,流入时间,服务处所,联系电话';

function peopleCsv(file: string, seed: number, count: number, badEvery = 0): { file: string; ids: string[]; bad: number[] } {
  const generator = peopleGenerator(seed);
  const lines = [`\uFEFF${HEADER}`];
  const ids: string[] = [];
  const bad: number[] = [];
  for (let i = 0; i < count; i++) {
    const p = generator.next();
    if (badEvery && i % badEvery === badEvery - 1) {
      lines.push(`${p.name},${p.idNumber.slice(0, 17)}${p.idNumber[17] === '0' ? '1' : '0'},湖北省宜昌市夷陵区小溪塔街道,2024-01-01,,${p.phone}`);
      bad.push(lines.length);
    } else {
      lines.push(`${p.name},${p.idNumber},湖北省宜昌市夷陵区小溪塔街道冯家湾社区${i}号,${p.movedOn},${p.employer},${p.phone}`);
      ids.push(p.idNumber);
    }
  }
  writeFileSync(file, lines.join('\r\n'));
  return { file, ids, bad };
}

describe(`import robustness (${testEngine})`, () => {
  const dir = tempDir();
  const schema = `robust_${randomBytes(5).toString('hex')}`;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: dir, XINXUE_KEY: KEY };
  let services: Services;
  let close: () => Promise<void>;

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (testEngine === 'postgres') {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      databaseUrl = process.env.TEST_DATABASE_URL;
      env.DATABASE_URL = `${databaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }
    const database = openDatabase({ databaseUrl, sqliteFile: path.join(dir, 'xinxue.sqlite'), pgSchema: databaseUrl ? schema : undefined });
    await migrateToLatest(database.db);
    services = createServices(database, createFieldCrypto(Buffer.from(KEY, 'base64')), { sessionIdleMinutes: 30, cityCode: '4205', dataDir: dir });
    close = async () => {
      await database.close();
      if (databaseUrl) {
        const admin = new pg.Client({ connectionString: databaseUrl });
        await admin.connect();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    };
  });
  afterAll(async () => close?.());

  const peopleCount = async () => Number((await services.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const importFile = (file: string, source: 'police' | 'familyPlanning' = 'police') => services.ledgerImport.run({ source, filePath: file, fileName: path.basename(file), actor: cliActor(), userId: null, scopePrefix: '4205' });

  it('commits the good rows when 10% are bad, and names every bad row', async () => {
    const { file, ids, bad } = peopleCsv(path.join(dir, 'tenth.csv'), 11, 600, 10);
    const summary = await importFile(file);
    expect(summary).toMatchObject({ rows: 600, created: ids.length, unchanged: 0 });
    expect(summary.rejected.map((r) => r.row)).toEqual(bad);
    expect(new Set(summary.rejected.map((r) => r.column))).toEqual(new Set(['公民身份号码']));
    expect(await peopleCount()).toBe(540);
  });

  it('runs two imports at once without duplicating the people they share', async () => {
    const a = peopleCsv(path.join(dir, 'a.csv'), 21, 700);
    const b = peopleCsv(path.join(dir, 'b.csv'), 21, 700); // the same people from a second department
    const before = await peopleCount();
    const [ra, rb] = await Promise.all([importFile(a.file), importFile(b.file, 'familyPlanning')]);
    expect(ra.created + rb.created).toBe(700);
    expect(ra.rows + rb.rows).toBe(1400);
    expect(await peopleCount()).toBe(before + 700);
  });

  it('survives kill -9 in the middle of an import: a rerun completes it exactly', async () => {
    const { file, ids } = peopleCsv(path.join(dir, 'big.csv'), 31, 6000);
    const before = await peopleCount();
    const child = spawn(process.execPath, [BIN, 'import', 'ledger', '--source', 'police', file, '--json'], { env, stdio: 'ignore' });
    let progressed = 0;
    for (let i = 0; i < 600 && progressed < 1000; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const row = await services.database.db.selectFrom('imports').select(['rows', 'status']).where('file_name', '=', 'big.csv').orderBy('id', 'desc').executeTakeFirst();
      progressed = row?.rows ?? 0;
      expect(row?.status ?? 'running').toBe('running');
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = await peopleCount();
    expect(partial - before).toBeGreaterThanOrEqual(1000);
    expect(partial - before).toBeLessThan(6000);
    // Whole batches only: every person written has all their facts.
    const orphans = await services.database.db.selectFrom('people').select('id').where('id', 'not in', services.database.db.selectFrom('person_facts').select('person_id')).execute();
    expect(orphans).toEqual([]);
    const rerun = await importFile(file);
    expect(rerun.created + rerun.unchanged).toBe(6000);
    expect(rerun.created).toBe(6000 - (partial - before));
    expect(await peopleCount()).toBe(before + ids.length);
    const dupes = await services.database.db.selectFrom('people').select(['id_number_hash']).where('id_number_hash', 'is not', null).groupBy('id_number_hash').having((eb) => eb.fn.countAll(), '>', 1).execute();
    expect(dupes).toEqual([]);
  });
});
