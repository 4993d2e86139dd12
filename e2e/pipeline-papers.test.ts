import { type APIRequestContext, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiLogin } from './support/api-seed.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { browserAvailability } from './support/server.ts';
import { serverAndBrowser } from './support/suite.ts';
import { logIn, screenshot } from './support/ui.ts';

const availability = browserAvailability();
if (!availability.available) console.warn(availability.reason);

describe('公示与征求意见函：在档案页登记公示、发函、登记回执，下载的文件是 .docx', () => {
  const env = serverAndBrowser();
  let api: APIRequestContext | undefined;
  let dossierId = 0;

  beforeAll(async () => {
    if (!availability.available) return;
    api = await request.newContext({ baseURL: env.server.url });
    await apiLogin(api, 'xiaoxita');
    const list = (await (await api.get('/api/dossiers?stage=3&status=active&pageSize=50')).json()) as { items: { id: number }[] };
    dossierId = list.items[0]?.id ?? 0;
  });

  afterAll(async () => {
    await api?.dispose();
  });

  test.skipIf(!availability.available)('xiaoxita 登记务工地公示（结束日按工作日算出），发函给原籍地并登记回执', async () => {
    expect(dossierId, '演示数据中应有一份处于发展对象阶段的档案').toBeGreaterThan(0);
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/login`);
    await logIn(page, 'xiaoxita');
    await page.goto(`${env.server.url}/dossiers/${dossierId}`);
    const papers = page.getByTestId('dossier-papers');

    // 公示: stage, place and today's start are the defaults; the end date is shown before saving.
    await papers.getByRole('button', { name: '登记公示' }).click();
    const noticeDialog = page.getByRole('dialog').filter({ hasText: '登记公示' });
    await noticeDialog.getByPlaceholder('如：冯家湾社区党务公开栏').fill('冯家湾社区党务公开栏（浏览器测试）');
    const end = noticeDialog.getByTestId('notice-end');
    await expect.poll(() => end.innerText(), { timeout: 20_000 }).toMatch(/公示期至 \d{4}-\d{2}-\d{2}（5 个工作日/);
    const endDate = /(\d{4}-\d{2}-\d{2})/.exec(await end.innerText())![1]!;
    await noticeDialog.getByRole('button', { name: /^登\s*记$/ }).click();
    const notices = papers.getByTestId('notice-list');
    await expect.poll(() => notices.innerText(), { timeout: 20_000 }).toContain('冯家湾社区党务公开栏（浏览器测试）');
    expect(await notices.innerText()).toContain(endDate);

    // 征求意见函 to the origin (the default place), then its reply slip with the four aspects.
    await papers.getByRole('button', { name: '发征求意见函' }).click();
    const letterDialog = page.getByRole('dialog').filter({ hasText: '发征求意见函' });
    await letterDialog.getByLabel('受函单位（函件抬头）').fill('四川省南充市某村党支部');
    await letterDialog.getByRole('button', { name: /^发\s*函$/ }).click();
    const letters = papers.getByTestId('request-list');
    await expect.poll(() => letters.innerText(), { timeout: 20_000 }).toContain('四川省南充市某村党支部');
    expect(await papers.innerText()).toMatch(/\d+ 件待回复/);
    await letters.getByRole('button', { name: '登记回执' }).last().click();
    const answerDialog = page.getByRole('dialog').filter({ hasText: '登记回执' });
    await answerDialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect.poll(() => letters.getByRole('button', { name: '更正回执' }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await screenshot(page, 'papers-journey-1-dossier.png');

    // The two downloads are Word files (a zip package), fetched with the page's own session.
    const cookies = await context.cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    for (const link of [notices.getByRole('link', { name: /下载公示/ }).last(), letters.getByRole('link', { name: /下载函件/ }).last()]) {
      const href = await link.getAttribute('href');
      const res = await api!.get(href!, { headers: { cookie } });
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('officedocument.wordprocessingml');
      expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
