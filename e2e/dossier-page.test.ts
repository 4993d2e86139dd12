import { type APIRequestContext, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiLogin } from './support/api-seed.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { browserAvailability } from './support/server.ts';
import { serverAndBrowser } from './support/suite.ts';
import { logIn, screenshot } from './support/ui.ts';

const availability = browserAvailability();
if (!availability.available) console.warn(availability.reason);

interface ListItem {
  id: number;
  personName: string;
  currentStep: number;
}

describe('发展党员档案页：列表按阶段筛选，时间轴与问题，退回一步', () => {
  const env = serverAndBrowser();
  let api: APIRequestContext | undefined;
  /** The demo's late talk let through with a reason (R-TALK-1M), now at step 3. */
  let late: ListItem | undefined;

  beforeAll(async () => {
    if (!availability.available) return;
    api = await request.newContext({ baseURL: env.server.url });
    await apiLogin(api, 'xiaoxita');
    const list = (await (await api.get('/api/dossiers?stage=2&status=active&pageSize=200')).json()) as { items: ListItem[] };
    for (const item of list.items) {
      const detail = (await (await api.get(`/api/dossiers/${item.id}`)).json()) as { findings: { rule: string }[] };
      if (item.currentStep === 3 && detail.findings.some((f) => f.rule === 'R-TALK-1M')) late = item;
    }
  });

  afterAll(async () => {
    await api?.dispose();
  });

  test.skipIf(!availability.available)('xiaoxita 按阶段筛选，打开档案，看到时间轴和问题，退回到第2步并写明原因', async () => {
    expect(late, '演示数据中应有一份谈话逾期、写明理由后继续办理的档案').toBeTruthy();
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/login`);
    await logIn(page, 'xiaoxita');

    await page.goto(`${env.server.url}/dossiers`);
    const list = page.getByTestId('dossier-list');
    await expect.poll(() => list.locator('[data-testid="dossier-link"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const filtered = page.waitForResponse((r) => r.url().includes('/api/dossiers?') && r.url().includes('stage=2') && r.status() === 200);
    await page.locator('.ant-select', { hasText: '阶段' }).first().click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '第2阶段' }).click();
    await filtered;
    await page.waitForURL(/stage=2/);
    await expect.poll(() => list.innerText()).toContain(late!.personName);
    const stages = await list.locator('tbody tr').allInnerTexts();
    expect(stages.length).toBeGreaterThan(0);
    for (const row of stages) expect(row).toContain('第2阶段');
    await screenshot(page, 'dossier-1-list-stage-2.png');

    await list.locator('tr', { hasText: late!.personName }).getByTestId('dossier-link').click();
    await page.waitForURL(new RegExp(`/dossiers/${late!.id}$`));
    const timeline = page.getByTestId('dossier-timeline');
    await timeline.waitFor();
    const talk = page.getByTestId('step-2');
    await expect.poll(() => talk.getAttribute('data-status')).toBe('done');
    await expect.poll(() => talk.locator('[data-rule="R-TALK-1M"]').count()).toBeGreaterThan(0);
    expect(await talk.innerText()).toContain('支部书记');
    expect(await page.getByTestId('dossier-events').innerText()).toContain('继续办理的理由');
    // The rule behind a finding, from the rule catalogue.
    await talk.locator('[data-rule="R-TALK-1M"] .ant-tag').first().click();
    await expect.poll(() => page.getByTestId('rule-explanation').innerText()).toContain('第七条');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('record-step').innerText()).toContain('办理第3步');
    await screenshot(page, 'dossier-2-page-desktop.png');

    await page.getByTestId('send-back').click();
    await page.getByTestId('send-back-reason').fill('谈话记录缺少谈话人签名，退回重新谈话');
    const sent = page.waitForResponse((r) => r.url().endsWith(`/api/dossiers/${late!.id}/send-back`));
    await page.locator('#send-back-ok').click();
    expect((await sent).status()).toBe(200);
    await expect.poll(() => talk.getAttribute('data-redo'), { timeout: 20_000 }).toBe('true');
    expect(await talk.getAttribute('data-status')).toBe('current');
    expect(await page.getByTestId('record-step').innerText()).toContain('办理第2步');
    expect(await page.getByTestId('dossier-events').innerText()).toContain('谈话记录缺少谈话人签名');
    await screenshot(page, 'dossier-3-sent-back.png');
    expect(errors).toEqual([]);
    await context.close();

    // On a phone the stages are cards that fold; the current stage is open.
    const phone = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    const phoneErrors = collectPageErrors(mobile);
    await mobile.goto(`${env.server.url}/login`);
    await logIn(mobile, 'xiaoxita');
    await mobile.goto(`${env.server.url}/dossiers/${late!.id}`);
    await mobile.getByTestId('dossier-timeline').waitFor();
    await expect.poll(() => mobile.getByTestId('step-2').getAttribute('data-redo')).toBe('true');
    expect(await mobile.locator('.ant-collapse-item').count()).toBe(5);
    await screenshot(mobile, 'dossier-4-page-phone.png');
    await mobile.goto(`${env.server.url}/dossiers?stage=2`);
    await expect.poll(() => mobile.getByTestId('dossier-list').locator('.ant-card').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await screenshot(mobile, 'dossier-5-list-phone.png');
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });
});
