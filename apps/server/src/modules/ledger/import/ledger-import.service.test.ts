import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_CACHE_KIB, BULK_CHECKPOINT_PAGES, duringBulkWrite } from '../../../db/bulk.ts';
import { cliActor } from '../../../lib/context.ts';
import type { Services } from '../../../services.ts';
import { createTestServices, type TestDatabase } from '../../../testing/harness.ts';
import { TransactionSizer } from './ledger-import.service.ts';
import { tempDir, writeCsv, writeXlsx } from '../../../testing/ledger-files.ts';

const HEADER = ['序号', '姓名', '性别', '公民身份号码', '民族', '户籍地址', '现住址', '流入时间', '服务处所', '职业', '联系电话'];
const ZHANG = ['1', '张三', '男', '420822198704188811', '汉族', '湖北省荆门市沙洋县1组27号', '湖北省宜昌市夷陵区小溪塔街道冯家湾社区12号', '2023.5.1', '宜昌顺通物流有限公司', '快递员', '13812345678'];
const LI = ['2', '李梅', '女', '500236196701162081', '土家族', '重庆市奉节县28组9号', '湖北省宜昌市西陵区西陵街道', '2022年3月15日', '宜昌华信家政服务有限公司', '家政服务员', '13907469462'];
const WANG = ['3', '王强', '男', '', '汉族', '湖北省恩施土家族苗族自治州建始县', '湖北省宜昌市夷陵区小溪塔街道', '20210701', '宜昌长江建筑工程有限公司', '建筑工人', '15059623910'];
const BAD = ['4', '赵六', '男', '420506199003071230', '汉族', '', '', '2023-02-30', '', '', '12345'];

describe('ledger import', () => {
  let services: Services;
  let database: TestDatabase;
  const dir = tempDir();
  const run = (source: 'police' | 'familyPlanning' | 'civilAffairs', file: string, scopePrefix = '4205') =>
    services.ledgerImport.run({ source, filePath: file, fileName: path.basename(file), actor: cliActor(), userId: null, scopePrefix });
  const count = async (table: 'people' | 'person_facts' | 'review_items') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  const checkpointInterval = async () => (await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(database.db)).rows[0]!.wal_autocheckpoint;
  const cacheSize = async () => (await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(database.db)).rows[0]!.cache_size;
  let initialInterval = 0;
  let initialCacheSize = 0;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    if (database.engine === 'sqlite') {
      initialInterval = await checkpointInterval();
      initialCacheSize = await cacheSize();
    }
  });
  afterAll(async () => database?.close());

  it('imports a police CSV with a title row, a blank row and a bad row; reports the bad row by its Excel row and column', async () => {
    const file = writeCsv(path.join(dir, 'police.csv'), [['宜昌市流动人口登记表（2026年11月）'], HEADER, ZHANG, LI, [], WANG, BAD]);
    const summary = await run('police', file);
    expect(summary).toMatchObject({ rows: 4, created: 3, updated: 0, unchanged: 0, linkedWithoutId: 0, queuedForReview: 0, conflicts: 0 });
    expect(summary.rejected).toEqual([
      { row: 7, column: '公民身份号码', message: '公民身份号码校验码错误' },
      { row: 7, column: '流入时间', message: expect.stringContaining('流动时间无法识别') },
      { row: 7, column: '联系电话', message: expect.stringContaining('电话号码格式不正确') },
    ]);
    expect(await count('people')).toBe(3);
    const zhang = await database.db.selectFrom('people').selectAll().where('name', '=', '张三').executeTakeFirstOrThrow();
    expect(zhang).toMatchObject({ division_code: '420506001001', gender: '1', birth_date: '1987-04-18', direction: 'inbound', moved_on: '2023-05-01', hukou_code: '420822000000', employer: '宜昌顺通物流有限公司', occupation_group: '4', name_initials: 'zs', id_last4: '8811' });
    expect(zhang.id_number_enc).toMatch(/^v1:/);
    expect(zhang.contact_at).not.toBeNull();
    const li = await database.db.selectFrom('people').selectAll().where('name', '=', '李梅').executeTakeFirstOrThrow();
    expect(li).toMatchObject({ division_code: '420502001000', ethnicity: '15', moved_on: '2022-03-15' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const facts = await count('person_facts');
    const summary = await run('police', path.join(dir, 'police.csv'));
    expect(summary).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 3, linkedWithoutId: 0, queuedForReview: 0 });
    expect(await count('people')).toBe(3);
    expect(await count('person_facts')).toBe(facts);
  });

  it('gives SQLite its usual checkpoint interval back after an import (it checkpoints less often during one)', async () => {
    if (database.engine !== 'sqlite') return;
    await Promise.all([run('police', path.join(dir, 'police.csv')), run('police', path.join(dir, 'police.csv'))]);
    expect(await checkpointInterval()).toBe(initialInterval);
    expect(await cacheSize()).toBe(initialCacheSize);
  });

  it('writes in bulk with a smaller SQLite page cache, and gives the usual one back when the last overlapping bulk write ends', async () => {
    if (database.engine !== 'sqlite') return;
    expect(initialCacheSize).toBe(-131072);
    expect(await duringBulkWrite(database.db, cacheSize)).toBe(-BULK_CACHE_KIB);
    let release = () => {};
    const first = duringBulkWrite(database.db, () => new Promise<void>((resolve) => (release = resolve)));
    expect(await duringBulkWrite(database.db, cacheSize)).toBe(-BULK_CACHE_KIB);
    expect(await cacheSize()).toBe(-BULK_CACHE_KIB);
    release();
    await first;
    expect(await cacheSize()).toBe(initialCacheSize);
    expect(await checkpointInterval()).toBe(initialInterval);
  });

  it('checkpoints less often during a bulk write, and empties the WAL when it ends', async () => {
    if (database.engine !== 'sqlite') return;
    const walFrames = async () => (await sql<{ log: number }>`PRAGMA wal_checkpoint(PASSIVE)`.execute(database.db)).rows[0]!.log;
    await duringBulkWrite(database.db, async () => {
      expect(await checkpointInterval()).toBe(BULK_CHECKPOINT_PAGES);
      await database.db.insertInto('column_mappings').values({ source: 'police', header_key: 'wal-probe', mapping: '{}', created_by: null, created_at: new Date().toISOString() }).execute();
      expect(await walFrames()).toBeGreaterThan(0);
    });
    expect(await walFrames()).toBe(0);
    expect(await checkpointInterval()).toBe(initialInterval);
  });

  it('sizes transactions by the time the last one took: a few batches each, never more than ten', () => {
    const sizer = new TransactionSizer();
    expect(sizer.batchesPerTransaction).toBe(1);
    sizer.record(1, 300);
    expect(sizer.batchesPerTransaction).toBe(5);
    sizer.record(5, 20_000);
    expect(sizer.batchesPerTransaction).toBe(1);
    sizer.record(1, 2);
    expect(sizer.batchesPerTransaction).toBe(10);
  });

  it('reads a GBK file from family planning, links a person without an ID number and queues a disagreement', async () => {
    const header = ['姓名', '身份证号', '出生日期', '户口所在地', '来本地时间', '工作单位', '联系方式'];
    const rows = [
      header,
      // Same ID as 张三, but another employer on the same date: a conflict between police and family planning.
      ['张三', '420822198704188811', '1987-04-18', '湖北省荆门市沙洋县1组27号', '2023-05-01', '宜昌鑫源快递服务部', '13812345678'],
      // 李梅 without an ID number: same name, birth date and phone, linked automatically.
      ['李梅', '', '1967-01-16', '重庆市奉节县', '2022-03-15', '宜昌华信家政服务有限公司', '13907469462'],
      // 王强 again with a different phone and only the birth month: unsure, queued for review.
      ['王强', '', '1987-06-02', '湖北省恩施土家族苗族自治州建始县', '2021-07-01', '', '13100001111'],
    ];
    const file = writeCsv(path.join(dir, 'jisheng.csv'), rows, 'gbk');
    await database.db.updateTable('people').set({ birth_date: '1987-06-20' }).where('name', '=', '王强').execute();
    const summary = await run('familyPlanning', file);
    expect(summary.rejected).toEqual([]);
    expect(summary).toMatchObject({ rows: 3, linkedWithoutId: 1, queuedForReview: 1, conflicts: 1 });
    expect(await count('people')).toBe(4);
    const items = await database.db.selectFrom('review_items').selectAll().orderBy('id').execute();
    expect(items.map((i) => i.kind)).toEqual(['conflict', 'match']);
    const match = items[1]!;
    expect(match.score).toBeCloseTo(0.6);
    expect(JSON.parse(match.explanation).parts.map((p: { detail: string }) => p.detail)).toEqual(['姓名相同', '出生年月相同', '户籍地同一县（市、区）']);
    // The current employer stays the police's until someone decides.
    const zhang = await database.db.selectFrom('people').selectAll().where('name', '=', '张三').executeTakeFirstOrThrow();
    expect(zhang.employer).toBe('宜昌顺通物流有限公司');
  });

  it('reads an .xlsx with a merged title, date cells and serial numbers', async () => {
    const file = await writeXlsx(path.join(dir, 'minzheng.xlsx'), '宜昌市外出务工人员名单', [
      ['姓名', '公民身份号码', '户籍地址', '外出时间', '外出地', '务工单位', '联系电话'],
      ['陈静', '42050619960315002X', '湖北省宜昌市夷陵区小溪塔街道东湖社区', new Date(Date.UTC(2024, 1, 10)), '广东省深圳市宝安区', '深圳华信电子科技有限公司', '13612345678'],
      ['刘洋', '420528199805060055', '湖北省宜昌市长阳土家族自治县龙舟坪镇', 45047, '上海市浦东新区', '上海长江物流有限公司', '18912345678'],
    ]);
    const summary = await run('civilAffairs', file);
    expect(summary).toMatchObject({ rows: 2, created: 2, rejected: [] });
    const chen = await database.db.selectFrom('people').selectAll().where('name', '=', '陈静').executeTakeFirstOrThrow();
    expect(chen).toMatchObject({ direction: 'outbound', moved_on: '2024-02-10', division_code: '420506001003', destination_code: '440306000000' });
    const liu = await database.db.selectFrom('people').selectAll().where('name', '=', '刘洋').executeTakeFirstOrThrow();
    expect(liu).toMatchObject({ moved_on: '2023-05-01', destination_code: '310115000000' });
    expect(liu.division_code.startsWith('420528')).toBe(true);
  });

  it('refuses rows outside the importing user\'s scope', async () => {
    const file = writeCsv(path.join(dir, 'scope.csv'), [HEADER, ['1', '周七', '男', '', '汉族', '', '湖北省宜昌市西陵区西陵街道', '2023-01-01', '', '', '']]);
    const summary = await run('police', file, '420506');
    expect(summary.rejected).toEqual([{ row: 2, column: '现住址', message: '该人员属于“西陵街道”，不在您的管辖范围内' }]);
  });

  it('refuses files it cannot read, with a Chinese reason', async () => {
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(run('police', empty)).rejects.toMatchObject({ code: 'IMPORT_BAD_FILE', message: '文件是空的' });
    const broken = path.join(dir, 'broken.xlsx');
    writeFileSync(broken, 'PK\u0003\u0004 this is not a workbook');
    await expect(run('police', broken)).rejects.toMatchObject({ code: 'IMPORT_BAD_FILE' });
    const wrong = writeCsv(path.join(dir, 'wrong.csv'), [['编号', '金额', '备注'], ['1', '100', 'x']]);
    await expect(run('police', wrong)).rejects.toMatchObject({ code: 'IMPORT_NO_HEADER' });
    await expect(run('police', path.join(dir, 'list.xls'))).rejects.toMatchObject({ message: expect.stringContaining('另存为 .xlsx') });
  });
});
