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

export default defineConfig({
  test: {
    reporters: ['default', './test-support/tier-summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['packages/domain/src/**/*.test.ts'] } },
      { test: { name: 'server:sqlite', include: serverTests, env: { XINXUE_TEST_ENGINE: 'sqlite' }, testTimeout: 30_000, hookTimeout: 60_000 } },
      ...(pgUrl
        ? [{ test: { name: 'server:postgres', include: serverTests, env: { XINXUE_TEST_ENGINE: 'postgres' }, testTimeout: 30_000, hookTimeout: 60_000 } }]
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
