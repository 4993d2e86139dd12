import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../testing/harness.ts';

/** The `xinxue` command as a user runs it: a separate process, configured by the environment. */
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/xinxue.js');

describe(`xinxue command line (${testEngine})`, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xinxue-cli-'));
  const schema = `cli_${randomBytes(5).toString('hex')}`;
  const baseUrl = process.env.TEST_DATABASE_URL;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir };
  if (testEngine === 'postgres') env.DATABASE_URL = `${baseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

  const run = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  /** Edits one audit row behind the application's back, as a database administrator could. */
  async function tamper(id: number) {
    if (testEngine === 'postgres') {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`SET search_path TO ${schema}`);
      await client.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
      await client.query(`UPDATE audit_log SET actor_name = 'someone-else' WHERE id = $1`, [id]);
      await client.end();
    } else {
      const db = new Sqlite(path.join(dataDir, 'xinxue.sqlite'));
      db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name = 'someone-else' WHERE id = ${id}`);
      db.close();
    }
  }

  beforeAll(async () => {
    if (testEngine === 'postgres') {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.end();
    }
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (testEngine === 'postgres') {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
  });

  it('lists its commands', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(0);
    for (const command of ['migrate', 'user', 'audit-log', 'demo']) expect(out).toContain(command);
  });

  it('migrates, and reports when there is nothing left to do', () => {
    const first = run(['migrate']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('已执行：20261127-0001-foundation');
    const again = run(['migrate']);
    expect(again.out).toContain('数据库已是最新结构');
    expect(run(['migrate', '--status']).out).toMatch(/已执行\s+20261127-0002-division-data/);
  });

  it('adds a user with the password from standard input, and refuses a weak one', () => {
    const ok = run(['user', 'add', '--username', 'liming', '--role', 'countyOrgDept', '--scope', '420506', '--name', '李明', '--password-stdin'], 'Yiling#2026\n');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('已新建账号 liming（县（市、区）委组织部，管辖范围：夷陵区）');
    const weak = run(['user', 'add', '--username', 'weak', '--role', 'inspector', '--scope', '4205', '--password-stdin'], 'abc\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('密码至少8位');
    const badRole = run(['user', 'add', '--username', 'x1x', '--role', 'king', '--scope', '4205', '--password-stdin'], 'Yiling#2026\n');
    expect(badRole.err).toContain('角色“king”不存在');
  });

  it('loads the demo only into an empty database', () => {
    const refused = run(['demo']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('演示数据只能载入空数据库');
  });

  it('imports a ledger file and prints exactly one JSON object, then counts the people', () => {
    const file = path.join(dataDir, 'police.csv');
    writeFileSync(file, `\uFEFF姓名,公民身份号码,现住址,流入时间\r\n张三,420822198704188811,湖北省宜昌市夷陵区小溪塔街道,2024-01-01\r\n李四,420506199003071230,湖北省宜昌市夷陵区,2024-01-01\r\n`);
    const r = run(['import', 'ledger', '--source', 'police', file, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      file: 'police.csv', source: 'police', rows: 2, created: 1, updated: 0, unchanged: 0, linkedWithoutId: 0, queuedForReview: 0, conflicts: 0,
      rejected: [{ row: 3, column: '公民身份号码', message: '公民身份号码校验码错误' }],
    });
    expect(run(['ledger', 'count']).out.trim()).toBe('1');
    const again = JSON.parse(run(['import', 'ledger', '--source', 'police', file, '--json']).out) as { unchanged: number; created: number };
    expect(again).toMatchObject({ created: 0, unchanged: 1 });
    expect(run(['import', 'ledger', '--source', 'bank', file]).err).toMatch(/bank/);
  });

  it('verifies the audit log and names the first broken link after a hand edit', async () => {
    const clean = run(['audit-log', 'verify']);
    expect(clean.code, clean.err).toBe(0);
    expect(clean.out).toMatch(/审计日志完整：共 \d+ 条/);
    await tamper(1);
    const broken = run(['audit-log', 'verify']);
    expect(broken.code).toBe(2);
    expect(broken.out).toContain('审计日志在第 1 条断链：内容与校验值不符（记录被改动）');
    const json = JSON.parse(run(['audit-log', 'verify', '--json']).out) as { ok: boolean; firstBroken: { id: number } };
    expect(json).toMatchObject({ ok: false, firstBroken: { id: 1 } });
  });
});

describe(`xinxue demo (${testEngine})`, () => {
  it('fills an empty database with Yichang and one account per role', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xinxue-demo-'));
    const schema = `demo_${randomBytes(5).toString('hex')}`;
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: dataDir };
    const admin = testEngine === 'postgres' ? new pg.Client({ connectionString: process.env.TEST_DATABASE_URL }) : undefined;
    if (admin) {
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      env.DATABASE_URL = `${process.env.TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }
    try {
      const r = spawnSync(process.execPath, [BIN, 'demo', '--people', '200'], { env, encoding: 'utf8', timeout: 240_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('已载入演示数据：1777 个党组织');
      expect(r.stdout).toContain('已加入 200 名流动人员（种子 2026），台帐现有 200 人');
      // The demo's dossiers bring a few people of their own, so count before adding 50 more.
      const counted = () => Number(spawnSync(process.execPath, [BIN, 'ledger', 'count'], { env, encoding: 'utf8', timeout: 60_000 }).stdout.trim());
      const before = counted();
      expect(before).toBeGreaterThanOrEqual(200);
      const more = spawnSync(process.execPath, [BIN, 'demo', '--people', '50', '--seed', '7'], { env, encoding: 'utf8', timeout: 240_000 });
      expect(more.stdout).toContain(`台帐现有 ${before + 50} 人`);
      expect(r.stdout).toMatch(/密码均为 \S+，仅用于演示/);
      for (const username of ['city_org', 'yiling_org', 'xiaoxita', 'branch_org', 'grid_worker', 'service_staff', 'inspector', 'sys_admin', 'sec_admin', 'audit_admin']) {
        expect(r.stdout).toContain(username);
      }
    } finally {
      if (admin) {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000); // the whole demo: organizations, registry, mobile and micro-organizations, dossiers
});
