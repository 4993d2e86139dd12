import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFile } from '../modules/dossier-audit/sample-file.ts';
import type { Services } from '../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase, testEngine } from '../testing/harness.ts';

/**
 * `xinxue audit` as a user runs it — a separate process, no database — against POST /api/audit on
 * the same file: the two must agree byte for byte on the result.
 */
// Each run starts a Node process that loads the whole command line (several seconds on a busy machine).
const SLOW = 180_000;
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/xinxue.js');

describe(`xinxue audit (${testEngine})`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xinxue-audit-'));
  const file = path.join(dir, 'dossiers.json');
  // No DATABASE_URL and an empty data folder: the command must not need (or create) a database.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: path.join(dir, 'no-database') };
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, 'audit', ...args], { env, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let client: TestClient;

  beforeAll(async () => {
    writeFileSync(file, JSON.stringify(sampleFile(), null, 2));
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    client = await loginAs(app, services, 'countyOrgDept', '420506');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the same xinxue-audit/1 as POST /api/audit for the same file and as-of date', { timeout: SLOW }, async () => {
    const cli = run([file, '--json', '--as-of', '2027-12-31']);
    expect(cli.code, cli.err).toBe(0);
    expect(cli.err).toBe('');
    const api = await client.request('POST', '/api/audit?asOf=2027-12-31', sampleFile());
    expect(api.statusCode).toBe(200);
    expect(JSON.parse(cli.out)).toEqual(api.json());
    expect(JSON.parse(cli.out).summary).toMatchObject({ dossiers: 2, withBlock: 1 });
    const explained = run([file, '--json', '--as-of', '2027-12-31', '--explain']);
    const apiExplained = await client.request('POST', '/api/audit?asOf=2027-12-31&explain=true', sampleFile());
    expect(JSON.parse(explained.out)).toEqual(apiExplained.json());
  });

  it('prints a readable Chinese report without --json', { timeout: SLOW }, () => {
    const { code, out } = run([file, '--as-of', '2027-12-31']);
    expect(code).toBe(0);
    expect(out).toContain('审核基准日：2027-12-31　档案 2 份：有否决项 1 份');
    expect(out).toContain('【D-0001】');
    expect(out).toContain('二、按规则');
    expect(out).toMatch(/R-DEV-1Y 培养考察满一年（否决）：1 条/);
  });

  it('refuses a malformed file with exit code 2, naming each JSON path, and judges nothing', { timeout: SLOW }, () => {
    const bad = sampleFile() as { dossiers: Record<string, unknown>[] };
    bad.dossiers[0]!.extra = true;
    const badFile = path.join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    const r = run([badFile, '--json', '--as-of', '2027-12-31']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('$.dossiers[0].extra：未知字段');
    expect(run([path.join(dir, 'missing.json')]).code).toBe(1);
  });

  it('runs with the settings the server hands out (GET /api/audit/settings)', { timeout: SLOW }, async () => {
    const settings = (await client.request('GET', '/api/audit/settings')).json() as Record<string, unknown>;
    const settingsFile = path.join(dir, 'settings.json');
    // The city makes training length a hard stop; the sample's clean dossier then stays clean,
    // and a dossier with a two-day course is refused.
    writeFileSync(settingsFile, JSON.stringify({ ...settings, rules: { ...(settings.rules as object), 'R-TRAIN-LENGTH': { severity: 'BLOCK' } } }));
    const sample = sampleFile();
    Object.assign((sample.dossiers[1] as { training: object }).training, { days: 2, hours: 16 });
    writeFileSync(file, JSON.stringify(sample));
    const strict = JSON.parse(run([file, '--json', '--as-of', '2027-12-31', '--settings', settingsFile]).out);
    writeFileSync(file, JSON.stringify(sampleFile()));
    expect(strict.results[1].findings).toContainEqual(expect.objectContaining({ rule: 'R-TRAIN-LENGTH', severity: 'BLOCK' }));
    writeFileSync(settingsFile, JSON.stringify({ ...settings, rules: { 'R-DEV-1Y': { enabled: false } } }));
    const refused = run([file, '--json', '--settings', settingsFile]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('$.rules["R-DEV-1Y"].enabled');
  });
});
