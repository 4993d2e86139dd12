import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../testing/harness.ts';
import { usccFor } from '../../testing/new-orgs-files.ts';

/** `xinxue import orgs` as a user runs it: a separate process, configured by the environment. */
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/xinxue.js');

describe(`xinxue import orgs, import new-orgs (${testEngine})`, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xinxue-orgs-cli-'));
  const schema = `cli_${randomBytes(5).toString('hex')}`;
  const baseUrl = process.env.TEST_DATABASE_URL;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir };
  if (testEngine === 'postgres') env.DATABASE_URL = `${baseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const admin = async (sqlText: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(sqlText);
    await client.end();
  };

  beforeAll(async () => {
    if (testEngine === 'postgres') await admin(`CREATE SCHEMA ${schema}`);
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (testEngine === 'postgres') await admin(`DROP SCHEMA ${schema} CASCADE`);
  });

  it('imports in any order, prints exactly one JSON object, changes nothing the second time, and keeps to --scope', () => {
    expect(run(['migrate']).code).toBe(0);
    const file = path.join(dataDir, '党组织.csv');
    writeFileSync(
      file,
      [
        '\uFEFF党组织名称,类别,上级党组织,所在行政区划,成立日期',
        '中共冯家湾社区第一支部委员会,党支部,中共小溪塔街道工作委员会,420506001001,2020-01-01',
        '中共小溪塔街道工作委员会,党委,,夷陵区小溪塔街道,2018-01-01',
        '中共西陵街道工作委员会,党委,,420502001,2018-01-01',
        '',
      ].join('\r\n'),
    );
    const scoped = run(['import', 'orgs', file, '--json', '--scope', '420506']);
    expect(scoped.code, scoped.err).toBe(0);
    expect(JSON.parse(scoped.out)).toEqual({
      file: '党组织.csv', rows: 3, created: 2, updated: 0, unchanged: 0,
      rejected: [{ row: 4, column: '所在行政区划', message: expect.stringContaining('不在您的管辖范围内') }],
    });
    const city = JSON.parse(run(['import', 'orgs', file, '--json']).out) as Record<string, unknown>;
    expect(city).toMatchObject({ created: 1, unchanged: 2, rejected: [] });
    const plain = run(['import', 'orgs', file]);
    expect(plain.out).toContain('共 3 行，新建 0 个党组织，更新 0 个，无变化 3 个，退回 0 行');
    // Four processes, each starting up and opening the database: minutes on a busy machine.
  }, 240_000);

  it('imports a register of enterprises with a bad row, prints one JSON object, and changes nothing the second time', () => {
    const file = path.join(dataDir, '企业名录.csv');
    const good = usccFor(301);
    const bad = `${usccFor(302).slice(0, 17)}${usccFor(302).endsWith('0') ? '1' : '0'}`;
    writeFileSync(
      file,
      [
        '\uFEFF统一社会信用代码,企业名称,所属行业,所在地区,从业人员,党员人数',
        `${good},宜昌命令行测试有限公司,C,420506001001,30,2`,
        `${bad},校验位错误公司,C,420506001,10,1`,
        '',
      ].join('\r\n'),
    );
    const first = run(['import', 'new-orgs', '--source', 'marketRegulation', file, '--json']);
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toEqual({
      file: '企业名录.csv', source: 'marketRegulation', rows: 2, created: 1, updated: 0, unchanged: 0,
      rejected: [{ row: 3, column: '统一社会信用代码', message: expect.stringContaining('校验位') }],
    });
    const again = run(['import', 'new-orgs', '--source', 'marketRegulation', file]);
    expect(again.out).toContain('共 2 行，新增 0 个单位，更新 0 个，无变化 1 个，退回 1 行');
  }, 240_000);
});
