import path from 'node:path';
import { type Command, Option } from 'commander';
import { cliActor } from '../lib/context.ts';
import { type NewOrgImportSource, newOrgImportSourceLabels, newOrgImportSources } from '../modules/new-orgs/new-org-row.ts';
import { importProgress, importScope, printRejections } from './import-output.ts';
import { withServices } from './run.ts';

/** `xinxue import new-orgs`: the market-regulation and civil-affairs registers into the registry of new organizations. */
export function registerNewOrgsImportCommand(importCommand: Command): void {
  importCommand
    .command('new-orgs')
    .description('导入市场监管部门的企业名录或民政部门的社会组织名录（.xlsx 或 .csv，UTF-8 或 GBK）到两新组织名录')
    .addOption(new Option('--source <source>', `数据来源：${newOrgImportSources.map((s) => `${s}（${newOrgImportSourceLabels[s]}）`).join('、')}`).choices(newOrgImportSources).makeOptionMandatory())
    .option('--scope <code>', '导入单位所属范围（行政区划代码），默认全市')
    .option('--json', '只输出一个 JSON 对象')
    .argument('<file>', '文件路径')
    .action(async (file: string, o: { source: NewOrgImportSource; scope?: string; json?: boolean }) => {
      await withServices(async (services) => {
        const progress = importProgress(o.json);
        const scopePrefix = await importScope(services, o.scope);
        const summary = await services.newOrgsImport.run({
          source: o.source,
          filePath: path.resolve(file),
          fileName: path.basename(file),
          actor: cliActor(),
          userId: null,
          scopePrefix,
          onProgress: progress.onProgress,
        });
        progress.stop();
        if (o.json) {
          const { file: name, source, rows, created, updated, unchanged, rejected } = summary;
          console.log(JSON.stringify({ file: name, source, rows, created, updated, unchanged, rejected }));
          return;
        }
        console.log(`${summary.file}（${newOrgImportSourceLabels[summary.source]}）：共 ${summary.rows} 行，新增 ${summary.created} 个单位，更新 ${summary.updated} 个，无变化 ${summary.unchanged} 个，退回 ${new Set(summary.rejected.map((r) => r.row)).size} 行`);
        printRejections(summary.rejected, '处');
      });
    });
}
