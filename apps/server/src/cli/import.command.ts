import path from 'node:path';
import { type LedgerSource, ledgerSources, sourceLabels } from '@xinxue/domain';
import { type Command, Option } from 'commander';
import { cliActor } from '../lib/context.ts';
import { importProgress, importScope, printRejections } from './import-output.ts';
import { withServices } from './run.ts';
import { registerNewOrgsImportCommand } from './new-orgs-import.command.ts';
import { registerOrgsImportCommand } from './orgs-import.command.ts';

export function registerImportCommands(program: Command): void {
  const importCommand = program.command('import').description('导入数据');
  importCommand
    .command('ledger')
    .description('导入公安、计生或民政导出的流动人员名单（.xlsx 或 .csv，UTF-8 或 GBK）')
    .addOption(new Option('--source <source>', `数据来源：${ledgerSources.map((s) => `${s}（${sourceLabels[s]}）`).join('、')}`).choices(ledgerSources).makeOptionMandatory())
    .option('--scope <code>', '导入人员所属范围（行政区划代码），默认全市')
    .option('--json', '只输出一个 JSON 对象')
    .argument('<file>', '文件路径')
    .action(async (file: string, o: { source: LedgerSource; scope?: string; json?: boolean }) => {
      await withServices(async (services) => {
        const progress = importProgress(o.json);
        const scopePrefix = await importScope(services, o.scope);
        const summary = await services.ledgerImport.run({
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
          const { file, source, rows, created, updated, unchanged, linkedWithoutId, queuedForReview, conflicts, rejected } = summary;
          console.log(JSON.stringify({ file, source, rows, created, updated, unchanged, linkedWithoutId, queuedForReview, conflicts, rejected }));
          return;
        }
        console.log(`${summary.file}（${sourceLabels[summary.source]}）：共 ${summary.rows} 行，新建 ${summary.created} 人，更新 ${summary.updated} 人，无变化 ${summary.unchanged} 人`);
        console.log(`无身份证号自动关联 ${summary.linkedWithoutId} 人，疑似重复待审核 ${summary.queuedForReview} 人，来源冲突 ${summary.conflicts} 处，退回 ${summary.rejected.length} 行`);
        printRejections(summary.rejected, '行');
      });
    });
  registerNewOrgsImportCommand(importCommand);
  registerOrgsImportCommand(importCommand);
}

export function registerLedgerCommands(program: Command): void {
  const ledger = program.command('ledger').description('流动人员台帐');
  ledger
    .command('count')
    .description('输出台帐中的人数（不含已合并的重复记录）')
    .action(async () => {
      await withServices(async ({ database }) => {
        const { n } = await database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('merged_into', 'is', null).executeTakeFirstOrThrow();
        console.log(Number(n));
      });
    });
}
