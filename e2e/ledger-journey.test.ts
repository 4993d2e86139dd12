import { fieldForHeader, idCheckChar } from '@xinxue/domain';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { collectPageErrors } from './support/page-errors.ts';
import { browserAvailability } from './support/server.ts';
import { serverAndBrowser } from './support/suite.ts';
import { chooseOption, logIn, screenshot, waitForChart } from './support/ui.ts';

const availability = browserAvailability();
if (!availability.available) console.warn(availability.reason);

/** A valid 18-character ID number from its first 17 characters. */
const validId = (body: string) => body + idCheckChar(body);
const zhangWei = validId('42082219870418881');
const liJuan = validId('50023619670116208');
// Same body as a valid number, wrong last character: the check digit fails.
const badBody = '42050619900315123';
const badId = badBody + (idCheckChar(badBody) === '1' ? '2' : '1');

/** The phone column's header: one the automatic mapping does not know, so the user must map it. */
const PHONE_HEADER = '手机(本人)';
const POLICE_EMPLOYER = '宜昌三峡制药有限公司';
const FAMILY_PLANNING_EMPLOYER = '宜昌东阳光药业股份有限公司';

// As departments export: a title row above the header, so the header is row 2 and the data start at row 3.
const policeCsv = [
  '夷陵区流动人口登记表（公安）,,,,,,,,',
  `姓名,公民身份号码,性别,户籍地址,现住址,流入时间,工作单位,职业,${PHONE_HEADER}`,
  `张伟,${zhangWei},男,湖北省荆门市沙洋县后港镇长林村3组,宜昌市夷陵区小溪塔街道冯家湾社区发展大道12号,2023-05-01,${POLICE_EMPLOYER},操作工,13907181234`,
  `李娟,${liJuan},女,重庆市奉节县永安街道28组9号,宜昌市夷陵区小溪塔街道东湖社区东湖路8号,2022.3.15,宜昌市夷陵区东湖超市,营业员,15872011111`,
  `王强,${badId},男,湖北省宜昌市夷陵区小溪塔街道,宜昌市夷陵区小溪塔街道,2023-01-01,宜昌某建材厂,普工,13900001111`,
].join('\r\n');
const BAD_ROW = 5;

// 计生 says the same about 张伟's move (same date) but names another employer: a conflict to review.
const familyPlanningCsv = ['姓名,身份证号,流入时间,工作单位', `张伟,${zhangWei},2023-05-01,${FAMILY_PLANNING_EMPLOYER}`].join('\r\n');

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });

/** Uploads a file on the import page and waits for the server's preview of its columns. */
async function upload(page: Page, source: string, file: ReturnType<typeof csvFile>) {
  // The radio input itself is hidden under antd's button look; the visible label is what a user taps.
  await page.locator('.ant-radio-button-wrapper', { hasText: source }).click();
  const preview = page.waitForResponse((r) => r.url().includes('/api/imports/preview') && r.request().method() === 'POST');
  await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
  const response = await preview;
  expect(response.status()).toBe(200);
  await page.getByTestId('mapping-table').waitFor();
  return (await response.json()) as { headers: string[]; mapping: Record<string, string> };
}

/** Starts the import and waits until the progress bar says 完成. */
async function runImport(page: Page): Promise<{ mapping: Record<string, string> }> {
  const started = page.waitForResponse((r) => r.url().endsWith('/api/imports') && r.request().method() === 'POST');
  await page.getByRole('button', { name: '开始导入' }).click();
  const response = await started;
  expect(response.status()).toBe(200);
  const progress = page.getByTestId('import-progress');
  await progress.locator('.ant-progress').getByText('完成', { exact: true }).waitFor();
  await progress.getByText(/导入完成：共 \d+ 行/).waitFor();
  return response.request().postDataJSON() as { mapping: Record<string, string> };
}

/** A full-page screenshot from the top: the sticky header would otherwise sit wherever the page was scrolled to. */
/** The value of one of the import's counters, by its Chinese title. */
async function count(page: Page, title: string): Promise<number> {
  const card = page.getByTestId('import-counts').locator('.ant-statistic').filter({ hasText: title });
  return Number((await card.locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, ''));
}

describe('流动人员台帐：导入、核对列、审核冲突、查看历史', () => {
  const env = serverAndBrowser();



  test('桌面：公安文件改正列对应后导入并报告退回行；计生文件与之冲突，采用新值后人员页显示两处来源的历史', async (ctx) => {
    if (!availability.available) return ctx.skip(availability.reason);
    // The journey only proves the mapping step if the header really is unknown to the automatic mapping.
    expect(fieldForHeader(PHONE_HEADER)).toBeNull();

    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    await logIn(page, 'city_org');

    // 1. The police file: the phone column is not recognised, the user maps it to 联系电话.
    await page.getByRole('menuitem', { name: /数据导入/ }).click();
    await page.waitForURL(/\/imports$/);
    const preview = await upload(page, '公安', csvFile('夷陵区流动人口登记（公安）.csv', policeCsv));
    const phoneColumn = preview.headers.indexOf(PHONE_HEADER);
    expect(phoneColumn).toBe(8);
    expect(preview.mapping[String(phoneColumn)]).toBeUndefined();
    await page.getByText(/表头在第 2 行，已按列名自动识别 8 列，1 列未识别/).waitFor();
    const phoneRow = page.getByTestId('mapping-table').locator('tr').filter({ hasText: PHONE_HEADER });
    await phoneRow.getByText('未识别').waitFor();
    const phoneSelect = page.getByTestId(`mapping-column-${phoneColumn}`);
    expect(await phoneSelect.textContent()).toContain('忽略此列');
    await chooseOption(page, phoneSelect, '联系电话');
    expect(await phoneSelect.textContent()).toContain('联系电话');
    await screenshot(page, 'ledger-import-mapping.png');

    const sent = await runImport(page);
    expect(sent.mapping[String(phoneColumn)]).toBe('phone');
    expect(await count(page, '共处理')).toBe(3);
    expect(await count(page, '新增人员')).toBe(2);
    expect(await count(page, '退回行')).toBe(1);
    const rejections = page.getByTestId('import-rejections');
    const rejectedRow = rejections.locator('tbody tr').filter({ hasText: `第 ${BAD_ROW} 行` });
    await rejectedRow.waitFor();
    expect(await rejectedRow.textContent()).toContain('公民身份号码');
    expect(await rejectedRow.textContent()).toMatch(/校验码/);

    // The report behind the download link says the same.
    const downloading = page.waitForEvent('download');
    await rejections.getByText('下载退回行报告（.xlsx）').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^退回行-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const reported = workbook.worksheets[0]!.getRow(2).values as unknown[];
    expect(reported[1]).toBe(BAD_ROW);
    expect(reported[2]).toBe('公民身份号码');

    // 2. The family-planning file disagrees on 张伟's employer: a conflict goes to 待审核.
    await page.getByRole('button', { name: '继续导入其他文件' }).click();
    const second = await upload(page, '计生', csvFile('计生流动人口信息.csv', familyPlanningCsv));
    expect(Object.values(second.mapping).sort()).toEqual(['employer', 'idNumber', 'movedOn', 'name']);
    await runImport(page);
    expect(await count(page, '来源冲突待审核')).toBe(1);
    expect(await count(page, '新增人员')).toBe(0);

    const queue = page.waitForResponse((r) => r.url().includes('/api/reviews') && r.request().method() === 'GET' && r.status() === 200);
    await page.getByRole('button', { name: '去审核' }).click();
    await page.waitForURL(/\/reviews$/);
    await queue;
    // On a wide screen the queue is a paged table: one row per item, both values in the row.
    // (The demo's own people may have items of their own: the journey looks for 张伟's.)
    await page.getByTestId('reviews-table').getByText(/^共 \d+ 项$/).waitFor();
    const conflict = page.getByTestId('review-item').filter({ hasText: '张伟' });
    await conflict.waitFor();
    const conflictText = await conflict.textContent();
    expect(conflictText).toContain('来源冲突');
    expect(conflictText).toContain('工作单位');
    expect(conflictText).toContain(`新值（计生）`);
    expect(conflictText).toContain(`现值（公安）`);
    const difference = conflict.locator('tbody tr').filter({ hasText: '工作单位' });
    expect(await difference.locator('td').nth(1).textContent()).toBe(FAMILY_PLANNING_EMPLOYER);
    expect(await difference.locator('td').nth(2).textContent()).toBe(POLICE_EMPLOYER);
    await screenshot(page, 'ledger-review.png');

    const resolved = page.waitForResponse((r) => /\/api\/reviews\/\d+\/resolve$/.test(r.url()));
    await conflict.getByRole('button', { name: '采用新值' }).click();
    const resolution = await resolved;
    expect(resolution.status()).toBe(200);
    expect(((await resolution.json()) as { resolution: string }).resolution).toBe('acceptIncoming');
    await conflict.waitFor({ state: 'detached' });

    // 3. The ledger finds 张伟 by pinyin initials; his page shows both sources and the accepted employer.
    await page.getByRole('menuitem', { name: /流动人员台帐/ }).click();
    await page.waitForURL(/\/people$/);
    await page.getByTestId('people-list').getByText('李娟').waitFor();
    const searched = page.waitForResponse((r) => r.url().includes('/api/people?') && r.url().includes('q=zw') && r.status() === 200);
    await page.getByLabel('搜索人员').fill('zw');
    await searched;
    const list = page.getByTestId('people-list');
    await list.getByText('李娟').waitFor({ state: 'detached' });
    const person = page.waitForResponse((r) => /\/api\/people\/\d+$/.test(r.url()) && r.status() === 200);
    // The demo may hold another 张伟 (or a 赵伟): the imported one is the newest, listed first.
    await list.getByRole('link', { name: '张伟' }).first().click();
    await person;
    await page.waitForURL(/\/people\/\d+$/);

    expect(await page.getByTestId('person-employer').textContent()).toBe(FAMILY_PLANNING_EMPLOYER);
    const current = page.getByTestId('person-current');
    // Each current value carries its source, since when it holds and when it was recorded, as the server worked them out.
    const employerLine = current.locator('div').filter({ hasText: new RegExp(`^工作单位：${FAMILY_PLANNING_EMPLOYER}计生$`) });
    expect(await employerLine.count()).toBeGreaterThan(0);
    const hukouLine = current.locator('div').filter({ hasText: /^地址：湖北省荆门市沙洋县后港镇长林村3组公安$/ });
    expect(await hukouLine.count()).toBeGreaterThan(0);
    // The phone stays masked, its source shown.
    expect(await current.locator('div').filter({ hasText: /^电话：139\*\*\*\*1234(查\s?看)?公安$/ }).count()).toBeGreaterThan(0);
    expect(await current.textContent()).not.toContain('13907181234');
    await current.getByText(/自 2023-05-01 起 · 记录于/).first().waitFor();
    await page.getByTestId('person-talent-status').getByText('未列入').waitFor();
    const history = page.getByTestId('person-history');
    const facts = history.getByTestId('history-fact');
    expect(await facts.filter({ hasText: /^公安/ }).count()).toBeGreaterThan(0);
    expect(await facts.filter({ hasText: /^计生/ }).count()).toBeGreaterThan(0);
    expect(await facts.filter({ hasText: `工作单位：${POLICE_EMPLOYER}` }).filter({ hasText: /^公安/ }).count()).toBe(1);
    expect(await facts.filter({ hasText: '审核后采用' }).filter({ hasText: FAMILY_PLANNING_EMPLOYER }).count()).toBe(1);
    await screenshot(page, 'person-history.png');

    expect(errors).toEqual([]);
    await context.close();
  });

  test('手机：台帐名单显示为卡片，筛选在抽屉中', async (ctx) => {
    if (!availability.available) return ctx.skip(availability.reason);
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    await logIn(page, 'city_org');

    const people = page.waitForResponse((r) => r.url().includes('/api/people?') && r.status() === 200);
    await page.goto(`${env.server.url}/people`);
    const body = (await (await people).json()) as { total: number; items: { name: string }[] };
    // The first journey imported two people (the newest, so first in the list); this one runs after it on the same server.
    expect(body.items.slice(0, 2).map((p) => p.name).sort()).toEqual(['张伟', '李娟']);
    const list = page.getByTestId('people-list');
    await list.getByText('张伟').waitFor();
    await list.getByText('李娟').waitFor();
    expect(await page.locator('.ant-table').count()).toBe(0);
    await page.getByText(`人员名单（${body.total} 人）`).waitFor();

    await page.getByRole('button', { name: '筛选' }).click();
    // By its text, not its accessible name: a bundle built with NODE_ENV=test gives every antd id the
    // same value ('test-id'), so aria-labelledby may point at another element.
    const drawer = page.getByRole('dialog').filter({ hasText: '筛选人员' });
    await drawer.waitFor();
    const inbound = page.waitForResponse((r) => r.url().includes('direction=inbound') && r.status() === 200);
    await drawer.locator('.ant-radio-button-wrapper', { hasText: '流入' }).click();
    await inbound;
    await drawer.getByRole('button', { name: /查看结果/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('筛选：').waitFor();
    await waitForChart(page, page.getByTestId('completeness-chart'));
    await screenshot(page, 'ledger-list-phone.png');

    expect(errors).toEqual([]);
    await context.close();
  });
});
