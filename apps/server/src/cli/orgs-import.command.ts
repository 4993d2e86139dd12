import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { cliActor, type RequestContext } from '../lib/context.ts';
import { withServices } from './run.ts';

/** `xinxue import orgs`: the organization tree from the old system's export (.xlsx/.csv). */
export function registerOrgsImportCommand(importCommand: Command): void {
  importCommand
    .command('orgs')
    .description('导入党组织（原系统导出的党组织名单，.xlsx 或 .csv，UTF-8 或 GBK）：每行按新建党组织的规则校验，各行顺序不限')
    .option('--scope <code>', '导入范围（行政区划代码），默认全市；范围以外的行被退回')
    .option('--json', '只输出一个 JSON 对象')
    .argument('<file>', '文件路径')
    .action(async (file: string, o: { scope?: string; json?: boolean }) => {
      await withServices(async (services) => {
        const bar = !o.json && process.stderr.isTTY ? new SingleBar({ format: '导入 [{bar}] {percentage}% | {rows} 行 | {speed} 行/秒', stream: process.stderr }) : undefined;
        bar?.start(100, 0, { rows: 0, speed: 0 });
        const scopePrefix = o.scope ? (await services.users.resolveScope(o.scope)).prefix : services.config.cityCode;
        const actor = cliActor();
        // The service checks scope through a request context; the command line's carries only its scope.
        const ctx: RequestContext = { user: { id: 0, username: actor.name, displayName: '命令行', role: 'cityOrgDept', scope: { divisionPrefix: scopePrefix, orgId: null, orgPath: null } }, ip: actor.ip };
        const summary = await services.orgImport.run({
          filePath: path.resolve(file),
          fileName: path.basename(file),
          ctx,
          actor,
          userId: null,
          onProgress: (p) => bar?.update(p.percent, { rows: p.rows, speed: p.rowsPerSecond }),
        });
        bar?.stop();
        if (o.json) {
          const { file: name, rows, created, updated, unchanged, rejected } = summary;
          console.log(JSON.stringify({ file: name, rows, created, updated, unchanged, rejected }));
          return;
        }
        console.log(`${summary.file}：共 ${summary.rows} 行，新建 ${summary.created} 个党组织，更新 ${summary.updated} 个，无变化 ${summary.unchanged} 个，退回 ${new Set(summary.rejected.map((r) => r.row)).size} 行`);
        for (const r of summary.rejected.slice(0, 50)) console.log(`  第 ${r.row} 行「${r.column}」：${r.message}`);
        if (summary.rejected.length > 50) console.log(`  ……另有 ${summary.rejected.length - 50} 处，加 --json 查看全部`);
      });
    });
}
