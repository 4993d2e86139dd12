import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { withServices } from './run.ts';

export function registerAuditLogCommands(program: Command): void {
  const auditLog = program.command('audit-log').description('审计日志');
  auditLog
    .command('verify')
    .description('校验审计日志哈希链，报告第一处断链')
    .option('--json', '输出 JSON')
    .action(async (o: { json?: boolean }) => {
      await withServices(async ({ auditLog: log }) => {
        const bar = o.json || !process.stderr.isTTY ? undefined : new SingleBar({ format: '校验 [{bar}] {value}/{total}', stream: process.stderr });
        let started = false;
        const result = await log.verify((checked, total) => {
          if (!bar) return;
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(checked);
        });
        bar?.stop();
        if (o.json) console.log(JSON.stringify(result));
        else if (result.ok) console.log(`审计日志完整：共 ${result.checked} 条，哈希链无断点。`);
        else console.log(`审计日志在第 ${result.firstBroken!.id} 条断链：${result.firstBroken!.reason}（此前 ${result.checked} 条完好）`);
        if (!result.ok) process.exitCode = 2;
      });
    });
}
