import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints test counts per tier and engine after the run (CI's log shows that the PostgreSQL and
 * browser tiers really ran), then the plain "N passed, N failed" closing line.
 */
function tierOf(projectName: string, moduleId: string): string {
  if (projectName.startsWith('server:')) {
    const engine = projectName.slice('server:'.length);
    return `${moduleId.endsWith('.http.test.ts') ? 'http' : 'service'} (${engine})`;
  }
  return projectName;
}

export default class TierSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const module of testModules) {
      const tier = tierOf(module.project.name, module.moduleId);
      const row = rows.get(tier) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') row.passed += 1;
        else if (state === 'failed') row.failed += 1;
        else row.skipped += 1;
      }
      if (module.state() === 'failed' && row.failed === 0) row.failed += 1; // a file that failed to load
      rows.set(tier, row);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    console.log('\n测试分层统计 (tier: passed / failed / skipped)');
    for (const [tier, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`  ${tier.padEnd(20)} ${row.passed} / ${row.failed} / ${row.skipped}`);
      total.passed += row.passed;
      total.failed += row.failed;
      total.skipped += row.skipped;
    }
    console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  }
}
