import { divisionLevelOf, type DivisionLevel, type Formation, formations, type HostKind, hostKinds, type OrgKind, orgKinds } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertInScope, assertOrgInScope } from '../../lib/scope.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DivisionsService, DivisionView } from '../divisions/divisions.service.ts';
import { OrgLifecycle, type MergeInput, type DissolveInput } from './org-lifecycle.ts';
import { OrgMembers, type MemberChange, type MemberInput, type MemberLeave } from './org-members.ts';
import { activeCoverageIds, checkUnits, lockCoverage, replaceCoverage } from './org-coverage.ts';
import { approvalPowerProblem, childPath, coverageCountProblem, type FieldChange, parentKindProblem } from './org-rules.ts';
import { appendEvent, bumpVersion, checkDate, findOrg, loadOrg, notBeforeEstablished, type OrgRow, requireActive } from './org-store.ts';
import { exportOrgs } from './orgs-export.ts';
import { type OrgDetail, type OrgFilter, type OrgView, OrgViews, requireFound } from './org-views.ts';

export type { OrgDetail, OrgFilter, OrgView } from './org-views.ts';

/**
 * What `OrgsService.create` takes. Other modules (the demo's enterprise, social, mobile and micro
 * organizations) call `create(null, input, actor)`: with `ctx = null` no scope applies.
 */
export interface OrgInput {
  /** 党组织名称, 1–80 characters. */
  name: string;
  /** 党委 committee / 党总支 generalBranch / 党支部 branch. */
  kind: OrgKind;
  /** The parent (active; not a 党支部; only 党支部 under a 党总支). Null: a root. A user scoped to an organization must name one inside it. */
  parentId?: number | null | undefined;
  /** Where it belongs in the city (2–12 digit division code, prefecture to village); a mobile organization: its home area. */
  divisionCode: string;
  /** What it is set up in; default `organ`. */
  hostKind?: HostKind | undefined;
  /** 单设 standalone (≤1 covered unit) / 联合 joint (≥2) / 挂靠 attached (attachedToId; ≥1 unit for enterprise and social-org hosts). Default standalone. */
  formation?: Formation | undefined;
  /** Attached only: the active organization it is attached to. */
  attachedToId?: number | null | undefined;
  /** `new_orgs` ids it covers; each may be covered by one active organization only. */
  coveredNewOrgIds?: number[] | undefined;
  /** R-APPROVER: only a 党委, and not one under a township-level 党委. */
  approvalPower?: boolean | undefined;
  /** mobileOrg only, required there: where outside the city it is (a prefecture or county code). */
  locatedDivisionCode?: string | null | undefined;
  /** mobileOrg only: whether it may develop members (R-MIG-MOBILE-ORG-SCOPE), who decided and when. */
  mayDevelop?: { value: boolean; decidedBy: string; decidedOn: string } | null | undefined;
  /** YYYY-MM-DD, not in the future; default today (China). Coverage starts on it. */
  establishedOn?: string | undefined;
}

/** A change to an organization: the fields to change, the version read, the date it takes effect. */
export interface OrgChange {
  version: number;
  effectiveOn?: string | undefined;
  reason?: string | undefined;
  name?: string | undefined;
  kind?: OrgKind | undefined;
  parentId?: number | null | undefined;
  divisionCode?: string | undefined;
  hostKind?: HostKind | undefined;
  formation?: Formation | undefined;
  attachedToId?: number | null | undefined;
  approvalPower?: boolean | undefined;
  locatedDivisionCode?: string | null | undefined;
  establishedOn?: string | undefined;
  /** Replaces the covered units in the same change (needed when the formation changes). */
  coveredNewOrgIds?: number[] | undefined;
}

interface OrgState {
  name: string;
  kind: OrgKind;
  parentId: number | null;
  divisionCode: string;
  hostKind: HostKind;
  formation: Formation;
  attachedToId: number | null;
  approvalPower: boolean;
  locatedDivisionCode: string | null;
  establishedOn: string;
}

const DIVISION_LEVELS: DivisionLevel[] = ['prefecture', 'county', 'township', 'village'];

/**
 * The party organization tree (C6): committees, general branches and branches with their host,
 * formation (standalone, joint, attached) and covered units, approval power (R-APPROVER), mobile
 * organizations' "may develop" decision (R-MIG-MOBILE-ORG-SCOPE), members, and a dated history that
 * is never deleted. Every write checks the version the client read, appends events and an audit
 * entry in one transaction.
 */
export class OrgsService {
  readonly views: OrgViews;
  private readonly members: OrgMembers;
  private readonly lifecycle: OrgLifecycle;
  private cityPrefix: string | null;

  constructor(
    private readonly db: Db,
    private readonly divisions: DivisionsService,
    private readonly auditLog: AuditLogService,
    cityCode?: string,
  ) {
    this.views = new OrgViews(db, divisions);
    this.members = new OrgMembers(db, auditLog);
    this.lifecycle = new OrgLifecycle(db, auditLog);
    this.cityPrefix = cityCode ?? null;
  }

  list(ctx: RequestContext, filter: OrgFilter = {}, page = 1, pageSize = 50) {
    return this.views.list(ctx, filter, page, pageSize);
  }

  tree(ctx: RequestContext, includeEnded = false) {
    return this.views.tree(ctx, includeEnded);
  }

  stats(ctx: RequestContext, filter: OrgFilter = {}) {
    return this.views.stats(ctx, filter);
  }

  /** The list under the filter as an .xlsx (logged). */
  export(ctx: RequestContext, filter: OrgFilter = {}) {
    return exportOrgs(this.db, this.views, this.auditLog, ctx, filter);
  }

  async get(ctx: RequestContext, id: number): Promise<OrgDetail> {
    return this.views.detail(ctx, requireFound(await findOrg(this.db, id)));
  }

  /** The organization in the caller's scope (for other modules that hang records on one). */
  async loadInScope(ctx: RequestContext, id: number): Promise<OrgRow> {
    const row = requireFound(await findOrg(this.db, id));
    assertOrgInScope(row, ctx.user.scope);
    return row;
  }

  async create(ctx: RequestContext | null, input: OrgInput, actor: Actor = actorOf(ctx!)): Promise<OrgView> {
    const next: OrgState = {
      name: input.name,
      kind: input.kind,
      parentId: input.parentId ?? null,
      divisionCode: input.divisionCode,
      hostKind: input.hostKind ?? 'organ',
      formation: input.formation ?? 'standalone',
      attachedToId: input.attachedToId ?? null,
      approvalPower: input.approvalPower ?? false,
      locatedDivisionCode: input.locatedDivisionCode ?? null,
      establishedOn: checkDate(input.establishedOn, 'establishedOn', '成立日期'),
    };
    const covered = [...new Set(input.coveredNewOrgIds ?? [])];
    const checked = await this.validate(ctx, next, null, covered, new Set(Object.keys(next)));
    const decision = input.mayDevelop ? this.checkDecision(next.hostKind, input.mayDevelop) : null;
    const id = await this.db.transaction().execute(async (tx) => {
      if (covered.length) await lockCoverage(tx);
      const units = await checkUnits(tx, covered, ctx?.user.scope ?? null, null);
      const parent = next.parentId ? await loadOrg(tx, next.parentId) : null;
      const { id: orgId } = await tx
        .insertInto('party_orgs')
        .values({
          name: checked.name, kind: next.kind, parent_id: next.parentId, division_code: checked.division.code, created_at: new Date().toISOString(),
          host_kind: next.hostKind, formation: next.formation, attached_to_id: next.formation === 'attached' ? next.attachedToId : null,
          approval_power: next.approvalPower ? 1 : 0, located_division_code: checked.located?.code ?? null, status: 'active', established_on: next.establishedOn,
          may_develop: decision ? (decision.value ? 1 : 0) : null, may_develop_decided_by: decision?.decidedBy ?? null, may_develop_decided_on: decision?.decidedOn ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('party_orgs').set({ path: childPath(parent?.path ?? null, orgId) }).where('id', '=', orgId).execute();
      if (covered.length) await replaceCoverage(tx, { id: orgId, formation: next.formation }, covered, next.establishedOn, actor, false);
      await appendEvent(tx, orgId, 'setUp', next.establishedOn, { covered: units }, actor);
      if (decision) await appendEvent(tx, orgId, 'mayDevelopDecided', decision.decidedOn, { mayDevelop: decision.value, decidedBy: decision.decidedBy }, actor);
      await this.auditLog.append(tx, actor, {
        action: 'org.create', objectType: 'partyOrg', objectIds: [orgId],
        detail: { name: checked.name, kind: next.kind, hostKind: next.hostKind, formation: next.formation, coveredNewOrgIds: covered, parentId: next.parentId },
      });
      return orgId;
    });
    return (await this.views.views([await loadOrg(this.db, id)]))[0]!;
  }

  async change(ctx: RequestContext | null, id: number, input: OrgChange, actor: Actor = actorOf(ctx!)): Promise<OrgView> {
    const row = await loadOrg(this.db, id);
    if (ctx) assertOrgInScope(row, ctx.user.scope);
    requireActive(row, '党组织');
    const current = stateOf(row);
    const next: OrgState = { ...current };
    for (const key of Object.keys(current) as (keyof OrgState)[]) {
      const value = input[key as keyof OrgChange];
      if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = key === 'name' ? String(value).trim() : value;
    }
    if (next.formation !== 'attached' && input.formation !== undefined && input.attachedToId === undefined) next.attachedToId = null;
    if (next.hostKind !== 'mobileOrg' && input.hostKind !== undefined && input.locatedDivisionCode === undefined) next.locatedDivisionCode = null;
    if (input.establishedOn !== undefined) next.establishedOn = checkDate(input.establishedOn, 'establishedOn', '成立日期');
    if (input.divisionCode !== undefined) next.divisionCode = (await this.divisions.requireLevel(input.divisionCode, DIVISION_LEVELS, 'divisionCode')).code;
    if (input.locatedDivisionCode) next.locatedDivisionCode = (await this.divisions.requireLevel(input.locatedDivisionCode, ['prefecture', 'county'], 'locatedDivisionCode')).code;
    const changed = new Set((Object.keys(current) as (keyof OrgState)[]).filter((k) => current[k] !== next[k]));
    const currentIds = await activeCoverageIds(this.db, id);
    const covered = input.coveredNewOrgIds ? [...new Set(input.coveredNewOrgIds)].sort((a, b) => a - b) : currentIds;
    const coverageChanged = covered.join(',') !== currentIds.join(',');
    if (!changed.size && !coverageChanged) return (await this.views.views([row]))[0]!;
    const effectiveOn = checkDate(input.effectiveOn, 'effectiveOn', '生效日期');
    notBeforeEstablished(effectiveOn, row, 'effectiveOn', '生效日期');
    await this.validate(ctx, next, row, covered, changed);
    const reason = input.reason?.trim() || undefined;
    await this.db.transaction().execute(async (tx) => {
      await bumpVersion(tx, id, input.version);
      const reform = changed.has('formation');
      if (coverageChanged || reform) {
        await lockCoverage(tx);
        await checkUnits(tx, covered.filter((c) => !currentIds.includes(c)), ctx?.user.scope ?? null, id);
      }
      if (changed.has('parentId')) {
        const parent = next.parentId ? await loadOrg(tx, next.parentId) : null;
        await this.lifecycle.moveUnder(tx, row, parent);
      }
      await tx
        .updateTable('party_orgs')
        .set({
          name: next.name, kind: next.kind, parent_id: next.parentId, division_code: next.divisionCode, host_kind: next.hostKind, formation: next.formation,
          attached_to_id: next.attachedToId, approval_power: next.approvalPower ? 1 : 0, located_division_code: next.locatedDivisionCode, established_on: next.establishedOn,
          ...(next.hostKind !== 'mobileOrg' ? { may_develop: null, may_develop_decided_by: null, may_develop_decided_on: null } : {}),
        })
        .where('id', '=', id)
        .execute();
      if (changed.size) {
        const changes: Record<string, FieldChange> = {};
        for (const key of changed) changes[key] = { from: current[key], to: next[key] };
        await appendEvent(tx, id, 'changed', effectiveOn, { changes, ...(reason ? { reason } : {}) }, actor);
      }
      if (coverageChanged || reform) {
        const { added, removed } = await replaceCoverage(tx, { id, formation: next.formation }, covered, effectiveOn, actor, reform);
        if (added.length || removed.length) await appendEvent(tx, id, 'coverageChanged', effectiveOn, { added, removed, ...(reason ? { reason } : {}) }, actor);
      }
      await this.auditLog.append(tx, actor, { action: 'org.change', objectType: 'partyOrg', objectIds: [id], detail: { fields: [...changed], coveredNewOrgIds: coverageChanged ? covered : undefined, effectiveOn } });
    });
    return (await this.views.views([await loadOrg(this.db, id)]))[0]!;
  }

  /** Replaces the covered units (event `coverageChanged`). */
  async setCoverage(ctx: RequestContext | null, id: number, input: { version: number; newOrgIds: number[]; effectiveOn?: string | undefined; reason?: string | undefined }, actor: Actor = actorOf(ctx!)) {
    return this.change(ctx, id, { version: input.version, coveredNewOrgIds: input.newOrgIds, effectiveOn: input.effectiveOn, reason: input.reason }, actor);
  }

  /** R-MIG-MOBILE-ORG-SCOPE: records whether a mobile organization may develop members, who decided and when. */
  async decideMayDevelop(ctx: RequestContext | null, id: number, input: { version: number; mayDevelop: boolean; decidedBy: string; decidedOn: string; reason?: string | undefined }, actor: Actor = actorOf(ctx!)) {
    const row = await loadOrg(this.db, id);
    if (ctx) assertOrgInScope(row, ctx.user.scope);
    requireActive(row, '党组织');
    const decision = this.checkDecision(row.host_kind as HostKind, { value: input.mayDevelop, decidedBy: input.decidedBy, decidedOn: input.decidedOn });
    notBeforeEstablished(decision.decidedOn, row, 'decidedOn', '认定日期');
    const reason = input.reason?.trim() || undefined;
    await this.db.transaction().execute(async (tx) => {
      await bumpVersion(tx, id, input.version);
      await tx.updateTable('party_orgs').set({ may_develop: decision.value ? 1 : 0, may_develop_decided_by: decision.decidedBy, may_develop_decided_on: decision.decidedOn }).where('id', '=', id).execute();
      await appendEvent(tx, id, 'mayDevelopDecided', decision.decidedOn, { mayDevelop: decision.value, decidedBy: decision.decidedBy, ...(reason ? { reason } : {}) }, actor);
      await this.auditLog.append(tx, actor, { action: 'org.mayDevelop', objectType: 'partyOrg', objectIds: [id], detail: { mayDevelop: decision.value, decidedOn: decision.decidedOn } });
    });
    return (await this.views.views([await loadOrg(this.db, id)]))[0]!;
  }

  merge(ctx: RequestContext | null, id: number, input: MergeInput, actor: Actor = actorOf(ctx!)) {
    return this.lifecycle.merge(ctx, id, input, actor);
  }

  dissolve(ctx: RequestContext | null, id: number, input: DissolveInput, actor: Actor = actorOf(ctx!)) {
    return this.lifecycle.dissolve(ctx, id, input, actor);
  }

  addMember(ctx: RequestContext | null, orgId: number, input: MemberInput, actor: Actor = actorOf(ctx!)) {
    return this.members.add(ctx, orgId, input, actor);
  }

  memberLeaves(ctx: RequestContext | null, orgId: number, memberId: number, input: MemberLeave, actor: Actor = actorOf(ctx!)) {
    return this.members.leave(ctx, orgId, memberId, input, actor);
  }

  changeMember(ctx: RequestContext | null, orgId: number, memberId: number, input: MemberChange, actor: Actor = actorOf(ctx!)) {
    return this.members.change(ctx, orgId, memberId, input, actor);
  }

  private checkDecision(hostKind: HostKind, d: { value: boolean; decidedBy: string; decidedOn: string }) {
    if (hostKind !== 'mobileOrg') throw appError('VALIDATION_FAILED', '只有市外流动党组织需要认定是否具备发展党员条件', { field: 'mayDevelop' });
    const decidedBy = d.decidedBy.trim();
    if (!decidedBy || Array.from(decidedBy).length > 50) throw appError('VALIDATION_FAILED', '请填写作出认定的党组织或部门（不超过50个字）', { field: 'decidedBy' });
    return { value: d.value, decidedBy, decidedOn: checkDate(d.decidedOn, 'decidedOn', '认定日期') };
  }

  /** The city whose organizations these are: mobile organizations must lie outside it. */
  private async city(): Promise<string> {
    if (this.cityPrefix) return this.cityPrefix;
    // The city is the one prefecture whose townships are loaded (see the divisions extract).
    const township = await this.db.selectFrom('divisions').select('code').where('level', '=', 'township').limit(1).executeTakeFirst();
    this.cityPrefix = township ? township.code.slice(0, 4) : '4205';
    return this.cityPrefix;
  }

  /**
   * Checks the state an organization is about to have. `self` is the organization being changed
   * (null while creating); `changed` names the fields that differ, so a rule about a field the
   * caller did not touch (a parent outside their scope, say) does not stop an unrelated change.
   */
  private async validate(ctx: RequestContext | null, next: OrgState, self: OrgRow | null, covered: number[], changed: Set<string>): Promise<{ name: string; division: DivisionView; located: DivisionView | null }> {
    const scope = ctx?.user.scope ?? null;
    const name = next.name.trim();
    if (!name || Array.from(name).length > 80) throw appError('VALIDATION_FAILED', '党组织名称须为1至80个字', { field: 'name' });
    if (!orgKinds.includes(next.kind)) throw appError('VALIDATION_FAILED', `党组织类别“${next.kind}”不存在`, { field: 'kind' });
    if (!hostKinds.includes(next.hostKind)) throw appError('VALIDATION_FAILED', `组织类型“${next.hostKind}”不存在`, { field: 'hostKind' });
    if (!formations.includes(next.formation)) throw appError('VALIDATION_FAILED', `组建方式“${next.formation}”不存在`, { field: 'formation' });
    const division = await this.divisions.requireLevel(next.divisionCode, DIVISION_LEVELS, 'divisionCode');
    if (scope && changed.has('divisionCode')) assertInScope(division.code, scope, `“${division.name}”`);

    const parent = next.parentId !== null ? await loadOrg(this.db, next.parentId, '上级党组织不存在', 'parentId') : null;
    if (changed.has('parentId') || changed.has('kind')) {
      if (parent) {
        if (changed.has('parentId')) {
          requireActive(parent, '上级党组织', 'parentId');
          if (scope) assertOrgInScope(parent, scope, '上级党组织');
          if (self && parent.path.startsWith(self.path)) throw appError('VALIDATION_FAILED', '不能把党组织移到它自己或它的下级党组织之下', { field: 'parentId' });
        }
        const problem = parentKindProblem(parent.kind, next.kind);
        if (problem) throw appError('VALIDATION_FAILED', problem, { field: changed.has('parentId') ? 'parentId' : 'kind' });
      } else if (scope?.orgPath && !(self && self.path === scope.orgPath)) {
        throw appError('VALIDATION_FAILED', '您的管辖范围是一个党组织及其下级，请选择上级党组织', { field: 'parentId' });
      }
    }
    if (self && changed.has('kind') && next.kind !== 'committee') {
      const children = await this.db.selectFrom('party_orgs').select(['name', 'kind']).where('parent_id', '=', self.id).where('status', '=', 'active').execute();
      const blocking = children.find((c) => next.kind === 'branch' || c.kind !== 'branch');
      if (blocking) throw appError('VALIDATION_FAILED', `下级有“${blocking.name}”，${next.kind === 'branch' ? '党支部下不能再设党组织' : '党总支下只能设党支部'}`, { field: 'kind' });
    }

    if (next.approvalPower) {
      const level = parent ? ((await this.divisions.find(parent.division_code))?.level ?? divisionLevelOf(parent.division_code)) : null;
      const problem = approvalPowerProblem(next.kind, parent && level ? { kind: parent.kind, divisionLevel: level } : null);
      if (problem) throw appError('VALIDATION_FAILED', problem, { field: 'approvalPower' });
    }

    let located: DivisionView | null = null;
    if (next.hostKind === 'mobileOrg') {
      if (!next.locatedDivisionCode) throw appError('VALIDATION_FAILED', '市外流动党组织须填写驻在地（本市以外的地级或县级区划）', { field: 'locatedDivisionCode' });
      located = await this.divisions.requireLevel(next.locatedDivisionCode, ['prefecture', 'county'], 'locatedDivisionCode');
      if (located.code.startsWith(await this.city())) throw appError('VALIDATION_FAILED', `驻在地须在本市以外（“${located.name}”在本市）`, { field: 'locatedDivisionCode' });
    } else if (next.locatedDivisionCode) {
      throw appError('VALIDATION_FAILED', '只有市外流动党组织填写驻在地', { field: 'locatedDivisionCode' });
    }

    if (next.formation === 'attached') {
      if (!next.attachedToId) throw appError('VALIDATION_FAILED', '挂靠组建须选择挂靠的党组织', { field: 'attachedToId' });
      const host = await loadOrg(this.db, next.attachedToId, '挂靠的党组织不存在', 'attachedToId');
      if (changed.has('attachedToId') || changed.has('formation')) {
        requireActive(host, '挂靠的党组织', 'attachedToId');
        if (scope) assertOrgInScope(host, scope, '挂靠的党组织');
      }
      if (self && host.path.startsWith(self.path)) throw appError('VALIDATION_FAILED', '不能挂靠在本组织或其下级党组织', { field: 'attachedToId' });
    } else if (next.attachedToId) {
      throw appError('VALIDATION_FAILED', '只有挂靠组建的党组织才填写挂靠单位', { field: 'attachedToId' });
    }

    const countProblem = coverageCountProblem(next.formation, next.hostKind, covered.length);
    if (countProblem) throw appError('VALIDATION_FAILED', countProblem, { field: 'coveredNewOrgIds' });
    return { name, division, located };
  }
}

function stateOf(row: OrgRow): OrgState {
  return {
    name: row.name, kind: row.kind as OrgKind, parentId: row.parent_id, divisionCode: row.division_code, hostKind: row.host_kind as HostKind,
    formation: row.formation as Formation, attachedToId: row.attached_to_id, approvalPower: row.approval_power === 1,
    locatedDivisionCode: row.located_division_code, establishedOn: row.established_on ?? row.created_at.slice(0, 10),
  };
}
