import type { Locator, Page } from 'playwright-core';

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
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.locator('.ant-select').click();
  await page.keyboard.type(label);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) });
  await option.first().click();
}

/** Waits for an ECharts canvas inside the element and for its bar animation to end. */
export async function waitForChart(page: Page, container: Locator): Promise<void> {
  await container.locator('canvas').first().waitFor();
  await page.waitForTimeout(600);
}
