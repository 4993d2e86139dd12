import { roleLabels } from '@xinxue/domain';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { DEMO_PASSWORD, demoAccounts, loadDemo } from '../demo/demo.ts';
import { withServices } from './run.ts';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('向空数据库载入宜昌市演示数据（区划、网格、党组织框架、每个角色一个演示账号）')
    .action(async () => {
      await withServices(async (services) => {
        const bar = process.stderr.isTTY ? new SingleBar({ format: '载入演示数据 [{bar}] {percentage}%', stream: process.stderr }) : undefined;
        bar?.start(100, 0);
        const summary = await loadDemo(services, (done, total) => bar?.update(Math.round((done / total) * 100)));
        bar?.stop();
        console.log(`已载入演示数据：${summary.orgs} 个党组织，${summary.grids} 个网格，${summary.accounts} 个账号。`);
        console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}，仅用于演示，切勿用于正式环境）：`);
        for (const a of demoAccounts) console.log(`  ${a.username.padEnd(14)} ${roleLabels[a.role]}`);
        console.log('\n三个管理员账号首次登录时须设置动态口令（TOTP）。');
      });
    });
}
