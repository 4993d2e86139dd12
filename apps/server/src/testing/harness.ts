import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Role, requiresTotp } from '@xinxue/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createFieldCrypto } from '../lib/crypto.ts';
import { cliActor } from '../lib/context.ts';
import { createServices, type Services } from '../services.ts';

/**
 * A fresh, migrated database per test file: a temporary SQLite file, or — when the Vitest project
 * sets XINXUE_TEST_ENGINE=postgres — a new schema on TEST_DATABASE_URL. Real engines, no mocks.
 */
export const testEngine = process.env.XINXUE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase extends DatabaseHandle {
  /** Runs raw SQL as the database owner (to simulate someone editing rows by hand). */
  raw(sqlText: string): Promise<void>;
  /** Every value of every table as text: what a logical dump (pg_dump, .dump) would contain. */
  dumpText(): Promise<string>;
  /** SQLite only: the database file's bytes, free pages included. */
  rawBytes?: () => Promise<Buffer>;
  sqliteFile?: string;
  pgSchema?: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  // Workers keep their module cache between files (vitest.config.ts): a worker that ran one
  // project's files must never run the other engine's with this module's value.
  const engineNow = process.env.XINXUE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
  if (engineNow !== testEngine) throw new Error(`测试引擎不一致：模块载入时为 ${testEngine}，现在为 ${engineNow}`);
  if (testEngine === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('XINXUE_TEST_ENGINE=postgres 需要 TEST_DATABASE_URL');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const handle = openDatabase({ databaseUrl: url, pgSchema: schema });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      pgSchema: schema,
      raw: async (sqlText) => {
        await admin.query(`SET search_path TO ${schema}`);
        await admin.query(sqlText);
      },
      dumpText: async () => {
        const { rows } = await admin.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schema]);
        let out = '';
        for (const { table_name } of rows) {
          const result = await admin.query(`SELECT * FROM ${schema}.${table_name}`);
          out += JSON.stringify(result.rows);
        }
        return out;
      },
      close: async () => {
        await handle.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xinxue-test-'));
  const file = path.join(dir, 'test.sqlite');
  const handle = openDatabase({ sqliteFile: file });
  await migrateToLatest(handle.db);
  const { default: Sqlite } = await import('better-sqlite3');
  return {
    ...handle,
    sqliteFile: file,
    raw: async (sqlText) => {
      const direct = new Sqlite(file);
      try {
        direct.exec(sqlText);
      } finally {
        direct.close();
      }
    },
    dumpText: async () => {
      const direct = new Sqlite(file, { readonly: true });
      try {
        const tables = direct.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
        return tables.map(({ name }) => JSON.stringify(direct.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
      } finally {
        direct.close();
      }
    },
    rawBytes: async () => {
      const direct = new Sqlite(file);
      direct.pragma('wal_checkpoint(TRUNCATE)');
      direct.close();
      const { readFileSync } = await import('node:fs');
      return readFileSync(file);
    },
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TEST_KEY = randomBytes(32);

export async function createTestServices(): Promise<{ services: Services; database: TestDatabase }> {
  const database = await createTestDatabase();
  const services = createServices(database, createFieldCrypto(TEST_KEY), { sessionIdleMinutes: 30, cityCode: '4205', dataDir: mkdtempSync(path.join(os.tmpdir(), 'xinxue-data-')) });
  return { services, database };
}

export interface TestClient {
  userId: number;
  username: string;
  cookie: string;
  csrfToken: string;
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** A request with a raw body (multipart uploads). */
  raw(method: string, url: string, payload: Buffer, headers: Record<string, string>): Promise<LightMyRequestResponse>;
}

export const TEST_PASSWORD = 'Test#Pass2026';

let userCounter = 0;
/** TOTP secrets enrolled during this test file, so a second login can answer the challenge. */
export const totpSecrets = new Map<string, string>();

/** Creates an account (through the service, as the CLI would) and returns its id. */
export async function createUser(services: Services, role: Role, scope: string, extra: { username?: string; phone?: string } = {}) {
  userCounter += 1;
  const username = extra.username ?? `${role.toLowerCase()}_${userCounter}`;
  const user = await services.users.create({ username, displayName: `测试${userCounter}`, role, scopeDivision: scope, password: TEST_PASSWORD, phone: extra.phone }, cliActor());
  return user;
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'xinxue_sid');
  if (!cookie) throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `xinxue_sid=${cookie.value}`;
}

/** Logs in through the HTTP API, enrolling and answering TOTP for administrators. */
export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD, role?: Role): Promise<TestClient> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res);
  const { csrfToken, next } = res.json() as { csrfToken: string; next: string };
  const client: TestClient = {
    userId: 0,
    username,
    cookie,
    csrfToken,
    request: (method, url, body) =>
      app.inject({ method: method as 'GET', url, headers: { cookie, 'x-csrf-token': csrfToken }, ...(body === undefined ? {} : { payload: body as object }) }),
    raw: (method, url, payload, headers) => app.inject({ method: method as 'POST', url, headers: { cookie, 'x-csrf-token': csrfToken, ...headers }, payload }),
  };
  if (next === 'totp' || next === 'totpSetup' || (role && requiresTotp(role) && next !== 'done')) {
    let secret = totpSecrets.get(username);
    if (next === 'totpSetup' || !secret) {
      const setup = await client.request('POST', '/api/auth/totp/setup');
      secret = (setup.json() as { secret: string }).secret;
      totpSecrets.set(username, secret);
    }
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    const verified = await client.request('POST', '/api/auth/totp', { code });
    if (verified.statusCode !== 200) throw new Error(`totp failed: ${verified.body}`);
  }
  const session = await client.request('GET', '/api/auth/session');
  client.userId = (session.json() as { user: { id: number } }).user.id;
  return client;
}

/** Creates a user of the role and logs them in. */
export async function loginAs(app: FastifyInstance, services: Services, role: Role, scope: string): Promise<TestClient> {
  const user = await createUser(services, role, scope);
  return login(app, user.username, TEST_PASSWORD, role);
}

export async function createTestApp(services: Services, options: { loginRateLimit?: number } = {}): Promise<FastifyInstance> {
  const app = await buildApp(services, { logLevel: 'silent', serveWeb: false, loginRateLimit: options.loginRateLimit ?? 1000 });
  await app.ready();
  return app;
}
