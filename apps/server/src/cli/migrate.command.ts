import type { Command } from 'commander';
import { migrateDown, migrateToLatest, migrationStatus } from '../db/migrate.ts';
import { withServices } from './run.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('把数据库迁移到最新结构（启动时也会自动执行）')
    .option('--down', '回退最近一次迁移')
    .option('--status', '只列出各迁移的执行情况')
    .action(async (options: { down?: boolean; status?: boolean }) => {
      await withServices(async ({ database }) => {
        if (options.status) {
          for (const m of await migrationStatus(database.db)) console.log(`${m.executedAt ? '已执行' : '未执行'}  ${m.name}`);
          return;
        }
        const names = options.down ? await migrateDown(database.db) : await migrateToLatest(database.db);
        const verb = options.down ? '已回退' : '已执行';
        console.log(names.length ? names.map((n) => `${verb}：${n}`).join('\n') : '数据库已是最新结构，无需迁移');
        console.log(`数据库：${database.location}`);
      }, { migrate: false });
    });
}
