import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type RequestContext } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestServices, type TestDatabase } from '../../testing/harness.ts';
import { tempDir, writeCsv, writeXlsx } from '../../testing/ledger-files.ts';
import { usccFor } from '../../testing/new-orgs-files.ts';
import { parseIndustry } from './new-org-row.ts';
import type { NewOrgImportSource } from './new-org-row.ts';

const HEADER = ['序号', '统一社会信用代码', '企业名称', '所属行业', '住所', '所在地区', '从业人员', '党员人数', '成立日期', '登记状态', '注销日期'];
const A = usccFor(1);
const B = usccFor(2);
const C = usccFor(3);
const D = usccFor(4);
const badCheck = `${usccFor(5).slice(0, 17)}${usccFor(5).endsWith('0') ? '1' : '0'}`;
const rows = [
  ['1', A, '宜昌兴发机械制造有限公司', 'C', '小溪塔街道平湖路8号', '420506001001', '120', '4', '2015-03-01', '存续', ''],
  ['2', B, '宜昌顺达商贸有限公司', '批发和零售业', '', '夷陵区小溪塔街道', '12', '1', '2019年6月5日', '在业', ''],
  ['3', C, '宜昌峡江软件有限公司', 'I6510', '湖北省宜昌市夷陵区小溪塔街道冯家湾社区', '', '35', '0', '20200105', '', ''],
  ['4', D, '宜昌老字号餐饮店', '餐饮', '', '西陵区西陵街道', '8', '0', '2012.4.1', '注销', '2024-06-30'],
  ['5', badCheck, '校验位错误公司', 'C', '', '420506001', '10', '1', '', '', ''],
  ['6', usccFor(6), '党员多于职工公司', 'C', '', '420506001', '2', '3', '', '', ''],
  ['7', usccFor(7), '行业不明公司', '高科技', '', '420506001', '5', '0', '', '', ''],
  ['8', usccFor(8), '外地公司', 'C', '', '武汉市江岸区', '5', '0', '', '', ''],
  ['9', usccFor(9), '', 'C', '', '420506001', '5', '0', '', '', ''],
  ['10', A, '重复代码公司', 'C', '', '420506001', '5', '0', '', '', ''],
  ['11', usccFor(11), '日期错误公司', 'C', '', '420506001', '5', '0', '2023-02-30', '注销', ''],
];

describe('registry import', () => {
  let services: Services;
  let database: TestDatabase;
  const dir = tempDir();
  const run = (source: NewOrgImportSource, file: string, scopePrefix = '4205') =>
    services.newOrgsImport.run({ source, filePath: file, fileName: path.basename(file), actor: cliActor(), userId: null, scopePrefix });
  const unit = (uscc: string) => database.db.selectFrom('new_orgs').selectAll().where('uscc', '=', uscc).executeTakeFirstOrThrow();
  const count = async () => Number((await database.db.selectFrom('new_orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
  });
  afterAll(async () => database?.close());

  it('reads industries as letters, codes, names and short names', () => {
    expect(['C', 'c', 'C3311', '3311', '13', '制造业', 'C 制造业', '批发和零售业', '餐饮', '教育', '社会服务', 'I6510'].map(parseIndustry)).toEqual(['C', 'C', 'C', 'C', 'C', 'C', 'C', 'F', 'H', 'P', 'Q', 'I']);
    expect(['Z', 'A3311', '高科技', ''].map(parseIndustry)).toEqual([null, null, null, null]);
  });

  it('imports a market-regulation CSV with a title row; each bad row is reported with its Excel row, column and a Chinese reason', async () => {
    const file = writeCsv(path.join(dir, '企业名录.csv'), [['宜昌市市场主体名录（2026年11月）'], [], HEADER, ...rows]);
    const summary = await run('marketRegulation', file);
    expect(summary).toMatchObject({ rows: 11, created: 4, updated: 0, unchanged: 0 });
    expect(summary.rejected).toEqual([
      { row: 8, column: '统一社会信用代码', message: expect.stringContaining('统一社会信用代码校验位不正确') },
      { row: 9, column: '党员人数', message: '党员人数（3）不能多于从业人员（2）' },
      { row: 10, column: '所属行业', message: expect.stringContaining('无法识别所属行业“高科技”') },
      { row: 11, column: '所在地区', message: expect.stringMatching(/不在本市|无法识别所在地区/) },
      { row: 12, column: '企业名称', message: '名称不能为空' },
      { row: 13, column: '统一社会信用代码', message: '与第4行的统一社会信用代码重复' },
      { row: 14, column: '成立日期', message: '成立日期无法识别：2023-02-30' },
      { row: 14, column: '注销日期', message: '登记状态为注销（吊销），须填写注销日期' },
    ]);
    expect(await count()).toBe(4);
    expect(await unit(A)).toMatchObject({ kind: 'enterprise', industry: 'C', division_code: '420506001001', employees: 120, party_members: 4, registered_on: '2015-03-01', deregistered_on: null, source: 'marketRegulation', import_id: summary.importId });
    expect(await unit(B)).toMatchObject({ industry: 'F', division_code: '420506001000', registered_on: '2019-06-05' });
    // No division column value: the address names the community.
    expect(await unit(C)).toMatchObject({ industry: 'I', division_code: '420506001001', registered_on: '2020-01-05' });
    expect(await unit(D)).toMatchObject({ industry: 'H', division_code: '420502001000', deregistered_on: '2024-06-30' });
    const stored = await database.db.selectFrom('import_rejections').select(['row_number', 'column_name']).where('import_id', '=', summary.importId).orderBy('row_number').execute();
    expect(stored.map((r) => r.row_number)).toEqual([8, 9, 10, 11, 12, 13, 14, 14]);
    const imp = await database.db.selectFrom('imports').selectAll().where('id', '=', summary.importId).executeTakeFirstOrThrow();
    expect(imp).toMatchObject({ source: 'newOrgs.marketRegulation', status: 'done', rows: 11, created: 4, rejected: 7 });
  });

  it('changes nothing when the same file is imported again, and updates a unit whose row changed', async () => {
    const before = await unit(A);
    const again = await run('marketRegulation', path.join(dir, '企业名录.csv'));
    expect(again).toMatchObject({ rows: 11, created: 0, updated: 0, unchanged: 4 });
    expect(again.rejected).toHaveLength(8);
    expect(await unit(A)).toEqual(before);

    const changed = rows.slice(0, 4).map((r) => [...r]);
    changed[0]![6] = '150';
    changed[0]![7] = '6';
    const file = writeCsv(path.join(dir, '企业名录-更新.csv'), [HEADER, ...changed]);
    const update = await run('marketRegulation', file);
    expect(update).toMatchObject({ rows: 4, created: 0, updated: 1, unchanged: 3, rejected: [] });
    expect(await unit(A)).toMatchObject({ id: before.id, employees: 150, party_members: 6, import_id: update.importId });
    expect(await count()).toBe(4);
  });

  it('never reopens a unit marked deregistered by hand when the register still lists it', async () => {
    await database.db.updateTable('new_orgs').set({ deregistered_on: '2025-01-01' }).where('uscc', '=', B).execute();
    await run('marketRegulation', path.join(dir, '企业名录-更新.csv'));
    expect((await unit(B)).deregistered_on).toBe('2025-01-01');
    const third = await run('marketRegulation', path.join(dir, '企业名录-更新.csv'));
    expect(third).toMatchObject({ updated: 0, unchanged: 4 });
  });

  it('imports a GBK civil-affairs CSV of social organizations with other header names', async () => {
    const s1 = usccFor(21, 'socialOrg');
    const s2 = usccFor(22, 'socialOrg');
    const file = writeCsv(
      path.join(dir, '社会组织.csv'),
      [['社会组织名称', '信用代码', '行业门类', '所在地区', '职工人数', '党员数', '登记日期'], ['宜昌市夷陵区物流协会', s1, '商务服务', '夷陵区小溪塔街道', '6人', '2', '2018/3/9'], ['夷陵区阳光社工服务中心', s2, '社会服务', '420506001002', '15', '3', '2021-10-01']],
      'gbk',
    );
    const summary = await run('civilAffairs', file);
    expect(summary).toMatchObject({ rows: 2, created: 2, rejected: [] });
    expect(await unit(s1)).toMatchObject({ kind: 'socialOrg', name: '宜昌市夷陵区物流协会', industry: 'L', division_code: '420506001000', employees: 6, party_members: 2, registered_on: '2018-03-09', source: 'civilAffairs' });
    expect(await unit(s2)).toMatchObject({ kind: 'socialOrg', industry: 'Q', division_code: '420506001002' });
  });

  it('imports an .xlsx with a merged title row, date cells and number cells', async () => {
    const x = usccFor(31);
    const file = await writeXlsx(path.join(dir, '企业名录.xlsx'), '宜昌市非公企业名录', [
      ['统一社会信用代码', '单位名称', '行业门类', '注册地址', '从业人数', '党员人数', '成立日期'],
      [x, '宜昌长江建筑工程有限公司', 'E', '湖北省宜昌市夷陵区小溪塔街道兴安社区', 260, 7, new Date(Date.UTC(2011, 7, 15))],
      [usccFor(32), '负数公司', 'E', '湖北省宜昌市夷陵区小溪塔街道', -3, 0, new Date(Date.UTC(2011, 7, 15))],
    ]);
    const summary = await run('marketRegulation', file);
    expect(summary).toMatchObject({ rows: 2, created: 1 });
    expect(summary.rejected).toEqual([{ row: 5, column: '从业人数', message: '从业人员应为不小于0的整数：-3' }]);
    expect(await unit(x)).toMatchObject({ industry: 'E', division_code: '420506001002', employees: 260, party_members: 7, registered_on: '2011-08-15' });
    const report = await services.newOrgsImport.rejectionReport(summary.importId);
    const chunks: Buffer[] = [];
    for await (const c of report) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses rows outside the importer scope, including updates to a unit registered outside it', async () => {
    const inside = usccFor(41);
    const file = writeCsv(path.join(dir, '小溪塔.csv'), [HEADER, ['1', inside, '小溪塔新公司', 'C', '', '420506001', '9', '1', '', '', ''], ['2', usccFor(42), '西陵公司', 'C', '', '420502001', '9', '1', '', '', ''], ['3', D, '宜昌老字号餐饮店', 'H', '', '420506001', '8', '0', '', '', '']]);
    const summary = await run('marketRegulation', file, '420506001');
    expect(summary).toMatchObject({ created: 1, updated: 0 });
    expect(summary.rejected).toEqual([
      { row: 3, column: '所在地区', message: '所在地区不在您的管辖范围内' },
      { row: 4, column: '统一社会信用代码', message: '该统一社会信用代码已登记在您管辖范围以外的地区，不能由您更新' },
    ]);
    expect((await unit(D)).division_code).toBe('420502001000');
  });

  it('refuses a file without a recognisable header or without a required column, and writes nothing', async () => {
    const n = await count();
    await expect(run('marketRegulation', writeCsv(path.join(dir, 'x.csv'), [['a', 'b'], ['1', '2']]))).rejects.toMatchObject({ code: 'IMPORT_NO_HEADER' });
    await expect(run('marketRegulation', writeCsv(path.join(dir, 'y.csv'), [['统一社会信用代码', '企业名称', '从业人员', '所在地区'], [A, 'x', '1', '420506']]))).rejects.toMatchObject({ code: 'IMPORT_BAD_MAPPING', message: expect.stringContaining('所属行业') });
    expect(await count()).toBe(n);
  });

  it('keeps registry imports out of the ledger import list, and ledger imports out of the registry list', async () => {
    const ctx: RequestContext = { user: { id: 1, username: 'x', displayName: 'x', role: 'cityOrgDept', scope: { divisionPrefix: '4205', orgId: null } }, ip: '127.0.0.1' };
    const ledgerFile = writeCsv(path.join(dir, 'ledger.csv'), [['姓名', '公民身份号码', '现住址', '流入时间'], ['张三', '420822198704188811', '湖北省宜昌市夷陵区小溪塔街道', '2024-01-01']]);
    const ledgerImport = await services.ledgerImport.run({ source: 'civilAffairs', filePath: ledgerFile, fileName: 'ledger.csv', actor: cliActor(), userId: null, scopePrefix: '4205' });
    const ledgerList = await services.importJobs.list(ctx);
    expect(ledgerList.map((i) => i.id)).toEqual([ledgerImport.importId]);
    const registryList = await services.newOrgImportJobs.list(ctx);
    expect(registryList.length).toBeGreaterThanOrEqual(6);
    expect(registryList.map((i) => i.id)).not.toContain(ledgerImport.importId);
    expect(registryList.every((i) => i.source === 'marketRegulation' || i.source === 'civilAffairs')).toBe(true);
    await expect(services.importJobs.status(ctx, registryList[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(services.newOrgImportJobs.status(ctx, ledgerImport.importId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
