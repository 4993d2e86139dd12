import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../lib/context.ts';
import type { Services } from '../../services.ts';
import { createTestServices, type TestDatabase } from '../../testing/harness.ts';
import { addNewOrg, contextFor, pathOf, refusal, versionOf } from './orgs.fixtures.ts';
import { pathSegment } from './org-rules.ts';

const actor = cliActor();
const city = contextFor('cityOrgDept', '4205');

describe('the party organization tree', () => {
  let services: Services;
  let database: TestDatabase;
  let county: number;
  let township: number;

  beforeAll(async () => {
    ({ services, database } = await createTestServices());
    county = (await services.orgs.create(null, { name: '中共宜昌市夷陵区委员会', kind: 'committee', divisionCode: '420506', approvalPower: true, establishedOn: '2000-01-01' }, actor)).id;
    township = (await services.orgs.create(null, { name: '中共宜昌市夷陵区小溪塔街道工作委员会', kind: 'committee', parentId: county, divisionCode: '420506001', approvalPower: true, establishedOn: '2000-01-01' }, actor)).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const events = async (id: number) => (await services.orgs.get(city, id)).events;

  it('keeps paths as the ancestors’ padded ids and recomputes the whole subtree when it moves, refusing cycles', async () => {
    expect(await pathOf(services, township)).toBe(pathSegment(county) + pathSegment(township));
    const general = (await services.orgs.create(city, { name: '中共冯家湾社区总支部委员会', kind: 'generalBranch', parentId: township, divisionCode: '420506001001', establishedOn: '2010-01-01' })).id;
    const branch = (await services.orgs.create(city, { name: '中共冯家湾社区第一支部委员会', kind: 'branch', parentId: general, divisionCode: '420506001001', establishedOn: '2010-01-01' })).id;
    expect(await pathOf(services, branch)).toBe([county, township, general, branch].map(pathSegment).join(''));
    const other = (await services.orgs.create(city, { name: '中共樟村坪镇委员会', kind: 'committee', parentId: county, divisionCode: '420506101', establishedOn: '2000-01-01' })).id;
    await services.orgs.change(city, general, { version: await versionOf(services, general), parentId: other, effectiveOn: '2026-03-01', reason: '区划调整' });
    expect(await pathOf(services, general)).toBe([county, other, general].map(pathSegment).join(''));
    expect(await pathOf(services, branch)).toBe([county, other, general, branch].map(pathSegment).join(''));
    const moved = (await events(general))[0]!;
    expect(moved).toMatchObject({ kind: 'changed', occurredOn: '2026-03-01' });
    expect(moved.summary).toBe('上级党组织由“中共宜昌市夷陵区小溪塔街道工作委员会”改为“中共樟村坪镇委员会”（区划调整）');
    // A cycle: the county committee under its own grandchild.
    expect(await refusal(services.orgs.change(city, county, { version: await versionOf(services, county), parentId: general }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parentId' });
    // Kinds: nothing under a branch, only branches under a general branch.
    expect(await refusal(services.orgs.create(city, { name: '支部下的支部', kind: 'branch', parentId: branch, divisionCode: '420506001001' }))).toMatchObject({ field: 'parentId', message: '党支部下不能再设党组织' });
    expect(await refusal(services.orgs.change(city, general, { version: await versionOf(services, general), kind: 'branch' }))).toMatchObject({ field: 'kind' });
  });

  it('refuses a stale version with a Chinese conflict message and bumps it on every write', async () => {
    const id = (await services.orgs.create(city, { name: '中共兴安社区委员会', kind: 'committee', parentId: township, divisionCode: '420506001002' })).id;
    const v0 = await versionOf(services, id);
    await services.orgs.change(city, id, { version: v0, name: '中共兴安社区委员会（新）' });
    expect(await versionOf(services, id)).toBe(v0 + 1);
    const stale = await refusal(services.orgs.change(city, id, { version: v0, name: '另一个名称' }));
    expect(stale).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(stale.message).toContain('已被他人修改');
    expect((await services.orgs.get(city, id)).name).toBe('中共兴安社区委员会（新）');
  });

  it('validates the three formations, naming the field', async () => {
    const [a, b, c] = [await addNewOrg(services, '宜昌甲科技有限公司'), await addNewOrg(services, '宜昌乙商贸有限公司'), await addNewOrg(services, '宜昌丙物流有限公司')];
    const base = { kind: 'branch' as const, parentId: township, divisionCode: '420506001001', hostKind: 'enterprise' as const };
    expect(await refusal(services.orgs.create(city, { ...base, name: '单设却两家', formation: 'standalone', coveredNewOrgIds: [a, b] }))).toMatchObject({ field: 'coveredNewOrgIds' });
    expect(await refusal(services.orgs.create(city, { ...base, name: '联合却一家', formation: 'joint', coveredNewOrgIds: [a] }))).toMatchObject({ field: 'coveredNewOrgIds', message: '联合组建须选择至少2个覆盖单位（现为1个）' });
    expect(await refusal(services.orgs.create(city, { ...base, name: '挂靠无单位', formation: 'attached', coveredNewOrgIds: [c] }))).toMatchObject({ field: 'attachedToId', message: '挂靠组建须选择挂靠的党组织' });
    expect(await refusal(services.orgs.create(city, { ...base, name: '挂靠无覆盖', formation: 'attached', attachedToId: township }))).toMatchObject({ field: 'coveredNewOrgIds' });
    expect(await refusal(services.orgs.create(city, { ...base, name: '单设却挂靠', formation: 'standalone', attachedToId: township }))).toMatchObject({ field: 'attachedToId' });

    const joint = await services.orgs.create(city, { ...base, name: '中共小溪塔街道非公企业联合支部委员会', formation: 'joint', coveredNewOrgIds: [a, b], establishedOn: '2026-05-01' });
    expect(joint).toMatchObject({ formation: 'joint', coveredCount: 2 });
    const rows = await database.db.selectFrom('new_org_coverage').selectAll().where('party_org_id', '=', joint.id).orderBy('new_org_id').execute();
    expect(rows.map((r) => [r.new_org_id, r.formation, r.valid_from, r.valid_to])).toEqual([[a, 'joint', '2026-05-01', null], [b, 'joint', '2026-05-01', null]]);
    expect((await events(joint.id))[0]!.summary).toBe('成立，覆盖“宜昌甲科技有限公司”、“宜昌乙商贸有限公司”');

    const attached = await services.orgs.create(city, { ...base, name: '中共宜昌丙物流有限公司支部委员会', formation: 'attached', attachedToId: township, coveredNewOrgIds: [c] });
    const detail = await services.orgs.get(city, attached.id);
    expect(detail).toMatchObject({ formationLabel: '挂靠组建', attachedTo: { id: township, inScope: true }, coverage: [expect.objectContaining({ newOrgId: c, formation: 'attached' })] });
    // Not attached to itself or below itself.
    expect(await refusal(services.orgs.change(city, attached.id, { version: detail.version, attachedToId: attached.id }))).toMatchObject({ field: 'attachedToId' });
    // An organ organization attached elsewhere needs no covered unit.
    expect(await services.orgs.create(city, { name: '中共某协会临时挂靠支部', kind: 'branch', parentId: township, divisionCode: '420506001001', formation: 'attached', attachedToId: township })).toMatchObject({ formation: 'attached' });
  });

  it('lets one active organization cover a unit at a time, saying which; coverage is ended, never deleted', async () => {
    const unit = await addNewOrg(services, '宜昌丁食品有限公司');
    const first = (await services.orgs.create(city, { name: '中共宜昌丁食品有限公司支部委员会', kind: 'branch', parentId: township, divisionCode: '420506001001', hostKind: 'enterprise', coveredNewOrgIds: [unit], establishedOn: '2025-01-01' })).id;
    const clash = await refusal(services.orgs.create(city, { name: '另一个支部', kind: 'branch', parentId: township, divisionCode: '420506001001', hostKind: 'enterprise', coveredNewOrgIds: [unit] }));
    expect(clash).toMatchObject({ code: 'CONFLICT', field: 'coveredNewOrgIds' });
    expect(clash.message).toContain('已由“中共宜昌丁食品有限公司支部委员会”覆盖（单独组建）');
    // Changing the formation re-starts the rows with the new formation; the old ones stay, ended.
    const second = await addNewOrg(services, '宜昌戊包装有限公司');
    await services.orgs.change(city, first, { version: await versionOf(services, first), formation: 'joint', coveredNewOrgIds: [unit, second], effectiveOn: '2026-02-01' });
    const rows = await database.db.selectFrom('new_org_coverage').select(['new_org_id', 'formation', 'valid_from', 'valid_to']).where('party_org_id', '=', first).orderBy('id').execute();
    expect(rows).toEqual([
      { new_org_id: unit, formation: 'standalone', valid_from: '2025-01-01', valid_to: '2026-02-01' },
      { new_org_id: unit, formation: 'joint', valid_from: '2026-02-01', valid_to: null },
      { new_org_id: second, formation: 'joint', valid_from: '2026-02-01', valid_to: null },
    ]);
    const history = await events(first);
    expect(history.map((e) => e.kind)).toEqual(['coverageChanged', 'changed', 'setUp']);
    expect(history[0]!.summary).toBe('新增覆盖“宜昌戊包装有限公司”');
    expect(history[1]!.summary).toBe('组建方式由“单独组建”改为“联合组建”');
    // Released through PUT coverage, the unit can be taken by another organization.
    await services.orgs.setCoverage(city, first, { version: await versionOf(services, first), newOrgIds: [second, await addNewOrg(services, '宜昌己印刷有限公司')] });
    const taker = await services.orgs.create(city, { name: '中共宜昌丁食品有限公司支部委员会（新）', kind: 'branch', parentId: township, divisionCode: '420506001001', hostKind: 'enterprise', coveredNewOrgIds: [unit] });
    expect(taker.coveredCount).toBe(1);
    expect(await database.db.selectFrom('new_org_coverage').select('id').where('new_org_id', '=', unit).execute()).toHaveLength(3);
  });

  it('gives approval power only to a committee not under a township committee (R-APPROVER)', async () => {
    const base = { parentId: township, divisionCode: '420506001001' };
    expect(await refusal(services.orgs.create(city, { ...base, name: '有审批权的支部', kind: 'branch', approvalPower: true }))).toMatchObject({ field: 'approvalPower', message: '党支部没有审批权，只有党委可以审批发展党员' });
    expect(await refusal(services.orgs.create(city, { ...base, name: '有审批权的总支', kind: 'generalBranch', approvalPower: true }))).toMatchObject({ field: 'approvalPower' });
    const under = await refusal(services.orgs.create(city, { ...base, name: '中共冯家湾社区委员会', kind: 'committee', approvalPower: true }));
    expect(under).toMatchObject({ field: 'approvalPower' });
    expect(under.message).toContain('乡镇（街道）党委下属的基层党委没有审批权');
    // A committee directly under the county committee may have it, and keeps it only while that holds.
    const park = await services.orgs.create(city, { name: '中共夷陵经济开发区工作委员会', kind: 'committee', parentId: county, divisionCode: '420506', approvalPower: true });
    expect(park.approvalPower).toBe(true);
    expect(await refusal(services.orgs.change(city, park.id, { version: park.version, parentId: township }))).toMatchObject({ field: 'approvalPower' });
    await services.orgs.change(city, park.id, { version: park.version, parentId: township, approvalPower: false });
    expect((await services.orgs.get(city, park.id)).approvalPowerProblem).toContain('乡镇（街道）党委下属');
  });

  it('places a mobile organization outside the city and records whether it may develop members, who decided and when', async () => {
    const base = { name: '中共夷陵区驻深圳流动党员支部委员会', kind: 'branch' as const, parentId: county, divisionCode: '420506', hostKind: 'mobileOrg' as const, establishedOn: '2024-03-01' };
    expect(await refusal(services.orgs.create(city, base))).toMatchObject({ field: 'locatedDivisionCode' });
    expect(await refusal(services.orgs.create(city, { ...base, locatedDivisionCode: '420502' }))).toMatchObject({ field: 'locatedDivisionCode', message: '驻在地须在本市以外（“西陵区”在本市）' });
    expect(await refusal(services.orgs.create(city, { ...base, locatedDivisionCode: '420506001' }))).toMatchObject({ field: 'locatedDivisionCode' });
    expect(await refusal(services.orgs.create(city, { ...base, locatedDivisionCode: '440300', coveredNewOrgIds: [await addNewOrg(services, '宜昌庚公司')] }))).toMatchObject({ field: 'coveredNewOrgIds' });
    const mobile = await services.orgs.create(city, { ...base, locatedDivisionCode: '440300' });
    expect(mobile).toMatchObject({ hostKindLabel: '市外流动党组织', locatedDivisionName: '深圳市', mayDevelop: null });
    await services.orgs.decideMayDevelop(city, mobile.id, { version: mobile.version, mayDevelop: true, decidedBy: '中共夷陵区委组织部', decidedOn: '2026-06-01' });
    const detail = await services.orgs.get(city, mobile.id);
    expect(detail.mayDevelopDecision).toEqual({ value: true, decidedBy: '中共夷陵区委组织部', decidedOn: '2026-06-01' });
    expect(detail.events[0]).toMatchObject({ kind: 'mayDevelopDecided', occurredOn: '2026-06-01', summary: '中共夷陵区委组织部认定具备发展党员条件' });
    expect(await refusal(services.orgs.decideMayDevelop(city, county, { version: await versionOf(services, county), mayDevelop: true, decidedBy: '某部门', decidedOn: '2026-06-01' }))).toMatchObject({ field: 'mayDevelop' });
    expect(await refusal(services.orgs.decideMayDevelop(city, mobile.id, { version: detail.version, mayDevelop: false, decidedBy: '某部门', decidedOn: '2024-01-01' }))).toMatchObject({ field: 'decidedOn' });
  });

  it('keeps members with their history: one active secretary, probationers hold no post, becoming full is a dated change', async () => {
    const org = (await services.orgs.create(city, { name: '中共兴安社区第二支部委员会', kind: 'branch', parentId: township, divisionCode: '420506001002', establishedOn: '2020-01-01' })).id;
    const add = async (name: string, membership: 'full' | 'probationary', role: 'secretary' | 'member' | 'committeeMember') =>
      services.orgs.addMember(city, org, { version: await versionOf(services, org), name, membership, role, joinedOn: '2024-05-01' });
    await add('王书记', 'full', 'secretary');
    expect(await refusal(add('李书记', 'full', 'secretary'))).toMatchObject({ code: 'CONFLICT', field: 'role', message: '王书记现任书记，一个党组织同时只能有一名书记：请先为其办理离开或改任其他职务' });
    expect(await refusal(add('赵预备', 'probationary', 'committeeMember'))).toMatchObject({ field: 'role' });
    expect(await refusal(services.orgs.addMember(city, org, { version: await versionOf(services, org), name: '早到', membership: 'full', role: 'member', joinedOn: '2019-12-31' }))).toMatchObject({ field: 'joinedOn' });
    const { id: probationer } = await add('赵预备', 'probationary', 'member');
    await add('钱党员', 'full', 'member');
    let detail = await services.orgs.get(city, org);
    expect(detail.members).toMatchObject({ full: 2, probationary: 1, total: 3, secretary: { name: '王书记' } });
    await services.orgs.changeMember(city, org, probationer, { version: detail.version, membership: 'full', effectiveOn: '2025-05-01' });
    const secretary = detail.members.secretary!.id;
    await services.orgs.memberLeaves(city, org, secretary, { version: await versionOf(services, org), leftOn: '2026-01-10', reason: '组织关系转出' });
    detail = await services.orgs.get(city, org);
    expect(detail.members).toMatchObject({ full: 2, probationary: 0, total: 2, secretary: null });
    expect(detail.members.items.find((m) => m.id === secretary)).toMatchObject({ leftOn: '2026-01-10', leftReason: '组织关系转出' });
    expect(detail.events.slice(0, 2).map((e) => e.summary)).toEqual(['王书记离开（组织关系转出）', '赵预备由预备党员转为正式党员（预备期满转为正式党员）']);
    // With the secretary gone, a new one may be appointed.
    expect(await add('李书记', 'full', 'secretary')).toMatchObject({ id: expect.any(Number) });
  });

  it('merges A into B: sub-organizations, members and covered units pass to B; A ends as merged with events on both', async () => {
    const b = (await services.orgs.create(city, { name: '中共小溪塔街道联合党委', kind: 'committee', parentId: township, divisionCode: '420506001', formation: 'joint', coveredNewOrgIds: [await addNewOrg(services, '合并甲公司'), await addNewOrg(services, '合并乙公司')], establishedOn: '2020-01-01' })).id;
    const aUnit = await addNewOrg(services, '合并丙公司');
    const a = (await services.orgs.create(city, { name: '中共小溪塔街道非公企业党总支', kind: 'generalBranch', parentId: township, divisionCode: '420506001', hostKind: 'enterprise', coveredNewOrgIds: [aUnit], establishedOn: '2020-01-01' })).id;
    const child = (await services.orgs.create(city, { name: '中共合并丙公司支部委员会', kind: 'branch', parentId: a, divisionCode: '420506001001', establishedOn: '2020-01-01' })).id;
    await services.orgs.addMember(city, a, { version: await versionOf(services, a), name: '孙党员', membership: 'full', role: 'secretary', joinedOn: '2021-01-01' });
    expect(await refusal(services.orgs.merge(city, a, { version: await versionOf(services, a), intoId: child }))).toMatchObject({ field: 'intoId' });
    await services.orgs.merge(city, a, { version: await versionOf(services, a), intoId: b, effectiveOn: '2026-04-01', reason: '整合非公企业党组织' });
    const merged = await services.orgs.get(city, a);
    expect(merged).toMatchObject({ status: 'merged', statusLabel: '已合并', endedOn: '2026-04-01', mergedInto: { id: b, name: '中共小溪塔街道联合党委' }, coveredCount: 0, members: { total: 0 } });
    expect(merged.events.map((e) => e.kind)).toEqual(['merged', 'coverageChanged', 'changed', 'setUp']);
    expect(merged.events[0]!.summary).toBe('并入“中共小溪塔街道联合党委”（整合非公企业党组织）');
    const into = await services.orgs.get(city, b);
    expect(into.coverage.filter((u) => !u.validTo).map((u) => u.name).sort()).toEqual(['合并丙公司', '合并乙公司', '合并甲公司'].sort());
    expect(into.members.items).toEqual([expect.objectContaining({ name: '孙党员', role: 'member', joinedOn: '2026-04-01' })]);
    expect(into.events.map((e) => e.kind).slice(0, 2)).toEqual(['absorbed', 'coverageChanged']);
    expect(await pathOf(services, child)).toBe((await pathOf(services, b)) + pathSegment(child));
    expect((await services.orgs.get(city, child)).parent?.id).toBe(b);
    // A merged organization takes no further changes.
    expect(await refusal(services.orgs.change(city, a, { version: merged.version, name: '复活' }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('dissolves only without active sub-organizations; coverage and members end, the row and its history stay', async () => {
    const parent = (await services.orgs.create(city, { name: '中共将撤销的党总支', kind: 'generalBranch', parentId: township, divisionCode: '420506001', establishedOn: '2020-01-01' })).id;
    const unit = await addNewOrg(services, '即将注销公司');
    const branch = (await services.orgs.create(city, { name: '中共即将注销公司支部委员会', kind: 'branch', parentId: parent, divisionCode: '420506001001', hostKind: 'enterprise', coveredNewOrgIds: [unit], establishedOn: '2020-01-01' })).id;
    await services.orgs.addMember(city, branch, { version: await versionOf(services, branch), name: '周党员', membership: 'full', role: 'member', joinedOn: '2021-01-01' });
    const blocked = await refusal(services.orgs.dissolve(city, parent, { version: await versionOf(services, parent), reason: '撤销' }));
    expect(blocked).toMatchObject({ code: 'CONFLICT' });
    expect(blocked.message).toContain('还有1个下级党组织（如“中共即将注销公司支部委员会”）');
    expect(await refusal(services.orgs.dissolve(city, branch, { version: await versionOf(services, branch), reason: '' }))).toMatchObject({ field: 'reason' });
    await services.orgs.dissolve(city, branch, { version: await versionOf(services, branch), reason: '企业注销', effectiveOn: '2026-09-30' });
    await services.orgs.dissolve(city, parent, { version: await versionOf(services, parent), reason: '无下级党组织' });
    const gone = await services.orgs.get(city, branch);
    expect(gone).toMatchObject({ status: 'dissolved', endedOn: '2026-09-30', coveredCount: 0, members: { total: 0 } });
    expect(gone.events[0]!.summary).toBe('撤销（企业注销），不再覆盖“即将注销公司”');
    expect(await database.db.selectFrom('new_org_coverage').select('valid_to').where('new_org_id', '=', unit).execute()).toEqual([{ valid_to: '2026-09-30' }]);
    expect((await services.orgs.tree(city, false)).map((n) => n.id)).not.toContain(branch);
    expect((await services.orgs.tree(city, true)).map((n) => n.id)).toContain(branch);
    // The whole history of every organization is still there, and the audit log has every write.
    const eventsCount = await database.db.selectFrom('party_org_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(eventsCount.n)).toBeGreaterThan(20);
    expect((await services.auditLog.list({ limit: 5, action: 'org.dissolve' })).length).toBe(2);
  });

  it('limits a user scoped to an organization to its subtree', async () => {
    const root = (await services.orgs.create(city, { name: '中共子树根党委', kind: 'committee', parentId: township, divisionCode: '420506001' })).id;
    const inside = (await services.orgs.create(city, { name: '中共子树内支部', kind: 'branch', parentId: root, divisionCode: '420506001001' })).id;
    const scoped = contextFor('townshipCommittee', '420506001', await pathOf(services, root));
    const listed = (await services.orgs.list(scoped, { status: 'active' })).items.map((o) => o.id);
    expect(listed.sort()).toEqual([root, inside].sort());
    expect(await refusal(services.orgs.get(scoped, township))).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(await refusal(services.orgs.create(scoped, { name: '无上级', kind: 'branch', divisionCode: '420506001001' }))).toMatchObject({ field: 'parentId' });
    expect(await refusal(services.orgs.create(scoped, { name: '挂到外面', kind: 'branch', parentId: township, divisionCode: '420506001001' }))).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(await services.orgs.create(scoped, { name: '中共子树内第二支部', kind: 'branch', parentId: root, divisionCode: '420506001001' })).toMatchObject({ parentId: root });
  });
});
