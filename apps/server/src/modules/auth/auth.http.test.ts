import type { FastifyInstance } from 'fastify';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, createUser, login, sessionCookie, TEST_PASSWORD, type TestDatabase } from '../../testing/harness.ts';

describe('authentication over HTTP', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers 401 with a Chinese message on every non-public API route without a session', async () => {
    const routes = app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/orgs');
    for (const [method, url] of [['GET', '/api/home'], ['GET', '/api/orgs'], ['GET', '/api/orgs/1'], ['POST', '/api/orgs'], ['GET', '/api/grids'], ['GET', '/api/users'], ['GET', '/api/audit-log'], ['GET', '/api/divisions/4205'], ['GET', '/api/auth/session']] as const) {
      const res = await app.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    }
  });

  it('serves health, the OpenAPI document and the docs page without a session', async () => {
    expect((await app.inject('/api/health')).json()).toMatchObject({ status: 'ok', engine: database.engine });
    const doc = (await app.inject('/api/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/orgs', '/api/grids', '/api/audit-log/verify']));
    expect((await app.inject('/api/docs/')).statusCode).toBe(200);
  });

  it('sets security headers and an httpOnly, SameSite=Strict session cookie', async () => {
    const user = await createUser(services, 'cityOrgDept', '4205');
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const cookie = res.cookies.find((c) => c.name === 'xinxue_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
  });

  it('rejects bad input with a Chinese message naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; message: string; field: string };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.field).toBe('password');
    expect(body.message).toMatch(/请求内容字段“password”不正确/);
    const broken = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/请求无效/);
    expect(broken.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a wrong password, and locks the account after five failures in a row', async () => {
    const user = await createUser(services, 'townshipCommittee', '420506001');
    const attempt = (password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password } });
    for (let i = 1; i <= 4; i++) {
      const res = await attempt('Wrong#Pass1');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
    }
    const fifth = await attempt('Wrong#Pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toMatch(/连续5次登录失败，账号已锁定至/);
    // Locked: even the right password is refused.
    const right = await attempt(TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    // The security administrator unlocks it; then the right password works.
    const sec = await login(app, (await createUser(services, 'securityAdmin', '4205')).username, TEST_PASSWORD, 'securityAdmin');
    const unlocked = await sec.request('POST', `/api/users/${user.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    const log = await services.auditLog.list({ limit: 50, action: 'auth.lock' });
    expect(log.some((e) => e.objectIds.includes(user.id))).toBe(true);
  });

  it('disables an account unused for 90 days, until the security administrator enables it', async () => {
    const user = await createUser(services, 'inspector', '4205');
    await database.db.updateTable('users').set({ last_login_at: new Date(Date.now() - 91 * 86_400_000).toISOString() }).where('id', '=', user.id).execute();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/超过90天未使用，已自动停用/);
    const sec = await login(app, (await createUser(services, 'securityAdmin', '4205')).username, TEST_PASSWORD, 'securityAdmin');
    expect((await sec.request('POST', `/api/users/${user.id}/disabled`, { disabled: false })).json()).toMatchObject({ disabled: false });
    expect((await login(app, user.username)).userId).toBe(user.id);
  });

  it('does not tell unknown users from wrong passwords', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'Whatever#1' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('用户名或密码错误');
  });

  it('requires the CSRF token on writes', async () => {
    const user = await createUser(services, 'cityOrgDept', '4205');
    const client = await login(app, user.username);
    const without = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_INVALID');
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie, 'x-csrf-token': 'forged' } });
    expect(wrong.statusCode).toBe(403);
    expect((await client.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await client.request('GET', '/api/home')).statusCode).toBe(401);
  });

  it('expires an idle session', async () => {
    const user = await createUser(services, 'cityOrgDept', '4205');
    const client = await login(app, user.username);
    expect((await client.request('GET', '/api/home')).statusCode).toBe(200);
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    await database.db.updateTable('sessions').set({ last_seen_at: longAgo }).where('user_id', '=', user.id).execute();
    const res = await client.request('GET', '/api/home');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('makes administrators enrol and use TOTP before anything else', async () => {
    const admin = await createUser(services, 'auditAdmin', '4205');
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: TEST_PASSWORD } });
    expect(res.json().next).toBe('totpSetup');
    const headers = { cookie: sessionCookie(res), 'x-csrf-token': res.json().csrfToken as string };
    expect((await app.inject({ method: 'GET', url: '/api/audit-log', headers })).json().code).toBe('SECOND_FACTOR_REQUIRED');
    const setup = (await app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers })).json() as { secret: string; otpauthUrl: string };
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const bad = await app.inject({ method: 'POST', url: '/api/auth/totp', headers, payload: { code: '000000' } });
    expect(bad.json().code).toBe('BAD_TOTP');
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret) }).generate();
    expect((await app.inject({ method: 'POST', url: '/api/auth/totp', headers, payload: { code } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/audit-log', headers })).statusCode).toBe(200);
    // Next login asks for the code, not for enrolment.
    const again = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: TEST_PASSWORD } });
    expect(again.json().next).toBe('totp');
  });

  it('changes a password only to a strong one not used in the last five', async () => {
    const user = await createUser(services, 'gridWorker', '420506001001');
    const client = await login(app, user.username);
    const weak = await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'abc' });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    const reused = await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(reused.json()).toMatchObject({ code: 'PASSWORD_REUSED' });
    const wrongCurrent = await client.request('POST', '/api/auth/password', { currentPassword: 'Nope#1234', newPassword: 'Fresh#Pass77' });
    expect(wrongCurrent.json()).toMatchObject({ code: 'BAD_CREDENTIALS', field: 'currentPassword' });
    expect((await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Fresh#Pass77' })).statusCode).toBe(200);
    expect((await login(app, user.username, 'Fresh#Pass77')).userId).toBe(user.id);
  });
});

describe('login rate limit', () => {
  it('answers 429 in Chinese after too many logins from one address', async () => {
    const { services, database } = await createTestServices();
    const app = await createTestApp(services, { loginRateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
      expect(res.json()).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
