import { isWithinScope, type MicroOrgKind, microOrgKindLabels } from '@xinxue/domain';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertInScope, assertOrgInScope, scopedPeople, scopedTo, withinPrefix } from '../../lib/scope.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';
import { fullNames } from '../mobile-orgs/division-names.ts';
import { checkDate, checkMicroOrgKind, checkText, loadActiveMicroOrg, loadMicroOrg, type MicroOrgRow, requirePeopleInScope, today } from './micro-org-rules.ts';

export interface MicroOrgSummary {
  id: number;
  name: string;
  kind: MicroOrgKind;
  kindLabel: string;
  divisionCode: string;
  divisionName: string;
  guideOrg: { id: number; name: string } | null;
  description: string;
  foundedOn: string;
  dissolvedOn: string | null;
  status: 'active' | 'dissolved';
  backbones: number;
  reach: number;
  activities: number;
  peopleServed: number;
  problemsSolved: number;
  lastActivityOn: string | null;
}

export interface MicroOrgInput {
  name: string;
  kind: string;
  divisionCode: string;
  guideOrgId?: number | null | undefined;
  description?: string | undefined;
  foundedOn: string;
}

export interface MicroOrgFilter {
  within?: string | undefined;
  kind?: MicroOrgKind | undefined;
  status?: 'active' | 'dissolved' | 'all' | undefined;
}

/**
 * Micro-organizations (微组织): small groups of members formed by shared interest, trade or
 * proximity, led by backbone members, reaching migrants. Set up, edited and dissolved with dates;
 * never deleted. Scoped by the division they are in.
 */
export class MicroOrgsService {
  constructor(
    private readonly db: Db,
    private readonly divisions: DivisionsService,
    private readonly auditLog: AuditLogService,
    private readonly cityCode: string,
  ) {}

  async list(ctx: RequestContext, filter: MicroOrgFilter = {}): Promise<MicroOrgSummary[]> {
    let q = scopedTo(this.db.selectFrom('micro_orgs').selectAll('micro_orgs'), 'micro_orgs.division_code', ctx.user.scope);
    if (filter.within) q = withinPrefix(q, 'micro_orgs.division_code', filter.within);
    if (filter.kind) q = q.where('micro_orgs.kind', '=', filter.kind);
    if ((filter.status ?? 'active') === 'active') q = q.where('micro_orgs.dissolved_on', 'is', null);
    if (filter.status === 'dissolved') q = q.where('micro_orgs.dissolved_on', 'is not', null);
    return this.summaries(await q.orderBy('micro_orgs.division_code').orderBy('micro_orgs.id').limit(2000).execute());
  }

  async summaries(rows: MicroOrgRow[]): Promise<MicroOrgSummary[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const backbones = await this.db.selectFrom('micro_org_backbones').select(['micro_org_id', (eb) => eb.fn.countAll<number>().as('n')]).where('micro_org_id', 'in', ids).where('left_on', 'is', null).groupBy('micro_org_id').execute();
    const reach = await this.db.selectFrom('micro_org_reach').select(['micro_org_id', (eb) => eb.fn.countAll<number>().as('n')]).where('micro_org_id', 'in', ids).groupBy('micro_org_id').execute();
    const activities = await this.db
      .selectFrom('micro_org_activities')
      .select(['micro_org_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('people_served').as('served'), (eb) => eb.fn.sum<number>('problems_solved').as('solved'), (eb) => eb.fn.max('held_on').as('last')])
      .where('micro_org_id', 'in', ids)
      .groupBy('micro_org_id')
      .execute();
    const guideIds = rows.flatMap((r) => (r.guide_org_id ? [r.guide_org_id] : []));
    const guides = guideIds.length ? await this.db.selectFrom('party_orgs').select(['id', 'name']).where('id', 'in', guideIds).execute() : [];
    const names = await fullNames(this.divisions, rows.map((r) => r.division_code), 4);
    return rows.map((r) => {
      const a = activities.find((x) => x.micro_org_id === r.id);
      const guide = guides.find((g) => g.id === r.guide_org_id);
      return {
        id: r.id, name: r.name, kind: r.kind as MicroOrgKind, kindLabel: microOrgKindLabels[r.kind as MicroOrgKind] ?? r.kind,
        divisionCode: r.division_code, divisionName: names.get(r.division_code) ?? r.division_code,
        guideOrg: guide ? { id: guide.id, name: guide.name } : null, description: r.description, foundedOn: r.founded_on, dissolvedOn: r.dissolved_on,
        status: r.dissolved_on ? 'dissolved' : 'active',
        backbones: Number(backbones.find((x) => x.micro_org_id === r.id)?.n ?? 0), reach: Number(reach.find((x) => x.micro_org_id === r.id)?.n ?? 0),
        activities: Number(a?.n ?? 0), peopleServed: Number(a?.served ?? 0), problemsSolved: Number(a?.solved ?? 0), lastActivityOn: (a?.last as string | null | undefined) ?? null,
      };
    });
  }

  /** One micro-organization with its backbone members (past ones too) and the migrants it reaches. */
  async detail(ctx: RequestContext, id: number) {
    const row = await loadMicroOrg(this.db, ctx, id);
    const [summary] = await this.summaries([row]);
    const backbones = await this.db.selectFrom('micro_org_backbones').selectAll().where('micro_org_id', '=', id).orderBy(sql`case when left_on is null then 0 else 1 end`).orderBy('joined_on').orderBy('id').execute();
    // Reached people outside the caller's scope (a grid worker's other grids) are counted, not listed.
    const reach = await scopedPeople(this.db.selectFrom('micro_org_reach').innerJoin('people', 'people.id', 'micro_org_reach.person_id'), ctx.user.scope)
      .select(['people.id', 'people.name', 'people.division_code', 'people.direction', 'people.employer', 'micro_org_reach.since'])
      .select((eb) => eb.exists(eb.selectFrom('talent_entries').select('talent_entries.id').whereRef('talent_entries.person_id', '=', 'people.id').where('talent_entries.withdrawn_at', 'is', null)).as('talent'))
      .where('micro_org_reach.micro_org_id', '=', id)
      .orderBy('micro_org_reach.since', 'desc')
      .orderBy('people.id')
      .execute();
    const names = await fullNames(this.divisions, reach.map((r) => r.division_code), 4);
    return {
      ...summary!,
      backboneList: backbones.map((b) => ({ id: b.id, name: b.name, personId: b.person_id, duty: b.duty, joinedOn: b.joined_on, leftOn: b.left_on })),
      reachList: reach.map((r) => ({
        personId: r.id, name: r.name, divisionName: names.get(r.division_code) ?? r.division_code, direction: r.direction, employer: r.employer, since: r.since, talent: Boolean(Number(r.talent)),
      })),
      hiddenReach: summary!.reach - reach.length,
    };
  }

  private async checkInput(ctx: RequestContext, input: MicroOrgInput) {
    const name = checkText(input.name, 'name', '微组织名称', 40);
    const kind = checkMicroOrgKind(input.kind);
    const division = await this.divisions.requireLevel(input.divisionCode, ['county', 'township', 'village'], 'divisionCode');
    if (!isWithinScope(division.code, this.cityCode)) throw appError('VALIDATION_FAILED', `微组织须设在本市，“${division.name}”不在本市`, { field: 'divisionCode' });
    assertInScope(division.code, ctx.user.scope, `“${division.name}”`);
    let guideOrgId: number | null = null;
    if (input.guideOrgId != null) {
      const guide = await this.db.selectFrom('party_orgs').select(['id', 'name', 'status', 'division_code', 'path']).where('id', '=', input.guideOrgId).executeTakeFirst();
      if (!guide) throw appError('ORG_NOT_FOUND', '指导党组织不存在', { field: 'guideOrgId' });
      assertOrgInScope(guide, ctx.user.scope, '指导党组织');
      if (guide.status !== 'active') throw appError('VALIDATION_FAILED', `“${guide.name}”已撤销或合并，不能作为指导党组织`, { field: 'guideOrgId' });
      guideOrgId = guide.id;
    }
    checkDate(input.foundedOn, 'foundedOn', '成立日期');
    const description = checkText(input.description, 'description', '简介', 500, false);
    return { name, kind, division_code: division.code, guide_org_id: guideOrgId, description, founded_on: input.foundedOn };
  }

  async create(ctx: RequestContext, input: MicroOrgInput): Promise<MicroOrgSummary> {
    const values = await this.checkInput(ctx, input);
    const id = await this.db.transaction().execute(async (tx) => {
      const { id: microOrgId } = await tx.insertInto('micro_orgs').values({ ...values, created_by: ctx.user.id, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'microOrg.create', objectType: 'microOrg', objectIds: [microOrgId], detail: { name: values.name, kind: values.kind, divisionCode: values.division_code, guideOrgId: values.guide_org_id, foundedOn: values.founded_on } });
      return microOrgId;
    });
    return (await this.summaries([await loadMicroOrg(this.db, ctx, id)]))[0]!;
  }

  async update(ctx: RequestContext, id: number, patch: Partial<MicroOrgInput>): Promise<MicroOrgSummary> {
    const row = await loadActiveMicroOrg(this.db, ctx, id);
    const values = await this.checkInput(ctx, {
      name: patch.name ?? row.name, kind: patch.kind ?? row.kind, divisionCode: patch.divisionCode ?? row.division_code,
      guideOrgId: patch.guideOrgId === undefined ? row.guide_org_id : patch.guideOrgId, description: patch.description ?? row.description, foundedOn: patch.foundedOn ?? row.founded_on,
    });
    const first = await this.db.selectFrom('micro_org_activities').select((eb) => eb.fn.min('held_on').as('first')).where('micro_org_id', '=', id).executeTakeFirst();
    const firstOn = (first?.first as string | null | undefined) ?? null;
    if (firstOn && values.founded_on > firstOn) throw appError('VALIDATION_FAILED', `成立日期不能晚于已登记的第一次活动（${firstOn}）`, { field: 'foundedOn' });
    const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => row[k as keyof MicroOrgRow] !== v));
    if (Object.keys(changed).length) {
      await this.db.transaction().execute(async (tx) => {
        await tx.updateTable('micro_orgs').set(values).where('id', '=', id).execute();
        await this.auditLog.append(tx, actorOf(ctx), { action: 'microOrg.update', objectType: 'microOrg', objectIds: [id], detail: { changed } });
      });
    }
    return (await this.summaries([await loadMicroOrg(this.db, ctx, id)]))[0]!;
  }

  /** Dissolves on a date: kept with its history, its backbone members leave that day. */
  async dissolve(ctx: RequestContext, id: number, input: { dissolvedOn: string; reason: string }): Promise<MicroOrgSummary> {
    const row = await loadActiveMicroOrg(this.db, ctx, id);
    checkDate(input.dissolvedOn, 'dissolvedOn', '解散日期', { date: row.founded_on, what: '成立日期' });
    const reason = checkText(input.reason, 'reason', '解散原因', 200);
    const last = await this.db.selectFrom('micro_org_activities').select((eb) => eb.fn.max('held_on').as('last')).where('micro_org_id', '=', id).executeTakeFirst();
    const lastOn = (last?.last as string | null | undefined) ?? null;
    if (lastOn && input.dissolvedOn < lastOn) throw appError('VALIDATION_FAILED', `解散日期不能早于最后一次活动（${lastOn}）`, { field: 'dissolvedOn' });
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('micro_orgs').set({ dissolved_on: input.dissolvedOn }).where('id', '=', id).execute();
      await tx.updateTable('micro_org_backbones').set({ left_on: input.dissolvedOn }).where('micro_org_id', '=', id).where('left_on', 'is', null).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'microOrg.dissolve', objectType: 'microOrg', objectIds: [id], detail: { dissolvedOn: input.dissolvedOn, reason } });
    });
    return (await this.summaries([await loadMicroOrg(this.db, ctx, id)]))[0]!;
  }

  /** A backbone member: a name, and the ledger person when they are in it. */
  async addBackbone(ctx: RequestContext, id: number, input: { name?: string | undefined; personId?: number | null | undefined; duty?: string | undefined; joinedOn: string }) {
    const org = await loadActiveMicroOrg(this.db, ctx, id);
    let name = (input.name ?? '').trim();
    if (input.personId != null) {
      const person = (await requirePeopleInScope(this.db, ctx.user.scope, [input.personId], 'personId')).get(input.personId)!;
      name ||= person.name;
      const already = await this.db.selectFrom('micro_org_backbones').select('id').where('micro_org_id', '=', id).where('person_id', '=', input.personId).where('left_on', 'is', null).executeTakeFirst();
      if (already) throw appError('CONFLICT', `${name}已是本微组织的骨干党员`, { field: 'personId' });
    }
    name = checkText(name, 'name', '骨干党员姓名', 20);
    const duty = checkText(input.duty, 'duty', '职责', 40, false);
    checkDate(input.joinedOn, 'joinedOn', '加入日期', { date: org.founded_on, what: '微组织成立日期' });
    const backboneId = await this.db.transaction().execute(async (tx) => {
      const { id: bid } = await tx.insertInto('micro_org_backbones').values({ micro_org_id: id, name, person_id: input.personId ?? null, duty, joined_on: input.joinedOn }).returning('id').executeTakeFirstOrThrow();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'microOrg.backbone.add', objectType: 'microOrg', objectIds: [id], detail: { backboneId: bid, personId: input.personId ?? null, duty, joinedOn: input.joinedOn } });
      return bid;
    });
    return { id: backboneId };
  }

  async backboneLeaves(ctx: RequestContext, id: number, backboneId: number, leftOn: string) {
    await loadActiveMicroOrg(this.db, ctx, id);
    const backbone = await this.db.selectFrom('micro_org_backbones').selectAll().where('id', '=', backboneId).where('micro_org_id', '=', id).executeTakeFirst();
    if (!backbone) throw appError('NOT_FOUND', '骨干党员记录不存在');
    if (backbone.left_on) throw appError('CONFLICT', `${backbone.name}已于${backbone.left_on}退出`);
    checkDate(leftOn, 'leftOn', '退出日期', { date: backbone.joined_on, what: '加入日期' });
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('micro_org_backbones').set({ left_on: leftOn }).where('id', '=', backboneId).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'microOrg.backbone.leave', objectType: 'microOrg', objectIds: [id], detail: { backboneId, leftOn } });
    });
  }

  /** Adds ledger people to those the micro-organization reaches; people already there are kept as they were. */
  async addReach(ctx: RequestContext, id: number, input: { personIds: number[]; since: string }): Promise<{ added: number; already: number }> {
    const org = await loadActiveMicroOrg(this.db, ctx, id);
    if (!input.personIds.length) throw appError('VALIDATION_FAILED', '请选择联系服务的流动人员', { field: 'personIds' });
    checkDate(input.since, 'since', '开始联系日期', { date: org.founded_on, what: '微组织成立日期' });
    const people = await requirePeopleInScope(this.db, ctx.user.scope, input.personIds, 'personIds');
    const existing = new Set((await this.db.selectFrom('micro_org_reach').select('person_id').where('micro_org_id', '=', id).where('person_id', 'in', [...people.keys()]).execute()).map((r) => r.person_id));
    const added = [...people.keys()].filter((p) => !existing.has(p));
    if (added.length) {
      await this.db.transaction().execute(async (tx) => {
        await tx.insertInto('micro_org_reach').values(added.map((person_id) => ({ micro_org_id: id, person_id, since: input.since }))).execute();
        await this.auditLog.append(tx, actorOf(ctx), { action: 'microOrg.reach.add', objectType: 'person', objectIds: added, detail: { microOrgId: id, since: input.since } });
      });
    }
    return { added: added.length, already: existing.size };
  }

  async removeReach(ctx: RequestContext, id: number, personId: number): Promise<void> {
    await loadActiveMicroOrg(this.db, ctx, id);
    await requirePeopleInScope(this.db, ctx.user.scope, [personId], 'personId');
    const row = await this.db.selectFrom('micro_org_reach').select('since').where('micro_org_id', '=', id).where('person_id', '=', personId).executeTakeFirst();
    if (!row) throw appError('NOT_FOUND', '此人不在本微组织联系服务的人员中');
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('micro_org_reach').where('micro_org_id', '=', id).where('person_id', '=', personId).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'microOrg.reach.remove', objectType: 'person', objectIds: [personId], detail: { microOrgId: id, since: row.since, removedOn: today() } });
    });
  }
}
