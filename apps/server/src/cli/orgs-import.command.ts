import path from 'node:path';
import type { Command } from 'commander';
import { cliActor, type RequestContext } from '../lib/context.ts';
import { importProgress, importScope, printRejections } from './import-output.ts';
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
        const progress = importProgress(o.json);
        const scopePrefix = await importScope(services, o.scope);
        const actor = cliActor();
        // The service checks scope through a request context; the command line's carries only its scope.
        const ctx: RequestContext = { user: { id: 0, username: actor.name, displayName: '命令行', role: 'cityOrgDept', scope: { divisionPrefix: scopePrefix, orgId: null, orgPath: null } }, ip: actor.ip };
        const summary = await services.orgImport.run({
          filePath: path.resolve(file),
          fileName: path.basename(file),
          ctx,
          actor,
          userId: null,
          onProgress: progress.onProgress,
        });
        progress.stop();
        if (o.json) {
          const { file: name, rows, created, updated, unchanged, rejected } = summary;
          console.log(JSON.stringify({ file: name, rows, created, updated, unchanged, rejected }));
          return;
        }
        console.log(`${summary.file}：共 ${summary.rows} 行，新建 ${summary.created} 个党组织，更新 ${summary.updated} 个，无变化 ${summary.unchanged} 个，退回 ${new Set(summary.rejected.map((r) => r.row)).size} 行`);
        printRejections(summary.rejected, '处');
      });
    });
}
