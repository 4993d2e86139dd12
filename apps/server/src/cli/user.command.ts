import { createInterface } from 'node:readline/promises';
import { roleLabels, roles, type Role } from '@xinxue/domain';
import type { Command } from 'commander';
import { cliActor } from '../lib/context.ts';
import { withServices } from './run.ts';

async function askHidden(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  process.stdout.write(prompt);
  const rl = createInterface({ input: process.stdin, output: undefined, terminal: true });
  const answer = await rl.question('');
  rl.close();
  process.stdout.write('\n');
  return answer;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('账号管理');
  user
    .command('add')
    .description('新建账号（密码从终端输入，或用 --password-stdin 从标准输入读取）')
    .requiredOption('--username <name>', '登录名（小写字母开头）')
    .requiredOption('--role <role>', `角色：${roles.map((r) => `${r}（${roleLabels[r]}）`).join('、')}`)
    .requiredOption('--scope <code>', '管辖范围：行政区划代码，如 4205（宜昌市）、420506（夷陵区）')
    .option('--name <displayName>', '姓名')
    .option('--phone <phone>', '手机号（加密保存）')
    .option('--password-stdin', '从标准输入读取密码')
    .action(async (o: { username: string; role: string; scope: string; name?: string; phone?: string; passwordStdin?: boolean }) => {
      if (!roles.includes(o.role as Role)) throw new Error(`角色“${o.role}”不存在，可选：${roles.join(', ')}`);
      const password = await askHidden('密码（至少8位，含大写、小写、数字、符号中的三类）：');
      await withServices(async ({ users }) => {
        const created = await users.create({ username: o.username, displayName: o.name ?? o.username, role: o.role as Role, scopeDivision: o.scope, password, phone: o.phone }, cliActor());
        console.log(`已新建账号 ${created.username}（${created.roleLabel}，管辖范围：${created.scopeName}）`);
        if (created.role === 'sysAdmin' || created.role === 'securityAdmin' || created.role === 'auditAdmin') {
          console.log('管理员首次登录时须设置动态口令（TOTP）。');
        }
      });
    });
  user
    .command('list')
    .description('列出全部账号')
    .action(async () => {
      await withServices(async ({ users, database }) => {
        const rows = await database.db.selectFrom('users').select('id').orderBy('id').execute();
        for (const { id } of rows) {
          const u = await users.view(id);
          console.log(`${u.username}\t${u.roleLabel}\t${u.scopeName}${u.locked ? '\t已锁定' : ''}${u.disabled ? '\t已停用' : ''}`);
        }
      });
    });
}
