import { generateDossiers } from '@xinxue/domain/dossier/index';
import { exampleDossier } from '@xinxue/domain/rules/fixtures';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { sampleFile } from './sample-file.ts';

describe('POST /api/audit', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let city: TestClient;
  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    city = await loginAs(app, services, 'cityOrgDept', '4205');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('audits a file and answers xinxue-audit/1', async () => {
    const res = await city.request('POST', '/api/audit?asOf=2027-12-31', sampleFile());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ format: 'xinxue-audit/1', asOf: '2027-12-31', summary: { dossiers: 2, withBlock: 1, withWarn: 0 } });
    expect(body.results.map((r: { dossier: string }) => r.dossier)).toEqual(['D-0001', 'D-0002']);
    expect(body.results[0].findings).toContainEqual({
      rule: 'R-DEV-1Y',
      severity: 'BLOCK',
      version: 'V2026',
      step: 7,
      message: '确定为发展对象时间应在确定为入党积极分子满一年之后（积极分子 2025-12-01，发展对象 2026-06-15）',
      source: '《中国共产党发展党员工作细则》第十三条',
    });
    expect(body.results[1].findings.filter((f: { severity: string }) => f.severity !== 'INFO')).toEqual([]);
    expect(body.summary.byRule).toMatchObject({ 'R-DEV-1Y': 1, 'R-PARTY-AGE': 2 });
  });

  it('explains each finding on request: rule text and the facts used', async () => {
    const res = await city.request('POST', '/api/audit?asOf=2027-12-31&explain=true', sampleFile());
    const finding = res.json().results[0].findings.find((f: { rule: string }) => f.rule === 'R-DEV-1Y');
    expect(finding.explain).toMatchObject({ name: '培养考察满一年', facts: { activist: '2025-12-01', candidate: '2026-06-15' } });
    expect(finding.explain.text).toMatch(/一年以上培养教育和考察/);
  });

  it('refuses a malformed file whole, naming the JSON path of every error', async () => {
    const file = sampleFile() as { dossiers: Record<string, unknown>[] };
    file.dossiers[1]!.nickname = '老王';
    (file.dossiers[0]!.talk as Record<string, unknown>).on = 20240320;
    const res = await city.request('POST', '/api/audit?asOf=2027-12-31', file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('DOSSIER_FORMAT_INVALID');
    expect(body.details.errors).toEqual([
      { path: '$.dossiers[0].talk.on', message: '应为日期字符串（YYYY-MM-DD），实际为数字' },
      { path: '$.dossiers[1].nickname', message: '未知字段（格式中没有此字段）' },
    ]);
    expect(body.message).toMatch(/2 处错误，未做任何审核/);
    expect(body).not.toHaveProperty('results');
  });

  it('checks the as-of date and needs a session', async () => {
    expect((await city.request('POST', '/api/audit?asOf=2027-02-30', sampleFile())).statusCode).toBe(400);
    const anonymous = await app.inject({ method: 'POST', url: '/api/audit', payload: sampleFile() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('takes files far larger than the 1 MB limit of other routes', async () => {
    const { file } = generateDossiers({ count: 1200, seed: 3, asOf: '2026-11-27' });
    const payload = JSON.stringify(file);
    expect(payload.length).toBeGreaterThan(2 * 1024 * 1024);
    const res = await app.inject({ method: 'POST', url: '/api/audit?asOf=2026-11-27', headers: { cookie: city.cookie, 'x-csrf-token': city.csrfToken, 'content-type': 'application/json' }, payload });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().summary.dossiers).toBe(1200);
    const orgs = await app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie: city.cookie, 'x-csrf-token': city.csrfToken, 'content-type': 'application/json' }, payload });
    expect(orgs.statusCode).toBe(413);
  });

  it('logs every audit with counts only, never names or dates of birth', async () => {
    await city.request('POST', '/api/audit?asOf=2027-12-31', sampleFile());
    const entries = await services.auditLog.list({ limit: 50, action: 'dossier.audit' });
    const ok = entries.find((e) => e.outcome === 'success')!;
    expect(ok.detail).toEqual({ asOf: '2027-12-31', dossiers: 2, withBlock: 1, withWarn: 0, findings: expect.any(Number) });
    expect(ok.actorId).toBe(city.userId);
    expect(entries.some((e) => e.outcome === 'failure' && (e.detail as { formatErrors?: number }).formatErrors === 2)).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/向绍辉|1997-03-15/);
  });
});

describe('audit rules and settings', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let city: TestClient;
  let admin: TestClient;
  // These tests change the settings, so they get a database of their own.
  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    city = await loginAs(app, services, 'cityOrgDept', '4205');
    admin = await loginAs(app, services, 'sysAdmin', '4205');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('lists every rule with its text, source and the city’s severity', async () => {
    const res = await city.request('GET', '/api/audit/rules');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; severities: string[]; enabled: boolean }[];
    expect(items).toHaveLength(91);
    expect(items.find((r) => r.id === 'R-LEAGUE-28')).toMatchObject({ severities: ['BLOCK'], enabled: true });
    expect(items.find((r) => r.id === 'R-APP-MIN-WAIT')).toMatchObject({ enabled: false });
  });

  it('lets the system administrator change the settings, and the audit follows them', async () => {
    const file = sampleFile();
    (file.dossiers[1] as { activist: { on: string } }).activist.on = '2020-06-01';
    const before = (await city.request('POST', '/api/audit?asOf=2027-12-31', file)).json();
    expect(before.summary.byRule['R-APP-MIN-WAIT']).toBeUndefined();

    const denied = await city.request('PUT', '/api/audit/settings', { settings: { format: 'xinxue-settings/1' }, reason: '试图修改' });
    expect(denied.statusCode).toBe(403);
    const bad = await admin.request('PUT', '/api/audit/settings', { settings: { format: 'xinxue-settings/1', rules: { 'R-DEV-1Y': { severity: 'INFO' } } }, reason: '放宽' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'RULE_SETTINGS_INVALID', details: { errors: [{ path: '$.rules["R-DEV-1Y"].severity' }] } });

    const saved = await admin.request('PUT', '/api/audit/settings', { settings: { format: 'xinxue-settings/1', rules: { 'R-APP-MIN-WAIT': { enabled: true, params: { months: 6 } } } }, reason: '市委组织部通知：申请满6个月' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rules['R-APP-MIN-WAIT']).toMatchObject({ enabled: true });
    expect(saved.json().rules['R-LEAGUE-28']).toMatchObject({ severity: 'BLOCK' });
    const after = (await city.request('POST', '/api/audit?asOf=2027-12-31', file)).json();
    expect(after.summary.byRule['R-APP-MIN-WAIT']).toBe(1);
    const log = await services.auditLog.list({ limit: 5, action: 'audit.settings.save' });
    expect(log[0]!.detail).toMatchObject({ reason: '市委组织部通知：申请满6个月' });
  });

  it('takes a year of the State Council schedule, so notices in that year can be checked', async () => {
    const file = sampleFile();
    const d = file.dossiers[0] as ReturnType<typeof exampleDossier>;
    d.candidate = { committeeProposalOn: '2026-12-20', upperConsentOn: '2026-12-22', on: '2027-01-20' };
    d.notices = [{ stage: 'candidate', place: 'workplace', start: '2026-12-28', end: '2027-01-06', objections: [] }, { stage: 'candidate', place: 'origin', start: '2026-12-28', end: '2027-01-06', objections: [] }];
    const rules = async () => ((await city.request('POST', '/api/audit?asOf=2027-12-31', file)).json().results[0].findings as { rule: string; message: string }[]).filter((f) => f.rule.startsWith('R-PUB-CANDIDATE'));
    expect((await rules()).map((f) => f.message).join()).toMatch(/无法核验.*2027/);
    const weekday = await admin.request('PUT', '/api/audit/calendar/2027', { holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-04'], source: '国办发明电（测试）' });
    expect(weekday.statusCode).toBe(400);
    const entered = await admin.request('PUT', '/api/audit/calendar/2027', { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkdays: [], source: '国办发明电（测试）' });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(await rules()).toEqual([]);
    expect((await city.request('GET', '/api/audit/settings')).json().calendar).toEqual([{ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkdays: [], source: '国办发明电（测试）' }]);
  });
});
