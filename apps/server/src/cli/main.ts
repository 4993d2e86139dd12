import { Command } from 'commander';
import { ConfigError } from '../config.ts';

const program = new Command('xinxue')
  .description('新血：流动人员发展党员工作系统 命令行工具\n数据库与密钥由环境变量决定（DATABASE_URL、DATA_DIR、XINXUE_KEY_FILE…），与 npm start 相同。')
  .showHelpAfterError('(运行 npx xinxue --help 查看用法)');

type Register = (program: Command) => void;

/**
 * Each top-level command and how to load it. Only the named command's module is loaded: loading
 * all of them (the database, ExcelJS, the services) took about 2 s on one core before `xinxue
 * audit` could start, which needs none of them. Help and unknown names load every command.
 */
const commands: Record<string, () => Promise<Register[]>> = {
  migrate: async () => [(await import('./migrate.command.ts')).registerMigrateCommand],
  user: async () => [(await import('./user.command.ts')).registerUserCommands],
  'audit-log': async () => [(await import('./audit-log.command.ts')).registerAuditLogCommands],
  demo: async () => [(await import('./demo.command.ts')).registerDemoCommand],
  import: async () => [(await import('./import.command.ts')).registerImportCommands],
  ledger: async () => [(await import('./import.command.ts')).registerLedgerCommands],
  audit: async () => [(await import('./audit.command.ts')).registerAuditCommand],
};

try {
  const name = process.argv[2];
  const wanted = name !== undefined && Object.hasOwn(commands, name) ? [commands[name]!] : Object.values(commands);
  for (const load of wanted) for (const register of await load()) register(program);
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `错误：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
