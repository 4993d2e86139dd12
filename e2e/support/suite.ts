import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { browserAvailability, launchBrowser, type RunningServer, startServer } from './server.ts';
import { artifacts } from './ui.ts';

/**
 * What every journey needs: a server with the demo data and a browser, started before the file's
 * tests and stopped after them (call it in the describe block, before the file's own hooks, so it
 * starts first and stops last). Nothing starts where no browser is available; the tests skip.
 */
export function serverAndBrowser(): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!browserAvailability().available) return;
    await mkdir(artifacts, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not running');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not running');
      return browser;
    },
  };
}
