import { roleLabels } from '@xinxue/domain';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { DEMO_PASSWORD, demoAccounts, loadDemo } from '../demo/demo.ts';
import { loadDemoPeople } from '../demo/demo-people.ts';
import { loadDemoMobileAndMicro } from '../demo/demo-mobile-micro.ts';
import { loadDemoNewOrgs } from '../demo/demo-new-orgs.ts';
import { loadDemoDossiers } from '../demo/demo-dossiers.ts';
import { withServices } from './run.ts';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('载入宜昌市演示数据：空数据库先载入区划、网格、党组织框架和每个角色一个演示账号，再加入 --people 个流动人员')
    .option('--people <n>', '加入的流动人员人数，如 3000', (v) => {
      if (!/^\d+$/.test(v) || Number(v) > 2_000_000) throw new Error('--people 须为 0 至 2000000 的整数');
      return Number(v);
    })
    .option('--seed <n>', '随机种子（同一种子生成同样的人）', (v) => Number(v), 2026)
    .action(async (o: { people?: number; seed: number }) => {
      await withServices(async (services) => {
        const empty = (await services.users.repo.count()) === 0;
        if (!empty && o.people === undefined) throw new Error('数据库中已有账号：演示数据只能载入空数据库（可设置 DATA_DIR 指向新目录），或用 --people N 只加入流动人员');
        const bar = process.stderr.isTTY ? new SingleBar({ format: '载入演示数据 [{bar}] {percentage}%', stream: process.stderr }) : undefined;
        if (empty) {
          bar?.start(100, 0);
          const summary = await loadDemo(services, (done, total) => bar?.update(Math.round((done / total) * 100)));
          bar?.stop();
          console.log(`已载入演示数据：${summary.orgs} 个党组织，${summary.grids} 个网格，${summary.accounts} 个账号。`);
          bar?.start(100, 0);
          const registry = await loadDemoNewOrgs(services, { seed: o.seed, onProgress: (done, total) => bar?.update(Math.round((done / total) * 100)) });
          bar?.stop();
          console.log(`两新组织名录：非公企业 ${registry.registered.enterprise} 家（已建党组织 ${registry.covered.enterprise} 家）、社会组织 ${registry.registered.socialOrg} 个（已建 ${registry.covered.socialOrg} 个），空白点 ${registry.blankSpots} 个；覆盖它们的党组织单独组建 ${registry.orgs.standalone} 个、联合组建 ${registry.orgs.joint} 个、挂靠组建 ${registry.orgs.attached} 个。`);
        }
        const people = o.people ?? 0;
        if (people > 0) {
          bar?.start(people, 0);
          await loadDemoPeople(services, people, o.seed, (done) => bar?.update(done));
          bar?.stop();
          const { n } = await services.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('merged_into', 'is', null).executeTakeFirstOrThrow();
          console.log(`已加入 ${people} 名流动人员（种子 ${o.seed}），台帐现有 ${Number(n)} 人。`);
        }
        if (empty) {
          // After the people: the comparison sets the mobile organizations against where they work.
          const mm = await loadDemoMobileAndMicro(services, o.seed);
          console.log(`市外流动党组织 ${mm.mobileOrgs} 个（党员 ${mm.members} 名）；微组织 ${mm.microOrgs} 个，近一年活动 ${mm.activities} 次，活动中发现优秀分子 ${mm.talentFlagged} 人。`);
          if (mm.gaps.length) console.log(`外出人员多而流动党组织未覆盖的务工地：${mm.gaps.map((g) => `${g.name} ${g.people} 人（${g.coverage}）`).join('、')}`);
          const dd = await loadDemoDossiers(services);
          console.log(`发展党员档案 ${dd.dossiers} 份（各阶段：${Object.entries(dd.byStage).map(([k, v]) => `第${k}阶段 ${v} 份`).join('、')}），其中写明理由放行的警示 ${dd.justified} 项、被规则拒绝的办理 ${dd.refused} 次。`);
        }
        if (!empty) return;
        console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}，仅用于演示，切勿用于正式环境）：`);
        for (const a of demoAccounts) console.log(`  ${a.username.padEnd(14)} ${roleLabels[a.role]}`);
        console.log('\n三个管理员账号首次登录时须设置动态口令（TOTP）。');
      });
    });
}
