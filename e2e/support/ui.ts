import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from './server.ts';

/** Where the journeys keep their screenshots (ignored by git). */
export const artifacts = path.join(repoRoot, 'test-artifacts', 'browser');

/** A screenshot under `artifacts`; a full-page one is taken from the top. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(artifacts, name), fullPage });
}

export const DEMO_PASSWORD = 'Xinxue@2026';

/** Signs in on the login page the browser is on and waits for the home page's data. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const home = page.waitForResponse((r) => r.url().endsWith('/api/home') && r.status() === 200);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  // antd spaces out two-character Chinese button labels ("登 录").
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await home;
}

/**
 * Picks an option of an antd Select by its label. The option list is virtual (only the first few
 * are in the DOM), so the label is typed into the select's search first.
 */
export async function chooseOption(page: Page, select: Locator, label: string, options: { search?: boolean } = {}): Promise<void> {
  await select.locator('.ant-select').click();
  if (options.search ?? true) await page.keyboard.type(label);
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const option = open.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) });
  // A click that lands while the list is still animating in can be lost, and the open list then
  // covers the buttons below it: click again until the list closes.
  for (let attempt = 1; ; attempt++) {
    await option.first().click();
    try {
      await open.first().waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Waits for an ECharts canvas inside the element and for its bar animation to end. */
export async function waitForChart(page: Page, container: Locator): Promise<void> {
  await container.locator('canvas').first().waitFor();
  await page.waitForTimeout(600);
}
