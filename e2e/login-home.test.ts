import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { collectPageErrors } from './support/page-errors.ts';
import { browserAvailability, repoRoot } from './support/server.ts';
import { serverAndBrowser } from './support/suite.ts';

const availability = browserAvailability();
if (!availability.available) console.warn(availability.reason);
const artifacts = path.join(repoRoot, 'test-artifacts', 'browser');
const PASSWORD = 'Xinxue@2026';

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  // antd spaces out two-character Chinese button labels ("登 录").
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

describe('登录与首页', () => {
  const env = serverAndBrowser();



  test('桌面：错误密码提示，市委组织部登录后首页显示本人、角色、管辖范围和图表', async (ctx) => {
    if (!availability.available) return ctx.skip(availability.reason);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(env.server.url);
    await page.getByText('行政区划：国家统计局2023年统计用区划代码').waitFor();
    expect(await page.locator('.ant-card-head-title').first().textContent()).toBe('登录');
    expect(await page.title()).toContain('新血');

    const refused = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await logIn(page, 'city_org', 'Wrong-password-1');
    expect((await refused).status()).toBe(401);
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    const home = page.waitForResponse((r) => r.url().endsWith('/api/home') && r.status() === 200);
    await logIn(page, 'city_org', PASSWORD);
    await home;
    await page.waitForURL(`${env.server.url}/`);

    const welcome = page.getByTestId('welcome-card');
    await welcome.waitFor();
    const welcomeText = await welcome.textContent();
    expect(welcomeText).toContain('张明');
    expect(welcomeText).toContain('市委组织部');
    expect(await page.getByTestId('scope-name').textContent()).toContain('管辖范围：宜昌市');

    // ECharts arrives in its own lazily loaded chunk and draws onto a canvas inside the container.
    const canvas = page.getByTestId('scope-chart').locator('canvas').first();
    await canvas.waitFor();
    const size = await canvas.evaluate((el: HTMLCanvasElement) => ({ width: el.width, height: el.height }));
    expect(size.width).toBeGreaterThan(100);
    expect(size.height).toBeGreaterThan(100);
    await page.waitForTimeout(600); // let the bar animation finish before the screenshot
    await page.screenshot({ path: path.join(artifacts, 'home-desktop.png'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });

  test('手机：乡镇账号登录，经抽屉菜单进入网格，看到本街道的网格', async (ctx) => {
    if (!availability.available) return ctx.skip(availability.reason);
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(env.server.url);
    const home = page.waitForResponse((r) => r.url().endsWith('/api/home') && r.status() === 200);
    await logIn(page, 'xiaoxita', PASSWORD);
    await home;
    await page.getByTestId('scope-name').waitFor();
    expect(await page.getByTestId('scope-name').textContent()).toContain('小溪塔街道');

    // On a phone the side menu is not on the page; it lives in a drawer behind the header button.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.getByRole('dialog', { name: '新血 · 导航' });
    await drawer.waitFor();

    const grids = page.waitForResponse((r) => r.url().includes('/api/grids?within=420506001') && r.status() === 200);
    await drawer.getByRole('menuitem', { name: /网格/ }).click();
    const body = (await (await grids).json()) as { items: { name: string; divisionCode: string; divisionName: string }[] };
    await page.waitForURL(/\/grids$/);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((g) => g.divisionCode.startsWith('420506001'))).toBe(true);

    const table = page.getByTestId('grids-table');
    await table.getByText(body.items[0]!.divisionName).first().waitFor();
    expect(await page.getByText(`网格列表（${body.items.length}）`).count()).toBe(1);
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('grids-chart').locator('canvas').first().waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(artifacts, 'grids-phone.png'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });
});
