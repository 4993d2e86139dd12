import type { Page } from 'playwright-core';

/**
 * The browser logs every non-2xx response as a console error. These are the answers a journey
 * expects (no session yet, a deliberately wrong password, no favicon.ico); anything else counts.
 */
const expectedFailedLoads: { url: RegExp; status: number }[] = [
  { url: /\/favicon\.ico$/, status: 404 },
  { url: /\/api\/auth\/session$/, status: 401 },
  { url: /\/api\/auth\/login$/, status: 401 },
];

/** Collects uncaught exceptions and console errors for the page's whole life. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`页面异常：${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const failedLoad = /Failed to load resource: the server responded with a status of (\d+)/.exec(message.text());
    if (failedLoad && expectedFailedLoads.some((e) => e.url.test(url) && e.status === Number(failedLoad[1]))) return;
    errors.push(`控制台错误：${message.text()}（${url}）`);
  });
  return errors;
}
