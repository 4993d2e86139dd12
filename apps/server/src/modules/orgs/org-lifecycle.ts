import type { Formation, HostKind, OrgKind } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertOrgInScope } from '../../lib/scope.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import { activeCoverageIds, endCoverage, lockCoverage, replaceCoverage } from './org-coverage.ts';
import { childPath, coverageCountProblem, parentKindProblem } from './org-rules.ts';
import { appendEvent, bumpVersion, checkDate, loadOrg, movePaths, notBeforeEstablished, type OrgRow, requireActive, touchVersion } from './org-store.ts';

export interface MergeInput {
  /** The version of the organization merged away, as the client read it. */
  version: number;
  /** The organization it is merged into. */
  intoId: number;
  /** The receiving organization's version, when the client read it too. */
  intoVersion?: number | undefined;
  effectiveOn?: string | undefined;
  reason?: string | undefined;
}

export interface DissolveInput {
  version: number;
  effectiveOn?: string | undefined;
  reason: string;
}

/**
 * Where an organization's life changes shape: moving it (and its subtree) under another parent,
 * merging it into another, dissolving it. Nothing is deleted: the organization keeps its row with
 * status, end date and events, its members' rows get a leaving date, its coverage a `valid_to`.
 */
export class OrgLifecycle {
  constructor(
    private readonly db: Db,
    private readonly auditLog: AuditLogService,
  ) {}

  /** Re-homes the organization's subtree under `parent` (paths only; the caller sets parent_id). */
  async moveUnder(tx: Db, org: { id: number }, parent: { path: string } | null): Promise<void> {
    // Read the path inside the transaction: moving an ancestor changes it without touching this row's version.
    const { path } = await tx.selectFrom('party_orgs').select('path').where('id', '=', org.id).executeTakeFirstOrThrow();
    await movePaths(tx, path, childPath(parent?.path ?? null, org.id));
  }

  /**
   * Merges A into B: A's active sub-organizations move under B, organizations attached to A are
   * attached to B, A's members and covered units pass to B, and A ends as `merged`.
   */
  async merge(ctx: RequestContext | null, id: number, input: MergeInput, actor: Actor): Promise<void> {
    const a = await loadOrg(this.db, id);
    if (ctx) assertOrgInScope(a, ctx.user.scope);
    requireActive(a, '党组织');
    const b = await loadOrg(this.db, input.intoId, '要并入的党组织不存在', 'intoId');
    if (ctx) assertOrgInScope(b, ctx.user.scope, '要并入的党组织');
    requireActive(b, '要并入的党组织', 'intoId');
    if (a.id === b.id) throw appError('VALIDATION_FAILED', '不能并入本组织自己', { field: 'intoId' });
    if (b.path.startsWith(a.path)) throw appError('VALIDATION_FAILED', `不能并入本组织的下级党组织“${b.name}”`, { field: 'intoId' });
    const date = checkDate(input.effectiveOn, 'effectiveOn', '合并日期');
    notBeforeEstablished(date, a, 'effectiveOn', '合并日期');
    notBeforeEstablished(date, b, 'effectiveOn', '合并日期');
    const children = await this.activeChildren(a.id);
    for (const child of children) {
      const problem = parentKindProblem(b.kind, child.kind as OrgKind);
      if (problem) throw appError('VALIDATION_FAILED', `“${a.name}”的下级“${child.name}”将移到“${b.name}”之下，但${problem}`, { field: 'intoId' });
    }
    const aUnits = await activeCoverageIds(this.db, a.id);
    const union = [...new Set([...(await activeCoverageIds(this.db, b.id)), ...aUnits])].sort((x, y) => x - y);
    if (aUnits.length) {
      const problem = coverageCountProblem(b.formation as Formation, b.host_kind as HostKind, union.length);
      if (problem) throw appError('VALIDATION_FAILED', `并入后“${b.name}”将覆盖${union.length}个单位：${problem}。请先调整“${b.name}”的组建方式`, { field: 'intoId' });
    }
    const reason = input.reason?.trim() || `“${a.name}”并入“${b.name}”`;
    await this.db.transaction().execute(async (tx) => {
      await bumpVersion(tx, a.id, input.version);
      if (input.intoVersion !== undefined) await bumpVersion(tx, b.id, input.intoVersion);
      else await touchVersion(tx, b.id);
      const bNow = await loadOrg(tx, b.id);
      for (const child of children) {
        await this.moveUnder(tx, child, bNow);
        await tx.updateTable('party_orgs').set({ parent_id: b.id }).where('id', '=', child.id).execute();
        await touchVersion(tx, child.id);
        await appendEvent(tx, child.id, 'changed', date, { changes: { parentId: { from: a.id, to: b.id } }, reason }, actor);
      }
      const attached = await tx.selectFrom('party_orgs').select(['id']).where('attached_to_id', '=', a.id).where('status', '=', 'active').execute();
      for (const o of attached) {
        await tx.updateTable('party_orgs').set({ attached_to_id: b.id }).where('id', '=', o.id).execute();
        await touchVersion(tx, o.id);
        await appendEvent(tx, o.id, 'changed', date, { changes: { attachedToId: { from: a.id, to: b.id } }, reason }, actor);
      }
      const members = await tx.selectFrom('party_org_members').selectAll().where('org_id', '=', a.id).where('left_on', 'is', null).execute();
      const inB = new Set((await tx.selectFrom('party_org_members').select('person_id').where('org_id', '=', b.id).where('left_on', 'is', null).execute()).map((m) => m.person_id).filter((p) => p !== null));
      const now = new Date().toISOString();
      for (const m of members) {
        await tx.updateTable('party_org_members').set({ left_on: date, left_reason: `随组织并入“${b.name}”` }).where('id', '=', m.id).execute();
        if (m.person_id !== null && inB.has(m.person_id)) continue;
        await tx.insertInto('party_org_members').values({ org_id: b.id, name: m.name, person_id: m.person_id, membership: m.membership, role: 'member', joined_on: date, left_on: null, left_reason: null, recorded_by: actor.id, recorded_at: now }).execute();
      }
      if (aUnits.length) {
        await lockCoverage(tx);
        const removed = await endCoverage(tx, a.id, date);
        const { added } = await replaceCoverage(tx, { id: b.id, formation: b.formation as Formation }, union, date, actor, false);
        await appendEvent(tx, a.id, 'coverageChanged', date, { removed, reason }, actor);
        if (added.length) await appendEvent(tx, b.id, 'coverageChanged', date, { added, reason }, actor);
      }
      await tx.updateTable('party_orgs').set({ status: 'merged', merged_into_id: b.id, ended_on: date }).where('id', '=', a.id).execute();
      const why = input.reason?.trim() ? { reason: input.reason.trim() } : {};
      await appendEvent(tx, a.id, 'merged', date, { into: { id: b.id, name: b.name }, ...why }, actor);
      await appendEvent(tx, b.id, 'absorbed', date, { from: { id: a.id, name: a.name }, ...why }, actor);
      await this.auditLog.append(tx, actor, {
        action: 'org.merge', objectType: 'partyOrg', objectIds: [a.id, b.id],
        detail: { into: b.id, effectiveOn: date, movedChildren: children.map((c) => c.id), movedMembers: members.length, movedUnits: aUnits },
      });
    });
  }

  /** Dissolves an organization with no active sub-organizations and nothing attached to it. */
  async dissolve(ctx: RequestContext | null, id: number, input: DissolveInput, actor: Actor): Promise<void> {
    const org = await loadOrg(this.db, id);
    if (ctx) assertOrgInScope(org, ctx.user.scope);
    requireActive(org, '党组织');
    const reason = input.reason.trim();
    if (Array.from(reason).length < 2 || Array.from(reason).length > 200) throw appError('VALIDATION_FAILED', '请填写撤销原因（2至200个字）', { field: 'reason' });
    const date = checkDate(input.effectiveOn, 'effectiveOn', '撤销日期');
    notBeforeEstablished(date, org, 'effectiveOn', '撤销日期');
    const children = await this.activeChildren(org.id);
    if (children.length) {
      throw appError('CONFLICT', `“${org.name}”还有${children.length}个下级党组织（如“${children[0]!.name}”），须先撤销它们或调整到其他党组织之下`);
    }
    const attached = await this.db.selectFrom('party_orgs').select('name').where('attached_to_id', '=', org.id).where('status', '=', 'active').execute();
    if (attached.length) throw appError('CONFLICT', `还有${attached.length}个党组织挂靠在“${org.name}”（如“${attached[0]!.name}”），须先调整它们的挂靠单位`);
    await this.db.transaction().execute(async (tx) => {
      await bumpVersion(tx, org.id, input.version);
      await lockCoverage(tx);
      const removed = await endCoverage(tx, org.id, date);
      await tx.updateTable('party_org_members').set({ left_on: date, left_reason: '党组织撤销' }).where('org_id', '=', org.id).where('left_on', 'is', null).execute();
      await tx.updateTable('party_orgs').set({ status: 'dissolved', ended_on: date }).where('id', '=', org.id).execute();
      await appendEvent(tx, org.id, 'dissolved', date, { reason, ...(removed.length ? { removed } : {}) }, actor);
      await this.auditLog.append(tx, actor, { action: 'org.dissolve', objectType: 'partyOrg', objectIds: [org.id], detail: { effectiveOn: date, endedUnits: removed.map((u) => u.id) } });
    });
  }

  private activeChildren(orgId: number): Promise<Pick<OrgRow, 'id' | 'name' | 'kind'>[]> {
    return this.db.selectFrom('party_orgs').select(['id', 'name', 'kind']).where('parent_id', '=', orgId).where('status', '=', 'active').orderBy('path').execute();
  }
}
