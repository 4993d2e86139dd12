import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type RequestContext } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestServices, type TestDatabase } from '../../testing/harness.ts';
import { tempDir, writeCsv, writeXlsx } from '../../testing/ledger-files.ts';
import { addUnit, usccFor } from '../../testing/new-orgs-files.ts';
import { contextFor, pathOf } from './orgs.fixtures.ts';

const HEADER = ['党组织名称', '类别', '上级党组织', '所在行政区划', '组织类型', '组建方式', '挂靠党组织', '覆盖单位', '成立日期', '审批权', '驻在地'];
const COUNTY = '中共宜昌市夷陵区委员会';
const TOWNSHIP = '中共宜昌市夷陵区小溪塔街道工作委员会';
const COMMUNITY = '中共冯家湾社区委员会';
const JOINT = '中共小溪塔非公企业联合支部委员会';
const A = usccFor(501);
const B = usccFor(502);
const C = usccFor(503);
const D = usccFor(504);
const E = usccFor(505);

/** Children come before their parents: the import must place parents first. Data rows start at Excel row 4. */
const rows = [
  /* 4 */ ['中共冯家湾社区第一支部委员会', '党支部', COMMUNITY, '420506001001', '社区', '', '', '', '2020-05-01', '', ''],
  /* 5 */ [JOINT, '党支部', TOWNSHIP, '夷陵区小溪塔街道', '非公企业', '联合', '', `${A}、${B}`, '2021年3月1日', '否', ''],
  /* 6 */ [COMMUNITY, '党委', TOWNSHIP, '夷陵区小溪塔街道冯家湾社区', '社区', '单独', '', '', '2019-01-01', '否', ''],
  /* 7 */ [TOWNSHIP, '党委', COUNTY, '420506001', '机关事业单位', '', '', '', '2018-01-01', '是', ''],
  /* 8 */ ['中共夷陵区驻深圳流动党员支部委员会', '党支部', COUNTY, '420506', '市外流动党组织', '', '', '', '2022-01-01', '', '深圳市'],
  /* 9 */ ['中共兴安商行挂靠支部委员会', '党支部', TOWNSHIP, '420506001002', '非公企业', '挂靠', COMMUNITY, C, '', '', ''],
  /* 10 */ ['坏类别党组织', '党小组', TOWNSHIP, '420506001', '', '', '', '', '', '', ''],
  /* 11 */ ['孤儿支部', '党支部', '不存在的党委', '420506001', '', '', '', '', '', '', ''],
  /* 12 */ ['坏类别党组织的支部', '党支部', '坏类别党组织', '420506001', '', '', '', '', '', '', ''],
  /* 13 */ ['支部下的支部', '党支部', '中共冯家湾社区第一支部委员会', '420506001001', '', '', '', '', '', '', ''],
  /* 14 */ ['单个联合支部', '党支部', TOWNSHIP, '420506001', '非公企业', '联合', '', D, '', '', ''],
  /* 15 */ ['未登记单位支部', '党支部', TOWNSHIP, '420506001', '非公企业', '单独', '', usccFor(599), '', '', ''],
  /* 16 */ ['有审批权的支部', '党支部', TOWNSHIP, '420506001', '', '', '', '', '', '是', ''],
  /* 17 */ ['西陵区的党委', '党委', '', '420502001', '', '', '', '', '', '', ''],
  /* 18 */ ['另一个非公支部', '党支部', TOWNSHIP, '420506001001', '非公企业', '单独', '', A, '', '', ''],
  /* 19 */ [COMMUNITY, '党委', TOWNSHIP, '420506001001', '社区', '单独', '', '', '2019-01-01', '否', ''],
  /* 20 */ ['循环甲党委', '党委', '循环乙党委', '420506001', '', '', '', '', '', '', ''],
  /* 21 */ ['循环乙党委', '党委', '循环甲党委', '420506001', '', '', '', '', '', '', ''],
  /* 22 */ ['中共夷陵区驻东莞流动党员支部委员会', '党支部', COUNTY, '420506', '市外流动党组织', '', '', '', '', '', ''],
  /* 23 */ ['日期错误支部', '党支部', TOWNSHIP, '420506001', '', '', '', '', '2023-02-30', '', ''],
  /* 24 */ ['未来支部', '党支部', TOWNSHIP, '420506001', '', '', '', '', '2099-01-01', '', ''],
];

describe('organization tree import', () => {
  let services: Services;
  let database: TestDatabase;
  const dir = tempDir();
  const county: RequestContext = contextFor('countyOrgDept', '420506');
  const run = (file: string, ctx: RequestContext = county) => services.orgImport.run({ filePath: file, fileName: path.basename(file), ctx, actor: cliActor(), userId: null });
  const org = (name: string) => database.db.selectFrom('party_orgs').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const countOf = async (table: 'party_orgs' | 'party_org_events' | 'new_org_coverage') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const units: Record<string, number> = {};

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    await services.orgs.create(null, { name: COUNTY, kind: 'committee', divisionCode: '420506', approvalPower: true, establishedOn: '2000-01-01' }, cliActor());
    units.A = await addUnit(services, { uscc: A, name: '宜昌兴发机械制造有限公司' });
    units.B = await addUnit(services, { uscc: B, name: '宜昌顺达商贸有限公司' });
    units.C = await addUnit(services, { uscc: C, name: '兴安五金商行', divisionCode: '420506001002' });
    units.D = await addUnit(services, { uscc: D, name: '小溪塔建材公司', divisionCode: '420506001000' });
    units.E = await addUnit(services, { uscc: E, name: '西陵区某公司', divisionCode: '420502001001' });
  });
  afterAll(async () => database?.close());

  it('places parents before children whatever the order, and reports each bad row with its Excel row, column and reason', async () => {
    const file = writeCsv(path.join(dir, '党组织.csv'), [['夷陵区党组织名册（原系统导出）'], [], HEADER, ...rows]);
    const summary = await run(file);
    expect(summary).toMatchObject({ rows: 21, created: 6, updated: 0, unchanged: 0 });
    expect(summary.rejected).toEqual([
      { row: 10, column: '类别', message: '无法识别类别“党小组”（应为党委、党总支或党支部）' },
      { row: 11, column: '上级党组织', message: '上级党组织“不存在的党委”不存在：本文件中没有这一行，您管辖范围内也没有这个党组织' },
      { row: 12, column: '上级党组织', message: '上级党组织“坏类别党组织”（第10行）未能导入，本行未导入' },
      { row: 13, column: '上级党组织', message: '党支部下不能再设党组织' },
      { row: 14, column: '覆盖单位', message: '联合组建须选择至少2个覆盖单位（现为1个）' },
      { row: 15, column: '覆盖单位', message: `统一社会信用代码为${usccFor(599)}的单位不在两新组织名录中（或不在您的管辖范围内），请先导入企业、社会组织名录` },
      { row: 16, column: '审批权', message: '党支部没有审批权，只有党委可以审批发展党员' },
      { row: 17, column: '所在行政区划', message: expect.stringContaining('不在您的管辖范围内') },
      { row: 18, column: '覆盖单位', message: expect.stringContaining(`“宜昌兴发机械制造有限公司”已由“${JOINT}”覆盖`) },
      { row: 19, column: '党组织名称', message: '与第6行是同一个党组织（名称和上级党组织相同），本行未导入' },
      { row: 20, column: '上级党组织', message: '上级党组织“循环乙党委”（第21行）未能导入，本行未导入' },
      { row: 21, column: '上级党组织', message: '上级党组织关系形成循环（与第20行“循环甲党委”互相指向），本行未导入' },
      { row: 22, column: '驻在地', message: expect.stringContaining('市外流动党组织须填写驻在地') },
      { row: 23, column: '成立日期', message: '成立日期无法识别：2023-02-30' },
      { row: 24, column: '成立日期', message: '成立日期不能晚于今天' },
    ]);

    const county_ = await org(COUNTY);
    const township = await org(TOWNSHIP);
    const community = await org(COMMUNITY);
    const branch = await org('中共冯家湾社区第一支部委员会');
    expect(township).toMatchObject({ kind: 'committee', parent_id: county_.id, division_code: '420506001000', approval_power: 1, established_on: '2018-01-01', host_kind: 'organ' });
    expect(community).toMatchObject({ parent_id: township.id, division_code: '420506001001', host_kind: 'community', approval_power: 0 });
    expect(branch).toMatchObject({ kind: 'branch', parent_id: community.id, established_on: '2020-05-01' });
    expect(await pathOf(services, branch.id)).toBe(`${county_.path}${String(township.id).padStart(10, '0')}${String(community.id).padStart(10, '0')}${String(branch.id).padStart(10, '0')}`);
    const joint = await org(JOINT);
    expect(joint).toMatchObject({ formation: 'joint', host_kind: 'enterprise', established_on: '2021-03-01', parent_id: township.id });
    const covered = await database.db.selectFrom('new_org_coverage').select(['new_org_id', 'formation', 'valid_from']).where('party_org_id', '=', joint.id).orderBy('new_org_id').execute();
    expect(covered).toEqual([{ new_org_id: units.A, formation: 'joint', valid_from: '2021-03-01' }, { new_org_id: units.B, formation: 'joint', valid_from: '2021-03-01' }]);
    expect(await org('中共兴安商行挂靠支部委员会')).toMatchObject({ formation: 'attached', attached_to_id: community.id });
    expect(await org('中共夷陵区驻深圳流动党员支部委员会')).toMatchObject({ host_kind: 'mobileOrg', located_division_code: '440300000000', division_code: '420506000000' });

    const imp = await database.db.selectFrom('imports').selectAll().where('id', '=', summary.importId).executeTakeFirstOrThrow();
    expect(imp).toMatchObject({ source: 'orgs.tree', status: 'done', rows: 21, created: 6, rejected: 15, scope_division: '420506' });
    const stored = await database.db.selectFrom('import_rejections').select(['row_number', 'column_name']).where('import_id', '=', summary.importId).orderBy('row_number').execute();
    expect(stored.map((r) => r.row_number)).toEqual(summary.rejected.map((r) => r.row));
    // Each organization is logged as created by the importer, and the import itself once.
    expect(await services.auditLog.list({ limit: 50, action: 'org.create' })).toHaveLength(7);
    expect(await services.auditLog.list({ limit: 5, action: 'org.import' })).toMatchObject([{ objectIds: [summary.importId], outcome: 'success' }]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = { orgs: await countOf('party_orgs'), events: await countOf('party_org_events'), coverage: await countOf('new_org_coverage') };
    const versions = await database.db.selectFrom('party_orgs').select(['id', 'version']).orderBy('id').execute();
    const again = await run(path.join(dir, '党组织.csv'));
    expect(again).toMatchObject({ rows: 21, created: 0, updated: 0, unchanged: 6 });
    expect(again.rejected.map((r) => r.row)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    expect({ orgs: await countOf('party_orgs'), events: await countOf('party_org_events'), coverage: await countOf('new_org_coverage') }).toEqual(before);
    expect(await database.db.selectFrom('party_orgs').select(['id', 'version']).orderBy('id').execute()).toEqual(versions);
  });

  it('updates a changed row through the change rules, dated and with the file named; empty cells keep what is there', async () => {
    const community = await org(COMMUNITY);
    const file = writeCsv(path.join(dir, '党组织-更新.csv'), [
      HEADER,
      [COMMUNITY, '党委', TOWNSHIP, '420506001001', '', '', '', '', '2019-06-01', '', ''],
      [JOINT, '党支部', TOWNSHIP, '420506001', '非公企业', '联合', '', `${A}；${B}；${D}`, '2021-03-01', '否', ''],
      ['中共冯家湾社区第一支部委员会', '党支部', COMMUNITY, '420506001001', '社区', '', '', '', '2020-05-01', '', ''],
    ]);
    const summary = await run(file);
    expect(summary).toMatchObject({ rows: 3, created: 0, updated: 2, unchanged: 1, rejected: [] });
    expect(await org(COMMUNITY)).toMatchObject({ id: community.id, established_on: '2019-06-01', host_kind: 'community', version: community.version + 1 });
    const joint = await org(JOINT);
    expect(joint.division_code).toBe('420506001000');
    const active = await database.db.selectFrom('new_org_coverage').select('new_org_id').where('party_org_id', '=', joint.id).where('valid_to', 'is', null).orderBy('new_org_id').execute();
    expect(active.map((r) => r.new_org_id)).toEqual([units.A, units.B, units.D]);
    const events = await database.db.selectFrom('party_org_events').select(['kind', 'detail']).where('org_id', '=', joint.id).orderBy('id').execute();
    // 夷陵区小溪塔街道 and 420506001 are the same division: only the covered units changed.
    expect(events.map((e) => e.kind)).toEqual(['setUp', 'coverageChanged']);
    expect(JSON.parse(events[1]!.detail)).toMatchObject({ added: [{ id: units.D }], reason: '按导入文件“党组织-更新.csv”更新' });
  });

  it('imports only inside the importer scope: parents, divisions and covered units outside it are not found or refused', async () => {
    const township: RequestContext = contextFor('townshipCommittee', '420506001');
    const file = writeCsv(path.join(dir, '小溪塔.csv'), [
      HEADER,
      ['中共兴安社区委员会', '党委', TOWNSHIP, '420506001002', '社区', '', '', '', '', '', ''],
      ['夷陵区新党委', '党委', COUNTY, '420506001', '', '', '', '', '', '', ''],
      ['越界支部', '党支部', TOWNSHIP, '420506101', '', '', '', '', '', '', ''],
      ['西陵单位支部', '党支部', TOWNSHIP, '420506001', '非公企业', '单独', '', E, '', '', ''],
    ]);
    const summary = await run(file, township);
    expect(summary).toMatchObject({ created: 1 });
    expect(summary.rejected).toEqual([
      { row: 3, column: '上级党组织', message: `上级党组织“${COUNTY}”不存在：本文件中没有这一行，您管辖范围内也没有这个党组织` },
      { row: 4, column: '所在行政区划', message: expect.stringContaining('不在您的管辖范围内') },
      { row: 5, column: '覆盖单位', message: expect.stringContaining(`统一社会信用代码为${E}的单位不在两新组织名录中`) },
    ]);
    // Scoped to one organization's subtree: organizations beside it cannot be parents.
    const community = await org(COMMUNITY);
    const orgScoped: RequestContext = contextFor('branchOrganizer', '420506001', community.path);
    const nested = writeCsv(path.join(dir, '社区.csv'), [HEADER, ['社区第二支部', '党支部', COMMUNITY, '420506001001', '社区', '', '', '', '', '', ''], ['街道直属支部', '党支部', TOWNSHIP, '420506001001', '', '', '', '', '', '', '']]);
    const inside = await run(nested, orgScoped);
    expect(inside).toMatchObject({ created: 1 });
    expect(inside.rejected).toEqual([{ row: 3, column: '上级党组织', message: `上级党组织“${TOWNSHIP}”不存在：本文件中没有这一行，您管辖范围内也没有这个党组织` }]);
  });

  it('reads an .xlsx with a merged title row, date cells and the names of our own export columns', async () => {
    const file = await writeXlsx(path.join(dir, '党组织.xlsx'), '党组织名单', [
      ['党组织名称', '类别', '组织类型', '组建方式', '状态', '上级党组织', '所在区划', '区划代码', '挂靠单位', '驻在地', '审批权', '成立日期'],
      ['中共小溪塔街道机关支部委员会', '党支部', '机关事业单位', '单独组建', '正常', TOWNSHIP, '夷陵区 小溪塔街道', '420506001', '', '', '', new Date(Date.UTC(2016, 6, 1))],
      ['中共已撤销支部委员会', '党支部', '机关事业单位', '单独组建', '已撤销', TOWNSHIP, '夷陵区 小溪塔街道', '420506001', '', '', '', ''],
    ]);
    const summary = await run(file);
    expect(summary).toMatchObject({ rows: 2, created: 1 });
    expect(summary.rejected).toEqual([{ row: 5, column: '状态', message: expect.stringContaining('只导入现有的党组织') }]);
    expect(await org('中共小溪塔街道机关支部委员会')).toMatchObject({ established_on: '2016-07-01', division_code: '420506001000', formation: 'standalone' });
  });

  it('serves a template the import reads; refuses a file without a header or a required column, writing nothing', async () => {
    const template = path.join(dir, '模板.xlsx');
    writeFileSync(template, await services.orgImport.template());
    const fromTemplate = await run(template);
    // The header is found; the example row's parent exists here, its example units are not registered.
    expect(fromTemplate.rows).toBe(1);
    expect(fromTemplate.rejected).toEqual([{ row: 2, column: '覆盖单位', message: expect.stringContaining('不在两新组织名录中') }]);

    const n = await countOf('party_orgs');
    await expect(run(writeCsv(path.join(dir, 'x.csv'), [['a', 'b'], ['1', '2']]))).rejects.toMatchObject({ code: 'IMPORT_NO_HEADER' });
    await expect(run(writeCsv(path.join(dir, 'y.csv'), [['党组织名称', '上级党组织', '组织类型'], ['某支部', TOWNSHIP, '社区']]))).rejects.toMatchObject({ code: 'IMPORT_BAD_MAPPING', message: expect.stringContaining('类别、所在行政区划') });
    expect(await countOf('party_orgs')).toBe(n);
  });

  it('keeps organization imports out of the ledger and registry import lists', async () => {
    const ctx = contextFor('cityOrgDept', '4205');
    const mine = await services.orgImport.recent(ctx.user.scope);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect((await services.importJobs.list(ctx)).map((i) => i.id)).not.toContain(mine[0]);
    expect((await services.newOrgImportJobs.list(ctx)).map((i) => i.id)).not.toContain(mine[0]);
    await expect(services.orgImportJobs.status(contextFor('townshipCommittee', '420502'), mine.at(-1)!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
