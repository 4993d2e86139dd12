import { Command } from 'commander';
import { ConfigError } from '../config.ts';
import { registerAuditCommand } from './audit.command.ts';
import { registerAuditLogCommands } from './audit-log.command.ts';
import { registerDemoCommand } from './demo.command.ts';
import { registerImportCommands, registerLedgerCommands } from './import.command.ts';
import { registerMigrateCommand } from './migrate.command.ts';
import { registerUserCommands } from './user.command.ts';

const program = new Command('xinxue')
  .description('新血：流动人员发展党员工作系统 命令行工具\n数据库与密钥由环境变量决定（DATABASE_URL、DATA_DIR、XINXUE_KEY_FILE…），与 npm start 相同。')
  .showHelpAfterError('(运行 npx xinxue --help 查看用法)');

registerMigrateCommand(program);
registerUserCommands(program);
registerAuditLogCommands(program);
registerDemoCommand(program);
registerImportCommands(program);
registerLedgerCommands(program);
registerAuditCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `错误：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
