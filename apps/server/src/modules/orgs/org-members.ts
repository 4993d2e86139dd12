import { type Membership, memberships, type OrgMemberRole, orgMemberRoleLabels, orgMemberRoles } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertInScope, assertOrgInScope } from '../../lib/scope.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import type { FieldChange } from './org-rules.ts';
import { appendEvent, bumpVersion, checkDate, loadOrg, notBeforeEstablished, type OrgRow, requireActive } from './org-store.ts';

export interface MemberInput {
  version: number;
  /** Optional when `personId` names a person in the ledger (their name is used). */
  name?: string | undefined;
  personId?: number | null | undefined;
  membership: Membership;
  role: OrgMemberRole;
  joinedOn: string;
}

export interface MemberLeave {
  version: number;
  leftOn: string;
  reason: string;
}

export interface MemberChange {
  version: number;
  membership?: Membership | undefined;
  role?: OrgMemberRole | undefined;
  effectiveOn?: string | undefined;
  reason?: string | undefined;
}

/**
 * An organization's members: rows are never deleted (leaving sets `left_on`); becoming a full member
 * or taking a post updates the row and adds a dated event, so the history keeps both. At most one
 * active secretary; only full members hold posts (probationers cannot be elected, 党章 art. 7).
 */
export class OrgMembers {
  constructor(
    private readonly db: Db,
    private readonly auditLog: AuditLogService,
  ) {}

  async add(ctx: RequestContext | null, orgId: number, input: MemberInput, actor: Actor): Promise<{ id: number }> {
    const org = await this.loadOrg(ctx, orgId);
    if (!memberships.includes(input.membership)) throw appError('VALIDATION_FAILED', '请选择正式党员或预备党员', { field: 'membership' });
    if (!orgMemberRoles.includes(input.role)) throw appError('VALIDATION_FAILED', '请选择职务', { field: 'role' });
    let name = input.name?.trim() ?? '';
    if (input.personId != null) {
      const person = await this.db.selectFrom('people').select(['id', 'name', 'division_code', 'merged_into']).where('id', '=', input.personId).executeTakeFirst();
      if (!person) throw appError('PERSON_NOT_FOUND', '台帐中没有该人员', { field: 'personId' });
      if (ctx) assertInScope(person.division_code, ctx.user.scope, '该人员');
      if (person.merged_into) throw appError('VALIDATION_FAILED', '该人员记录已合并到另一条记录，请选择合并后的人员', { field: 'personId' });
      name ||= person.name;
      const already = await this.db.selectFrom('party_org_members').select('id').where('org_id', '=', orgId).where('person_id', '=', input.personId).where('left_on', 'is', null).executeTakeFirst();
      if (already) throw appError('CONFLICT', `${name}已是本组织党员`, { field: 'personId' });
    }
    if (!name || Array.from(name).length > 30) throw appError('VALIDATION_FAILED', '请填写党员姓名（不超过30个字）', { field: 'name' });
    const joinedOn = checkDate(input.joinedOn, 'joinedOn', '加入日期');
    notBeforeEstablished(joinedOn, org, 'joinedOn', '加入日期');
    this.checkPost(input.membership, input.role);
    const id = await this.db.transaction().execute(async (tx) => {
      await bumpVersion(tx, orgId, input.version);
      if (input.role === 'secretary') await this.assertNoSecretary(tx, orgId, null);
      const { id: memberId } = await tx
        .insertInto('party_org_members')
        .values({ org_id: orgId, name, person_id: input.personId ?? null, membership: input.membership, role: input.role, joined_on: joinedOn, left_on: null, left_reason: null, recorded_by: actor.id, recorded_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendEvent(tx, orgId, 'changed', joinedOn, { member: { id: memberId, name, action: 'joined', membership: input.membership, role: input.role } }, actor);
      await this.auditLog.append(tx, actor, { action: 'org.member.add', objectType: 'partyOrg', objectIds: [org.id], detail: { memberId, personId: input.personId ?? null, membership: input.membership, role: input.role } });
      return memberId;
    });
    return { id };
  }

  async leave(ctx: RequestContext | null, orgId: number, memberId: number, input: MemberLeave, actor: Actor): Promise<void> {
    await this.loadOrg(ctx, orgId);
    const member = await this.loadMember(orgId, memberId);
    const leftOn = checkDate(input.leftOn, 'leftOn', '离开日期');
    if (leftOn < member.joined_on) throw appError('VALIDATION_FAILED', `离开日期不能早于加入日期（${member.joined_on}）`, { field: 'leftOn' });
    const reason = input.reason.trim();
    if (Array.from(reason).length < 2 || Array.from(reason).length > 100) throw appError('VALIDATION_FAILED', '请填写离开原因（2至100个字，如“组织关系转出”）', { field: 'reason' });
    await this.db.transaction().execute(async (tx) => {
      await bumpVersion(tx, orgId, input.version);
      await tx.updateTable('party_org_members').set({ left_on: leftOn, left_reason: reason }).where('id', '=', memberId).execute();
      await appendEvent(tx, orgId, 'changed', leftOn, { member: { id: memberId, name: member.name, action: 'left' }, reason }, actor);
      await this.auditLog.append(tx, actor, { action: 'org.member.leave', objectType: 'partyOrg', objectIds: [orgId], detail: { memberId, leftOn } });
    });
  }

  async change(ctx: RequestContext | null, orgId: number, memberId: number, input: MemberChange, actor: Actor): Promise<void> {
    await this.loadOrg(ctx, orgId);
    const member = await this.loadMember(orgId, memberId);
    const membership = input.membership ?? (member.membership as Membership);
    const role = input.role ?? (member.role as OrgMemberRole);
    if (member.membership === 'full' && membership === 'probationary') throw appError('VALIDATION_FAILED', '正式党员不能改为预备党员', { field: 'membership' });
    this.checkPost(membership, role);
    const changes: Record<string, FieldChange> = {};
    if (membership !== member.membership) changes.membership = { from: member.membership, to: membership };
    if (role !== member.role) changes.role = { from: member.role, to: role };
    if (!Object.keys(changes).length) throw appError('VALIDATION_FAILED', '没有修改任何内容', { field: input.membership ? 'membership' : 'role' });
    const date = checkDate(input.effectiveOn, 'effectiveOn', '生效日期');
    if (date < member.joined_on) throw appError('VALIDATION_FAILED', `生效日期不能早于加入日期（${member.joined_on}）`, { field: 'effectiveOn' });
    const reason = input.reason?.trim() || (changes.membership ? '预备期满转为正式党员' : undefined);
    await this.db.transaction().execute(async (tx) => {
      await bumpVersion(tx, orgId, input.version);
      if (role === 'secretary' && member.role !== 'secretary') await this.assertNoSecretary(tx, orgId, memberId);
      await tx.updateTable('party_org_members').set({ membership, role }).where('id', '=', memberId).execute();
      await appendEvent(tx, orgId, 'changed', date, { member: { id: memberId, name: member.name, action: 'changed', changes }, ...(reason ? { reason } : {}) }, actor);
      await this.auditLog.append(tx, actor, { action: 'org.member.change', objectType: 'partyOrg', objectIds: [orgId], detail: { memberId, changes } });
    });
  }

  private async loadOrg(ctx: RequestContext | null, orgId: number): Promise<OrgRow> {
    const org = await loadOrg(this.db, orgId);
    if (ctx) assertOrgInScope(org, ctx.user.scope);
    requireActive(org, '党组织');
    return org;
  }

  private async loadMember(orgId: number, memberId: number) {
    const member = await this.db.selectFrom('party_org_members').selectAll().where('id', '=', memberId).where('org_id', '=', orgId).executeTakeFirst();
    if (!member) throw appError('NOT_FOUND', '该党员不在本组织的名册中');
    if (member.left_on) throw appError('CONFLICT', `${member.name}已于${member.left_on}离开本组织`);
    return member;
  }

  private checkPost(membership: Membership, role: OrgMemberRole): void {
    if (membership === 'probationary' && role !== 'member') {
      throw appError('VALIDATION_FAILED', `预备党员没有被选举权，不能担任${orgMemberRoleLabels[role]}`, { field: 'role' });
    }
  }

  private async assertNoSecretary(tx: Db, orgId: number, except: number | null): Promise<void> {
    let q = tx.selectFrom('party_org_members').select('name').where('org_id', '=', orgId).where('role', '=', 'secretary').where('left_on', 'is', null);
    if (except !== null) q = q.where('id', '<>', except);
    const current = await q.executeTakeFirst();
    if (current) throw appError('CONFLICT', `${current.name}现任书记，一个党组织同时只能有一名书记：请先为其办理离开或改任其他职务`, { field: 'role' });
  }
}
