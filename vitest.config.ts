import { defineConfig } from 'vitest/config';

/**
 * Test tiers as Vitest projects: unit (domain), server on SQLite (always) and on PostgreSQL (when
 * TEST_DATABASE_URL is set), and browser journeys in Debian's Chromium. With CI=true nothing that
 * needs PostgreSQL or Chromium may skip: a missing server or browser fails the run.
 */
const pgUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !pgUrl) {
  throw new Error('CI=true 但没有设置 TEST_DATABASE_URL：PostgreSQL 上的测试不能跳过');
}

const serverTests = ['apps/server/src/**/*.test.ts'];
/**
 * Test files of a worker share its module cache: each file still opens its own database and
 * services, and nothing in the server or domain keeps per-test state at module level, so loading
 * the server's module graph once per worker instead of once per file saves most of the import time.
 */
const shared = { isolate: false } as const;

export default defineConfig({
  test: {
    reporters: ['default', './test-support/tier-summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['packages/domain/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'], ...shared } },
      { test: { name: 'server:sqlite', include: serverTests, env: { XINXUE_TEST_ENGINE: 'sqlite' }, ...shared, testTimeout: 30_000, hookTimeout: 60_000 } },
      ...(pgUrl
        ? [{ test: { name: 'server:postgres', include: serverTests, env: { XINXUE_TEST_ENGINE: 'postgres' }, ...shared, testTimeout: 30_000, hookTimeout: 60_000 } }]
        : []),
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
