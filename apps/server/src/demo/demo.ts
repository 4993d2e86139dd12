import type { Role } from '@xinxue/domain';
import { cliActor } from '../lib/context.ts';
import { withinPrefix } from '../lib/scope.ts';
import type { Services } from '../services.ts';

/**
 * A deterministic demo of Yichang: grids under every village and community, an organization
 * skeleton (city, county, township committees; village and community organizations) and one
 * account per role. Later issues add people and dossiers. Demo-only password, printed on load.
 */
export const DEMO_PASSWORD = 'Xinxue@2026';

export const demoAccounts: { username: string; displayName: string; role: Role; scope: string }[] = [
  { username: 'city_org', displayName: '张明', role: 'cityOrgDept', scope: '4205' },
  { username: 'yiling_org', displayName: '李华', role: 'countyOrgDept', scope: '420506' },
  { username: 'xiaoxita', displayName: '王芳', role: 'townshipCommittee', scope: '420506001' },
  { username: 'branch_org', displayName: '刘强', role: 'branchOrganizer', scope: '420506001001' },
  { username: 'grid_worker', displayName: '陈静', role: 'gridWorker', scope: '420506001001' },
  { username: 'service_staff', displayName: '杨洋', role: 'serviceCenterStaff', scope: '4205' },
  { username: 'inspector', displayName: '赵敏', role: 'inspector', scope: '4205' },
  { username: 'sys_admin', displayName: '周涛', role: 'sysAdmin', scope: '4205' },
  { username: 'sec_admin', displayName: '吴刚', role: 'securityAdmin', scope: '4205' },
  { username: 'audit_admin', displayName: '郑丽', role: 'auditAdmin', scope: '4205' },
];

const GRID_ORDINALS = ['第一网格', '第二网格', '第三网格', '第四网格'];

/** A small deterministic hash so the demo is the same on every machine. */
function stableNumber(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

function orgNameFor(name: string, level: string): { name: string; kind: 'committee' | 'generalBranch' | 'branch' } {
  const base = name.replace(/(居民委员会|村民委员会|委员会)$/, '');
  if (level === 'county' || level === 'prefecture') return { name: `中共${name}委员会`, kind: 'committee' };
  if (level === 'township') return name.endsWith('街道') ? { name: `中共${name}工作委员会`, kind: 'committee' } : { name: `中共${name}委员会`, kind: 'committee' };
  if (base.endsWith('社区')) return { name: `中共${base}委员会`, kind: stableNumber(base) % 3 === 0 ? 'generalBranch' : 'committee' };
  return { name: `中共${base}支部委员会`, kind: 'branch' };
}

export interface DemoSummary {
  accounts: number;
  grids: number;
  orgs: number;
}

export async function loadDemo(services: Services, onProgress?: (done: number, total: number) => void): Promise<DemoSummary> {
  const { db } = services.database;
  if ((await services.users.repo.count()) > 0) throw new Error('数据库中已有账号：演示数据只能载入空数据库（可设置 DATA_DIR 指向新目录）');
  const city = services.config.cityCode;
  const divisions = await withinPrefix(db.selectFrom('divisions').select(['code', 'name', 'level', 'parent_code']), 'code', city).orderBy('code').execute();
  const actor = cliActor();
  const userIds = new Map<string, number>();
  for (const account of demoAccounts) {
    const user = await services.users.create({ ...account, scopeDivision: account.scope, password: DEMO_PASSWORD, phone: `139${String(7170000 + userIds.size * 1111).padStart(8, '0')}` }, actor);
    userIds.set(account.username, user.id);
  }
  let orgs = 0;
  let grids = 0;
  const now = new Date().toISOString();
  // One transaction and one audit entry: the demo is a bulk seed, not a user's edits.
  await db.transaction().execute(async (tx) => {
    const orgIdByCode = new Map<string, number>();
    const pathById = new Map<number, string>();
    let done = 0;
    for (const d of divisions) {
      const { name, kind } = orgNameFor(d.name, d.level);
      const parentId = d.parent_code ? orgIdByCode.get(d.parent_code) ?? null : null;
      if (d.name === '市辖区') continue;
      // Committees of the city, counties and townships approve new members (R-APPROVER); the village
      // and community ones under a township committee may not.
      const approvalPower = d.level === 'village' ? 0 : 1;
      const hostKind = d.level !== 'village' ? 'organ' : Number(d.code.slice(9)) < 200 ? 'community' : 'village';
      const establishedOn = `${1980 + (stableNumber(d.code) % 40)}-07-01`;
      const { id } = await tx
        .insertInto('party_orgs')
        .values({ name, kind, parent_id: parentId, division_code: d.code, created_at: now, host_kind: hostKind, approval_power: approvalPower, established_on: establishedOn })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The subtree key (see modules/orgs): the parent's path and this id, padded to 10 digits.
      const path = (parentId ? pathById.get(parentId)! : '') + String(id).padStart(10, '0');
      pathById.set(id, path);
      await tx.updateTable('party_orgs').set({ path }).where('id', '=', id).execute();
      await tx.insertInto('party_org_events').values({ org_id: id, kind: 'setUp', occurred_on: establishedOn, detail: '{}', recorded_by: null, recorded_at: now }).execute();
      orgIdByCode.set(d.code, id);
      orgs += 1;
      if (d.level === 'village') {
        const isCommunity = Number(d.code.slice(9)) < 200;
        const count = isCommunity ? 2 + (stableNumber(d.code) % 3) : 1 + (stableNumber(d.code) % 2);
        const rows = GRID_ORDINALS.slice(0, count).map((gridName) => ({ name: gridName, division_code: d.code, created_at: now, created_by: null }));
        await tx.insertInto('grids').values(rows).execute();
        grids += rows.length;
      }
      done += 1;
      if (done % 100 === 0) onProgress?.(done, divisions.length);
    }
    await services.auditLog.append(tx, actor, { action: 'demo.load', detail: { orgs, grids, accounts: demoAccounts.length } });
  });
  onProgress?.(divisions.length, divisions.length);
  const workerGrid = await db.selectFrom('grids').select('id').where('division_code', '=', '420506001001').orderBy('id').executeTakeFirst();
  if (workerGrid) await services.grids.assignWorker(null, workerGrid.id, userIds.get('grid_worker')!, actor);
  return { accounts: demoAccounts.length, grids, orgs };
}
