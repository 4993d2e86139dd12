import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestServices, type TestDatabase } from '../../testing/harness.ts';
import { addPartyOrg, addUnit, cover, usccFor } from '../../testing/new-orgs-files.ts';
import type { NewOrgInput } from './new-orgs.service.ts';

const ctxFor = (scope: string): RequestContext => ({ user: { id: 1, username: 'u', displayName: '测试', role: 'countyOrgDept', scope: { divisionPrefix: scope, orgId: null } }, ip: '127.0.0.1' });
const yiling = ctxFor('420506');
const valid = (over: Partial<NewOrgInput> = {}): NewOrgInput => ({ kind: 'enterprise', name: '宜昌三峡物流有限公司', uscc: usccFor(500), industry: 'G', divisionCode: '420506001001', address: '平湖路1号', employees: 40, partyMembers: 2, registeredOn: '2021-04-01', ...over });

describe('registry', () => {
  let services: Services;
  let database: TestDatabase;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
  });
  afterAll(async () => database?.close());

  it('refuses bad input, naming the field in Chinese', async () => {
    const fails = (input: NewOrgInput, ctx = yiling) => services.newOrgs.create(ctx, input);
    const wrongCheck = usccFor(500).slice(0, 17) + (usccFor(500).endsWith('1') ? '2' : '1');
    await expect(fails(valid({ uscc: wrongCheck }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'uscc', message: '统一社会信用代码校验位不正确' });
    await expect(fails(valid({ uscc: '91420506123' }))).rejects.toMatchObject({ field: 'uscc', message: '统一社会信用代码须为18位' });
    await expect(fails(valid({ uscc: '91420506MA4IOZSV0X' }))).rejects.toMatchObject({ field: 'uscc', message: expect.stringContaining('不允许的字符') });
    await expect(fails(valid({ partyMembers: 41 }))).rejects.toMatchObject({ field: 'partyMembers', message: '党员人数（41）不能多于从业人员（40）' });
    await expect(fails(valid({ employees: -1 }))).rejects.toMatchObject({ field: 'employees' });
    await expect(fails(valid({ name: '  ' }))).rejects.toMatchObject({ field: 'name' });
    await expect(fails(valid({ divisionCode: '420102000000' }), ctxFor('42'))).rejects.toMatchObject({ field: 'divisionCode', message: '“江岸区”不在本市' });
    await expect(fails(valid({ divisionCode: '420500' }))).rejects.toMatchObject({ field: 'divisionCode', message: expect.stringContaining('不是') });
    await expect(fails(valid({ divisionCode: '420502001001' }))).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    await expect(fails(valid({ registeredOn: '2999-01-01' }))).rejects.toMatchObject({ field: 'registeredOn' });
  });

  it('creates a unit (normalising the code), refuses the same code twice, edits and deregisters it with a date, never deleting it', async () => {
    const fullWidth = usccFor(500).toLowerCase().replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const created = await services.newOrgs.create(yiling, valid({ uscc: fullWidth }));
    expect(created).toMatchObject({ uscc: usccFor(500), kindLabel: '非公企业', industryLabel: '交通运输、仓储和邮政业', sizeBand: 'small', source: 'manual', coverage: null, advice: { key: 'jointOrAttached' }, divisionName: '夷陵区 小溪塔街道 冯家湾社区居民委员会' });
    await expect(services.newOrgs.create(yiling, valid({ name: '另一家' }))).rejects.toMatchObject({ code: 'USCC_TAKEN', field: 'uscc', message: '统一社会信用代码已登记为“宜昌三峡物流有限公司”' });

    const edited = await services.newOrgs.update(yiling, created.id, valid({ employees: 60, partyMembers: 3 }));
    expect(edited).toMatchObject({ employees: 60, partyMembers: 3, sizeBand: 'medium', advice: { key: 'standalone' } });
    const log = await database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'like', 'newOrg.%').orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['newOrg.create', 'newOrg.update']);
    expect(JSON.parse(log[1]!.detail)).toEqual({ changed: { employees: { from: 40, to: 60 }, partyMembers: { from: 2, to: 3 } } });

    await expect(services.newOrgs.deregister(yiling, created.id, { deregisteredOn: '2020-01-01' })).rejects.toMatchObject({ field: 'deregisteredOn', message: expect.stringContaining('不能早于成立日期') });
    const gone = await services.newOrgs.deregister(yiling, created.id, { deregisteredOn: '2026-01-31', note: '已注销' });
    expect(gone).toMatchObject({ deregisteredOn: '2026-01-31', advice: null });
    await expect(services.newOrgs.deregister(yiling, created.id, { deregisteredOn: '2026-02-01' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await services.newOrgs.list(yiling, {})).items.map((i) => i.id)).not.toContain(created.id);
    expect((await services.newOrgs.list(yiling, { status: 'deregistered' })).items.map((i) => i.id)).toEqual([created.id]);
    expect(await database.db.selectFrom('new_orgs').select('id').where('id', '=', created.id).executeTakeFirst()).toBeDefined();
  });

  it('filters by kind, industry, division, size, coverage and text, and shows the covering organization', async () => {
    const a = await addUnit(services, { name: '宜昌兴发机械制造有限公司', employees: 120, partyMembers: 4, uscc: usccFor(601) });
    const b = await addUnit(services, { name: '顺达商贸', industry: 'F', divisionCode: '420506001002', employees: 12, partyMembers: 1 });
    const c = await addUnit(services, { name: '阳光社工服务中心', kind: 'socialOrg', industry: 'Q', divisionCode: '420506101001', employees: 8, partyMembers: 0 });
    const d = await addUnit(services, { name: '西陵百货', industry: 'F', divisionCode: '420502001001', employees: 300, partyMembers: 10 });
    const org = await addPartyOrg(services, { name: '兴发机械党支部' });
    await cover(services, a, org, 'standalone', '2024-01-01');
    const joint = await addPartyOrg(services, { name: '老联合党支部', formation: 'joint' });
    await cover(services, b, joint, 'joint', '2023-01-01', '2024-01-01');
    const ids = async (filter: Parameters<Services['newOrgs']['list']>[1], ctx = yiling) => (await services.newOrgs.list(ctx, filter)).items.map((i) => i.id).sort((x, y) => x - y);

    expect(await ids({})).toEqual([a, b, c]);
    expect(await ids({ kind: 'socialOrg' })).toEqual([c]);
    expect(await ids({ industry: 'F' })).toEqual([b]);
    expect(await ids({ within: '420506101' })).toEqual([c]);
    expect(await ids({ sizeBand: 'large' })).toEqual([a]);
    expect(await ids({ covered: true })).toEqual([a]);
    expect(await ids({ covered: false })).toEqual([b, c]);
    expect(await ids({ q: '机械' })).toEqual([a]);
    expect(await ids({ q: usccFor(601).toLowerCase() })).toEqual([a]);
    expect(await ids({ q: usccFor(601).slice(0, 8) })).toEqual([a, b]);
    expect(await ids({ within: '420502' })).toEqual([]);
    expect(await ids({}, ctxFor('4205'))).toEqual([a, b, c, d]);
    const page = await services.newOrgs.list(yiling, { sort: 'employees' }, 1, 2);
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id)).toEqual([a, b]);
    expect(page.items[0]!.coverage).toEqual({ orgId: org, orgName: '兴发机械党支部', formation: 'standalone' });

    const detail = await services.newOrgs.detail(yiling, b);
    expect(detail.coverage).toBeNull();
    expect(detail.coverageHistory).toEqual([{ id: expect.any(Number), orgId: joint, orgName: '老联合党支部', orgStatus: 'active', formation: 'joint', formationLabel: '联合组建', validFrom: '2023-01-01', validTo: '2024-01-01' }]);
    await expect(services.newOrgs.detail(yiling, d)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    await expect(services.newOrgs.update(yiling, d, valid({ uscc: usccFor(777) }))).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    await expect(services.newOrgs.detail(yiling, 99999)).rejects.toMatchObject({ code: 'NEW_ORG_NOT_FOUND' });
  });

  it('exports the current filter to .xlsx with the coverage and advice', async () => {
    const out = await services.newOrgs.export(yiling, { industry: 'C' });
    const chunks: Buffer[] = [];
    for await (const chunk of out.stream) chunks.push(chunk as Buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('统一社会信用代码');
    const body = sheet.getRow(3).values as unknown[];
    expect(body).toContain('宜昌兴发机械制造有限公司');
    expect(body).toContain('兴发机械党支部');
    expect(out.count).toBe(1);
    expect(out.fileName).toMatch(/^两新组织名录-\d{8}\.xlsx$/);
  });
});
