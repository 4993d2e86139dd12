import path from 'node:path';
import { idCheckChar } from '@xinxue/domain';
import { type APIRequestContext, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectPageErrors } from './support/page-errors.ts';
import { browserAvailability, repoRoot } from './support/server.ts';
import { serverAndBrowser } from './support/suite.ts';
import { DEMO_PASSWORD, logIn } from './support/ui.ts';

const availability = browserAvailability();
if (!availability.available) console.warn(availability.reason);
const artifacts = path.join(repoRoot, 'test-artifacts', 'browser');

const validId = (body: string) => body + idCheckChar(body);
const zhangWei = validId('42082219870418881');
const liJuan = validId('50023619670116208');
// Both live in 冯家湾社区: the import places them in its first grid, the demo grid worker's.
const policeCsv = [
  '姓名,公民身份号码,户籍地址,现住址,流入时间,工作单位,工作地址,职业,联系电话',
  `张伟,${zhangWei},湖北省荆门市沙洋县后港镇长林村3组,宜昌市夷陵区小溪塔街道冯家湾社区发展大道12号,2023-05-01,宜昌三峡制药有限公司,夷陵区发展大道57号,操作工,13907181234`,
  `李娟,${liJuan},重庆市奉节县永安街道28组9号,宜昌市夷陵区小溪塔街道冯家湾社区东湖路8号,2022-03-15,宜昌市夷陵区东湖超市,夷陵区东湖路8号,营业员,15872011111`,
].join('\r\n');
const NEW_EMPLOYER = '宜昌东阳光药业股份有限公司';

/** Signs in through the API (no second factor for business roles) and returns the CSRF token. */
async function apiLogin(api: APIRequestContext, username: string): Promise<string> {
  const res = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** As the township committee: import two people into the grid worker's grid and open a survey over the community. */
async function seed(api: APIRequestContext): Promise<{ surveyId: number; people: Record<string, number> }> {
  const csrf = await apiLogin(api, 'xiaoxita');
  const headers = { 'x-csrf-token': csrf };
  const preview = await api.post('/api/imports/preview?source=police', { headers, multipart: { file: { name: 'police.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${policeCsv}`) } } });
  expect(preview.status(), await preview.text()).toBe(200);
  const { uploadId } = (await preview.json()) as { uploadId: string };
  const started = await api.post('/api/imports', { headers, data: { uploadId, source: 'police' } });
  const { importId } = (await started.json()) as { importId: number };
  for (let i = 0; i < 200; i++) {
    const status = (await (await api.get(`/api/imports/${importId}`)).json()) as { status: string; created: number };
    if (status.status !== 'running') {
      expect(status).toMatchObject({ status: 'done', created: 2 });
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const survey = await api.post('/api/surveys', { headers, data: { name: '冯家湾社区冬季清查', startsOn: '2026-11-01', dueOn: '2026-12-31', within: '420506001001' } });
  expect(survey.status(), await survey.text()).toBe(200);
  const list = (await (await api.get('/api/people?within=420506001001')).json()) as { items: { id: number; name: string }[] };
  return { surveyId: ((await survey.json()) as { id: number }).id, people: Object.fromEntries(list.items.map((p) => [p.name, p.id])) };
}

describe('清查：网格员在手机上核查人员', () => {
  const env = serverAndBrowser();
  let api: APIRequestContext | undefined;

  beforeAll(async () => {
    if (!availability.available) return;
    api = await request.newContext({ baseURL: env.server.url });
  });

  afterAll(async () => {
    await api?.dispose();
  });

  test('390×844：确认一人无误，修改另一人的工作单位和电话；修改成为当前值，来源为网格员', async (ctx) => {
    if (!availability.available) return ctx.skip(availability.reason);
    const { surveyId, people } = await seed(api!);

    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    await logIn(page, 'grid_worker');

    await page.goto(`${env.server.url}/surveys`);
    const card = page.getByTestId(`survey-${surveyId}`);
    await card.getByText('已核查 0 / 2 人', { exact: false }).waitFor();
    await card.getByRole('link').filter({ hasText: '核查人员' }).click();
    await page.waitForURL(new RegExp(`/surveys/${surveyId}/check$`));

    const cards = page.getByTestId('person-check-card');
    await cards.filter({ hasText: '张伟' }).waitFor();
    expect(await cards.count()).toBe(2);
    // Phones are shown masked: enough to ask "is your number 139****1234?".
    await cards.filter({ hasText: '张伟' }).getByText('139****1234').waitFor();

    // 1. 张伟: everything is right.
    const confirmed = page.waitForResponse((r) => r.url().endsWith(`/api/surveys/${surveyId}/checks`) && r.request().method() === 'POST');
    await cards.filter({ hasText: '张伟' }).getByRole('button', { name: '确认无误' }).click();
    expect((await confirmed).status()).toBe(200);
    // The unchecked list now holds only 李娟.
    await page.getByText('张伟：确认无误，已登记').waitFor();
    await expect.poll(() => cards.count()).toBe(1);

    // 2. 李娟: new employer and phone.
    await cards.filter({ hasText: '李娟' }).getByRole('button', { name: /^修\s*改$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('工作单位').fill(NEW_EMPLOYER);
    await dialog.getByLabel('联系电话').fill('13677778888');
    const corrected = page.waitForResponse((r) => r.url().endsWith(`/api/surveys/${surveyId}/checks`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    const response = await corrected;
    expect(response.status(), await response.text()).toBe(200);
    expect(response.request().postDataJSON()).toMatchObject({ personId: people['李娟'], outcome: 'corrected', corrections: { employer: NEW_EMPLOYER, phone: '13677778888' } });
    await page.getByText('本网格的人员都已核查').waitFor();

    // The checked list shows both with their outcome, and the progress is complete.
    await page.getByText('已核查', { exact: true }).click();
    await cards.filter({ hasText: NEW_EMPLOYER }).waitFor();
    await cards.filter({ hasText: '张伟' }).getByText('确认无误', { exact: true }).first().waitFor();
    await page.getByText('已核查 2 / 2 人', { exact: false }).waitFor();
    // Let the success toasts fade so they do not cover the survey's name.
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artifacts, 'survey-phone.png'), fullPage: true });

    // The ledger now says what the grid worker said, recorded as 网格员.
    const person = (await (await api!.get(`/api/people/${people['李娟']}`)).json()) as { employer: string; history: { sourceLabel: string; values: { key: string; value: string }[] }[] };
    expect(person.employer).toBe(NEW_EMPLOYER);
    expect(person.history.find((h) => h.values.some((v) => v.key === 'employer' && v.value === NEW_EMPLOYER))?.sourceLabel).toBe('网格员');
    const survey = (await (await api!.get(`/api/surveys/${surveyId}`)).json()) as { totals: { checked: number; confirmed: number; corrected: number; total: number } };
    expect(survey.totals).toMatchObject({ total: 2, checked: 2, confirmed: 1, corrected: 1 });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('桌面：乡镇（街道）看清查列表和各网格进度图', async (ctx) => {
    if (!availability.available) return ctx.skip(availability.reason);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    await logIn(page, 'xiaoxita');
    await page.goto(`${env.server.url}/surveys`);
    await page.getByText('冯家湾社区冬季清查').first().waitFor();
    // The first test checked both people: the survey shows them as done.
    await page.getByText('已核查 2 / 2 人', { exact: false }).first().waitFor();
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(1500); // let the chart's bars finish growing before the picture
    await page.screenshot({ path: path.join(artifacts, 'surveys-desktop.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
