import { withUsccCheck } from '@xinxue/domain';
import { type APIRequestContext, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiLogin } from './support/api-seed.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { browserAvailability } from './support/server.ts';
import { serverAndBrowser } from './support/suite.ts';
import { logIn, screenshot } from './support/ui.ts';

const availability = browserAvailability();
if (!availability.available) console.warn(availability.reason);

const FENGJIAWAN = '420506001001';
// Two small firms of 冯家湾社区 with one party member each: too few for a branch of their own, so
// the blank-spot list advises a joint organization. Their names sort first by pinyin (阿…).
const firms = [
  { name: '阿德科技有限公司', uscc: withUsccCheck('91420506MA4AD0001'), industry: 'I', employees: 12 },
  { name: '阿福物流有限公司', uscc: withUsccCheck('91420506MA4AF0002'), industry: 'G', employees: 8 },
];

/** The number in the blank-spot card's title, once it has loaded. */
async function blankSpotCount(page: Page): Promise<number> {
  const title = page.getByTestId('blank-spots').locator('.ant-card-head-title');
  await expect.poll(async () => /空白点（[\d,]+ 个/.test(await title.innerText()), { timeout: 20_000 }).toBe(true);
  return Number(/空白点（([\d,]+) 个/.exec(await title.innerText())![1]!.replace(/,/g, ''));
}

describe('党组织覆盖：把两个空白点联合组建党支部，空白点随之减少', () => {
  const env = serverAndBrowser();
  let api: APIRequestContext | undefined;

  beforeAll(async () => {
    if (!availability.available) return;
    api = await request.newContext({ baseURL: env.server.url });
    const headers = await apiLogin(api, 'xiaoxita');
    for (const f of firms) {
      const res = await api.post('/api/new-orgs', { headers, data: { kind: 'enterprise', name: f.name, uscc: f.uscc, industry: f.industry, divisionCode: FENGJIAWAN, employees: f.employees, partyMembers: 1, registeredOn: '2023-04-01' } });
      expect(res.status(), await res.text()).toBe(200);
    }
  });

  afterAll(async () => {
    await api?.dispose();
  });

  test.skipIf(!availability.available)('选中两个空白点，联合组建，空白点少了两个', async () => {
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/login`);
    await logIn(page, 'xiaoxita');

    await page.goto(`${env.server.url}/new-orgs/coverage`);
    const before = await blankSpotCount(page);
    const card = page.getByTestId('blank-spots');
    await card.getByLabel('排序').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '按名称' }).click();
    for (const f of firms) await card.locator('tr', { hasText: f.name }).locator('.ant-checkbox-input').check();
    await screenshot(page, 'orgs-1-blank-spots.png');

    await card.getByRole('link', { name: /联合组建（已选 2 个）/ }).click();
    await page.waitForURL(/\/orgs\/new\?/);
    const form = page.getByTestId('org-create-form');
    await expect.poll(() => form.innerText()).toContain(firms[1]!.name);
    await form.getByLabel('党组织名称').fill('阿德阿福联合党支部');
    await form.getByLabel('上级党组织').click();
    await page.keyboard.type('小溪塔街道');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper').filter({ hasText: '中共小溪塔街道工作委员会（党委）' }).first().click();
    await screenshot(page, 'orgs-2-joint-form.png');
    await form.getByRole('button', { name: /^新\s*建$/ }).click();

    await page.waitForURL(/\/orgs\/\d+$/);
    const body = page.locator('main');
    await expect.poll(() => body.innerText(), { timeout: 20_000 }).toContain('阿德阿福联合党支部');
    const text = await body.innerText();
    expect(text).toContain('联合组建');
    for (const f of firms) expect(text).toContain(f.name);
    await screenshot(page, 'orgs-3-joint-org.png');

    await page.goto(`${env.server.url}/new-orgs/coverage`);
    await expect.poll(() => blankSpotCount(page), { timeout: 20_000 }).toBe(before - 2);
    await screenshot(page, 'orgs-4-fewer-blank-spots.png');
    expect(errors).toEqual([]);
    await context.close();
  });
  test.skipIf(!availability.available)('导入社会组织名录：选民政部门来源，看到进度结果和退回的行', async () => {
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/login`);
    await logIn(page, 'xiaoxita');
    const good = withUsccCheck('51420506MA4AH0003');
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const csv = ['统一社会信用代码,单位名称,行业门类,注册地址,从业人数,党员人数', `${good},冯家湾志愿者协会,Q,湖北省宜昌市夷陵区小溪塔街道冯家湾社区,6,1`, `${bad},校验位错误协会,Q,湖北省宜昌市夷陵区小溪塔街道,3,0`, ''].join('\r\n');

    await page.goto(`${env.server.url}/new-orgs`);
    await page.getByRole('button', { name: '导入名录' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '导入企业、社会组织名录' });
    await dialog.getByText('民政部门（社会组织名录）').click();
    await dialog.locator('input[type=file]').setInputFiles({ name: '社会组织名录.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    const started = page.waitForResponse((r) => r.url().includes('/api/new-org-imports?source=civilAffairs') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: '开始导入' }).click();
    expect((await started).status()).toBe(200);
    const result = dialog.getByTestId('new-org-import-result');
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('导入完成：社会组织名录.csv');
    await expect.poll(() => result.innerText()).toContain('校验位');
    const text = await result.innerText();
    expect(text).toMatch(/新增单位\s*1/);
    expect(text).toMatch(/退回行\s*1/);
    expect(text).toContain('统一社会信用代码');
    await screenshot(page, 'orgs-5-registry-import.png');
    expect(errors).toEqual([]);
    await context.close();
  });
});
