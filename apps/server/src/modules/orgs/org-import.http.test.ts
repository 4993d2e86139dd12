import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestApp, createTestServices, loginAs, type TestClient, type TestDatabase } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/ledger-factory.ts';
import { addUnit, usccFor } from '../../testing/new-orgs-files.ts';

const TOWNSHIP = '中共宜昌市夷陵区小溪塔街道工作委员会';

describe('organization tree import over HTTP', () => {
  let services: Services;
  let database: TestDatabase;
  let app: FastifyInstance;
  let county: TestClient;
  let organizer: TestClient;

  /** Uploads a file and polls until the background import ends; returns the final status. */
  async function importThrough(client: TestClient, fileName: string, content: string) {
    const { payload, headers } = multipartFile(fileName, content);
    const started = await client.raw('POST', '/api/org-imports', payload, headers);
    expect(started.statusCode).toBe(200);
    const { importId } = started.json() as { importId: number };
    let status: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      status = (await client.request('GET', `/api/org-imports/${importId}`)).json();
      if (status.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { importId, status };
  }

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    app = await createTestApp(services);
    county = await loginAs(app, services, 'countyOrgDept', '420506');
    organizer = await loginAs(app, services, 'branchOrganizer', '420506001001');
    await services.orgs.create(null, { name: '中共宜昌市夷陵区委员会', kind: 'committee', divisionCode: '420506', approvalPower: true, establishedOn: '2000-01-01' }, cliActor());
    await addUnit(services, { uscc: usccFor(701), name: '甲公司' });
    await addUnit(services, { uscc: usccFor(702), name: '乙公司' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('imports an uploaded file in the background, lists its rejected rows and serves them as .xlsx; a second upload changes nothing', async () => {
    const csv = [
      '\uFEFF党组织名称,类别,上级党组织,所在行政区划,组织类型,组建方式,覆盖单位,成立日期',
      `中共小溪塔联合支部委员会,党支部,${TOWNSHIP},420506001,非公企业,联合,${usccFor(701)}、${usccFor(702)},2022-03-01`,
      `${TOWNSHIP},党委,中共宜昌市夷陵区委员会,420506001,机关事业单位,单独,,2018-01-01`,
      '无类别支部,,中共宜昌市夷陵区委员会,420506001,,,,',
      '',
    ].join('\r\n');
    const { importId, status } = await importThrough(county, '党组织.csv', csv);
    expect(status).toMatchObject({ status: 'done', fileName: '党组织.csv', rows: 3, created: 2, updated: 0, unchanged: 0, rejected: 1, percent: 100, error: null });
    const rejections = (await county.request('GET', `/api/org-imports/${importId}/rejections`)).json();
    expect(rejections).toEqual({ items: [{ row: 4, column: '类别', message: '类别不能为空（党委、党总支或党支部）' }], total: 1 });
    const xlsx = await county.request('GET', `/api/org-imports/${importId}/rejections.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(report.worksheets[0]!.getRow(2).values).toEqual([undefined, 4, '类别', '类别不能为空（党委、党总支或党支部）']);

    const tree = (await county.request('GET', '/api/orgs/tree')).json() as { items: { id: number; name: string; parentId: number | null }[] };
    const township = tree.items.find((o) => o.name === TOWNSHIP)!;
    expect(tree.items.find((o) => o.name === '中共小溪塔联合支部委员会')).toMatchObject({ parentId: township.id });

    const again = await importThrough(county, '党组织.csv', csv);
    expect(again.status).toMatchObject({ status: 'done', rows: 3, created: 0, updated: 0, unchanged: 2, rejected: 1 });
    const list = (await county.request('GET', '/api/org-imports')).json() as { items: { id: number }[] };
    expect(list.items.map((i) => i.id)).toEqual([again.importId, importId]);
    // The ledger's and the registry's import screens do not show it.
    expect((await county.request('GET', `/api/imports/${importId}`)).statusCode).toBe(404);
    expect((await county.request('GET', `/api/new-org-imports/${importId}`)).statusCode).toBe(404);
  });

  it('refuses a file it cannot read with a Chinese reason, and a role without the write permission', async () => {
    const noHeader = multipartFile('x.csv', 'a,b\r\n1,2\r\n');
    const refused = await county.raw('POST', '/api/org-imports', noHeader.payload, noHeader.headers);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'IMPORT_NO_HEADER', message: expect.stringContaining('党组织名称') });
    const xls = multipartFile('old.xls', 'x');
    expect((await county.raw('POST', '/api/org-imports', xls.payload, xls.headers)).json()).toMatchObject({ code: 'IMPORT_BAD_FILE', message: expect.stringContaining('.xls') });
    const ok = multipartFile('党组织.csv', `\uFEFF党组织名称,类别,所在行政区划\r\n某支部,党支部,420506001001\r\n`);
    expect((await organizer.raw('POST', '/api/org-imports', ok.payload, ok.headers)).statusCode).toBe(403);
  });

  it('serves the template: the columns in order, one example row and the notes', async () => {
    const res = await organizer.request('GET', '/api/org-imports/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('党组织导入模板.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('党组织')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['党组织名称', '类别', '上级党组织', '所在行政区划', '组织类型', '组建方式', '挂靠党组织', '覆盖单位', '成立日期', '审批权', '驻在地']);
    expect(sheet.rowCount).toBe(2);
    expect(book.getWorksheet('填写说明')!.rowCount).toBeGreaterThan(10);
  });
});
