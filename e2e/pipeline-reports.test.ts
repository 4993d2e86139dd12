import { describe, expect, test } from 'vitest';
import { collectPageErrors } from './support/page-errors.ts';
import { browserAvailability } from './support/server.ts';
import { serverAndBrowser } from './support/suite.ts';
import { logIn, screenshot, waitForChart } from './support/ui.ts';

const availability = browserAvailability();
if (!availability.available) console.warn(availability.reason);

describe('发展党员看板、办理期限、档案批量审核、公示登记簿：页面显示演示档案的数字，并能下到名单', () => {
  const env = serverAndBrowser();



  test.skipIf(!availability.available)('xiaoxita 看看板并下到名单，看期限、批量审核和公示登记簿；手机上办理期限页不横向溢出', async () => {
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/login`);
    await logIn(page, 'xiaoxita');
    const main = page.locator('main');

    // The board: stage totals and the chart; a list link lands on the dossier list filtered the same way.
    await page.goto(`${env.server.url}/pipeline`);
    await expect.poll(() => page.getByTestId('board-totals').innerText(), { timeout: 20_000 }).toContain('第二阶段');
    await waitForChart(page, page.getByTestId('board-chart'));
    await screenshot(page, 'reports-1-board.png');
    // Drill into the first organization with children: the breadcrumb grows by one.
    const crumbs = page.getByTestId('board-breadcrumb');
    const before = (await crumbs.innerText()).split('/').length;
    await main.getByText('下级', { exact: true }).first().click();
    await expect.poll(async () => (await crumbs.innerText()).split('/').length, { timeout: 20_000 }).toBe(before + 1);
    await main.getByRole('link', { name: '查看名单' }).first().click();
    await page.waitForURL(/\/dossiers\?.*orgId=\d+.*subtree=1/);
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toMatch(/第\d+步/);

    // Deadlines: the demo's old dossiers have overdue items, counted by kind.
    await page.goto(`${env.server.url}/pipeline/deadlines`);
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('逾期');
    expect(await page.getByTestId('deadline-kinds').innerText()).toMatch(/\d/);
    await screenshot(page, 'reports-2-deadlines.png');

    // The batch audit finds the demo's planted late talk by its rule id; the export is offered.
    await page.goto(`${env.server.url}/pipeline/audit`);
    await expect.poll(() => main.innerText(), { timeout: 30_000 }).toContain('R-TALK-1M');
    await waitForChart(page, page.getByTestId('audit-by-rule'));
    expect(await page.getByTestId('audit-export').getAttribute('href')).toContain('/api/pipeline/audit/export');
    await screenshot(page, 'reports-3-audit.png');

    // The register of notices holds the demo's notices.
    await page.goto(`${env.server.url}/notices`);
    await expect.poll(() => page.getByTestId('notices-table').innerText(), { timeout: 20_000 }).toMatch(/\d{4}-\d{2}-\d{2}/);
    await screenshot(page, 'reports-4-notices.png');
    expect(errors).toEqual([]);
    await context.close();

    const phone = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    const phoneErrors = collectPageErrors(small);
    await small.goto(`${env.server.url}/login`);
    await logIn(small, 'xiaoxita');
    await small.goto(`${env.server.url}/pipeline/deadlines`);
    await expect.poll(() => small.locator('main').innerText(), { timeout: 20_000 }).toContain('逾期');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await screenshot(small, 'reports-5-deadlines-phone.png');
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });
});
