import { maskedIdNumber } from '../ledger/person-state.ts';
import { ageOn, chinaToday, type ContactChannel, contactChannelLabels, followUpStatus, type FoundVia, foundViaLabels, isWithinScope, MAX_CADENCE_DAYS, MIN_CADENCE_DAYS, YOUTH_MAX_AGE } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { appError } from '../../lib/errors.ts';
import { scopedPeople, withinPrefix } from '../../lib/scope.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import type { LedgerService } from '../ledger/ledger.service.ts';

/** Called when a cultivation target becomes an applicant; the development workflow registers here. */
export type ApplicantListener = (tx: Db, event: { targetId: number; personId: number; appliedOn: string; actor: Actor }) => Promise<void>;

const today = () => chinaToday();

/**
 * Outstanding people (优秀分子) with why, by whom and how they were found; cultivation targets
 * (重点培养对象, outbound youth among them) with a follow-up owner, a cadence, a contact log, the
 * overdue list and the village reserve-cadre flag. A target can become an applicant in one action.
 */
export class TalentService {
  private readonly applicantListeners: ApplicantListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
    private readonly ledger: LedgerService,
    private readonly auditLog: AuditLogService,
  ) {}

  onBecameApplicant(listener: ApplicantListener): void {
    this.applicantListeners.push(listener);
  }

  async flag(ctx: RequestContext, personId: number, input: { reason: string; nominatedBy: string; foundVia: FoundVia }) {
    await this.ledger.loadInScope(ctx, personId);
    const reason = input.reason.trim();
    if (reason.length < 4) throw appError('VALIDATION_FAILED', '请写明列为优秀分子的理由（不少于4个字）', { field: 'reason' });
    if (!input.nominatedBy.trim()) throw appError('VALIDATION_FAILED', '请填写推荐人', { field: 'nominatedBy' });
    const active = await this.db.selectFrom('talent_entries').select('id').where('person_id', '=', personId).where('withdrawn_at', 'is', null).executeTakeFirst();
    if (active) throw appError('CONFLICT', '此人已在优秀分子数据库中');
    const id = await this.db.transaction().execute(async (tx) => {
      const { id: entryId } = await tx
        .insertInto('talent_entries')
        .values({ person_id: personId, reason, nominated_by: input.nominatedBy.trim(), found_via: input.foundVia, flagged_by: ctx.user.id, flagged_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'talent.flag', objectType: 'person', objectIds: [personId], detail: { entryId, foundVia: input.foundVia } });
      return entryId;
    });
    return (await this.listOutstanding(ctx, { ids: [id] }))[0]!;
  }

  async withdraw(ctx: RequestContext, entryId: number, reason: string) {
    const entry = await this.db.selectFrom('talent_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
    if (!entry) throw appError('NOT_FOUND', '优秀分子记录不存在');
    await this.ledger.loadInScope(ctx, entry.person_id);
    if (entry.withdrawn_at) throw appError('CONFLICT', '该记录已撤销');
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('talent_entries').set({ withdrawn_at: new Date().toISOString(), withdrawn_by: ctx.user.id, withdrawn_reason: reason.trim() }).where('id', '=', entryId).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'talent.withdraw', objectType: 'person', objectIds: [entry.person_id], detail: { entryId } });
    });
  }

  async listOutstanding(ctx: RequestContext, filter: { within?: string | undefined; foundVia?: FoundVia | undefined; ids?: number[] }) {
    let q = scopedPeople(this.db.selectFrom('talent_entries').innerJoin('people', 'people.id', 'talent_entries.person_id'), ctx.user.scope)
      .select(['talent_entries.id', 'talent_entries.person_id', 'talent_entries.reason', 'talent_entries.nominated_by', 'talent_entries.found_via', 'talent_entries.flagged_at', 'people.name', 'people.id_number_enc', 'people.id_number_masked', 'people.division_code', 'people.direction', 'people.employer'])
      .where('talent_entries.withdrawn_at', 'is', null);
    if (filter.within) q = withinPrefix(q, 'people.division_code', filter.within);
    if (filter.foundVia) q = q.where('talent_entries.found_via', '=', filter.foundVia);
    if (filter.ids) q = q.where('talent_entries.id', 'in', filter.ids);
    const rows = await q.orderBy('talent_entries.id', 'desc').limit(500).execute();
    const targets = await this.activeTargets(rows.map((r) => r.person_id));
    return rows.map((r) => ({
      id: r.id, personId: r.person_id, name: r.name, idNumberMasked: maskedIdNumber(this.crypto, r),
      divisionCode: r.division_code, direction: r.direction, employer: r.employer, reason: r.reason, nominatedBy: r.nominated_by,
      foundVia: r.found_via as FoundVia, foundViaLabel: foundViaLabels[r.found_via as FoundVia] ?? r.found_via, flaggedAt: r.flagged_at, targetId: targets.get(r.person_id) ?? null,
    }));
  }

  private async activeTargets(personIds: number[]): Promise<Map<number, number>> {
    if (!personIds.length) return new Map();
    const rows = await this.db.selectFrom('cultivation_targets').select(['id', 'person_id']).where('person_id', 'in', personIds).where('status', '=', 'active').execute();
    return new Map(rows.map((r) => [r.person_id, r.id]));
  }

  async addTarget(ctx: RequestContext, personId: number, input: { ownerId?: number | undefined; cadenceDays: number; reserveCadre: boolean }) {
    const person = await this.ledger.loadInScope(ctx, personId);
    if (input.cadenceDays < MIN_CADENCE_DAYS || input.cadenceDays > MAX_CADENCE_DAYS) {
      throw appError('VALIDATION_FAILED', `联系周期须为${MIN_CADENCE_DAYS}至${MAX_CADENCE_DAYS}天`, { field: 'cadenceDays' });
    }
    const ownerId = input.ownerId ?? ctx.user.id;
    const owner = await this.db.selectFrom('users').select(['id', 'scope_division', 'disabled', 'role']).where('id', '=', ownerId).executeTakeFirst();
    if (!owner || owner.disabled) throw appError('USER_NOT_FOUND', '跟踪联系人不存在或已停用', { field: 'ownerId' });
    if (!isWithinScope(person.division_code, owner.scope_division)) throw appError('VALIDATION_FAILED', '跟踪联系人的管辖范围不包含此人', { field: 'ownerId' });
    const active = await this.db.selectFrom('cultivation_targets').select('id').where('person_id', '=', personId).where('status', '=', 'active').executeTakeFirst();
    if (active) throw appError('CONFLICT', '此人已是重点培养对象');
    const startedOn = today();
    const outboundYouth = person.direction === 'outbound' && !!person.birth_date && ageOn(person.birth_date, startedOn) <= YOUTH_MAX_AGE;
    const id = await this.db.transaction().execute(async (tx) => {
      const { id: targetId } = await tx
        .insertInto('cultivation_targets')
        .values({ person_id: personId, owner_id: ownerId, cadence_days: input.cadenceDays, reserve_cadre: input.reserveCadre ? 1 : 0, outbound_youth: outboundYouth ? 1 : 0, status: 'active', started_on: startedOn, created_by: ctx.user.id, created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'target.create', objectType: 'person', objectIds: [personId], detail: { targetId, ownerId, cadenceDays: input.cadenceDays, reserveCadre: input.reserveCadre } });
      return targetId;
    });
    return this.target(ctx, id);
  }

  private async loadTarget(ctx: RequestContext, targetId: number) {
    const target = await this.db.selectFrom('cultivation_targets').selectAll().where('id', '=', targetId).executeTakeFirst();
    if (!target) throw appError('NOT_FOUND', '重点培养对象不存在');
    await this.ledger.loadInScope(ctx, target.person_id);
    return target;
  }

  async logContact(ctx: RequestContext, targetId: number, input: { channel: ContactChannel; contactedOn: string; note: string }) {
    const target = await this.loadTarget(ctx, targetId);
    if (target.status !== 'active') throw appError('CONFLICT', '该培养对象已不在跟踪中');
    if (input.contactedOn > today()) throw appError('VALIDATION_FAILED', '联系日期不能晚于今天', { field: 'contactedOn' });
    if (input.contactedOn < target.started_on) throw appError('VALIDATION_FAILED', '联系日期不能早于列为培养对象的日期', { field: 'contactedOn' });
    if (!input.note.trim()) throw appError('VALIDATION_FAILED', '请记录联系内容', { field: 'note' });
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('contact_logs').values({ target_id: targetId, channel: input.channel, contacted_on: input.contactedOn, note: input.note.trim(), recorded_by: ctx.user.id, recorded_at: new Date().toISOString() }).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'target.contact', objectType: 'person', objectIds: [target.person_id], detail: { targetId, channel: input.channel } });
    });
    return this.target(ctx, targetId);
  }

  async listTargets(ctx: RequestContext, filter: { overdue?: boolean | undefined; ownerId?: number | undefined; reserveCadre?: boolean | undefined; outboundYouth?: boolean | undefined; within?: string | undefined }) {
    let q = scopedPeople(this.db.selectFrom('cultivation_targets').innerJoin('people', 'people.id', 'cultivation_targets.person_id').innerJoin('users', 'users.id', 'cultivation_targets.owner_id'), ctx.user.scope)
      .select(['cultivation_targets.id', 'cultivation_targets.person_id', 'cultivation_targets.cadence_days', 'cultivation_targets.reserve_cadre', 'cultivation_targets.outbound_youth', 'cultivation_targets.started_on', 'cultivation_targets.owner_id', 'users.display_name as owner_name', 'people.name', 'people.division_code', 'people.direction', 'people.destination_code'])
      .select((eb) => eb.selectFrom('contact_logs').select((e) => e.fn.max('contact_logs.contacted_on').as('m')).whereRef('contact_logs.target_id', '=', 'cultivation_targets.id').as('last_contact_on'))
      .where('cultivation_targets.status', '=', 'active');
    if (filter.ownerId) q = q.where('cultivation_targets.owner_id', '=', filter.ownerId);
    if (filter.reserveCadre !== undefined) q = q.where('cultivation_targets.reserve_cadre', '=', filter.reserveCadre ? 1 : 0);
    if (filter.outboundYouth !== undefined) q = q.where('cultivation_targets.outbound_youth', '=', filter.outboundYouth ? 1 : 0);
    if (filter.within) q = withinPrefix(q, 'people.division_code', filter.within);
    const rows = await q.orderBy('cultivation_targets.id').limit(2000).execute();
    const now = today();
    const items = rows.map((r) => {
      const lastContactOn = (r.last_contact_on as string | null) ?? null;
      return {
        id: r.id, personId: r.person_id, name: r.name, divisionCode: r.division_code, direction: r.direction, ownerId: r.owner_id, ownerName: r.owner_name,
        cadenceDays: r.cadence_days, reserveCadre: r.reserve_cadre === 1, outboundYouth: r.outbound_youth === 1, startedOn: r.started_on, lastContactOn,
        ...followUpStatus(lastContactOn, r.started_on, r.cadence_days, now),
      };
    });
    return filter.overdue ? items.filter((i) => i.overdueDays > 0).sort((a, b) => b.overdueDays - a.overdueDays) : items;
  }

  async target(ctx: RequestContext, targetId: number) {
    const target = await this.loadTarget(ctx, targetId);
    const [item] = (await this.listTargets(ctx, {})).filter((t) => t.id === targetId);
    const contacts = await this.db.selectFrom('contact_logs').leftJoin('users', 'users.id', 'contact_logs.recorded_by').select(['contact_logs.id', 'contact_logs.channel', 'contact_logs.contacted_on', 'contact_logs.note', 'users.display_name']).where('target_id', '=', targetId).orderBy('contacted_on', 'desc').orderBy('contact_logs.id', 'desc').execute();
    return {
      id: target.id, personId: target.person_id, status: target.status as 'active' | 'applied' | 'closed', appliedOn: target.applied_on, closedReason: target.closed_reason,
      startedOn: target.started_on, cadenceDays: target.cadence_days, reserveCadre: target.reserve_cadre === 1, outboundYouth: target.outbound_youth === 1,
      nextDueOn: item?.nextDueOn ?? null, overdueDays: item?.overdueDays ?? 0, ownerName: item?.ownerName ?? null,
      contacts: contacts.map((c) => ({ id: c.id, channel: c.channel as ContactChannel, channelLabel: contactChannelLabels[c.channel as ContactChannel], contactedOn: c.contacted_on, note: c.note, recordedBy: c.display_name })),
    };
  }

  /**
   * One person's standing: in the outstanding-people database (why, by whom, how found), an active
   * cultivation target (owner, cadence, next contact due, overdue), and whether a target of theirs
   * became an applicant. The person page shows it; the development workflow reads it to start a case.
   */
  async personStatus(ctx: RequestContext, personId: number) {
    await this.ledger.loadInScope(ctx, personId);
    const entry = await this.db
      .selectFrom('talent_entries')
      .leftJoin('users', 'users.id', 'talent_entries.flagged_by')
      .select(['talent_entries.id', 'talent_entries.reason', 'talent_entries.nominated_by', 'talent_entries.found_via', 'talent_entries.flagged_at', 'users.display_name as flagged_by_name'])
      .where('talent_entries.person_id', '=', personId)
      .where('talent_entries.withdrawn_at', 'is', null)
      .orderBy('talent_entries.id', 'desc')
      .executeTakeFirst();
    const active = await this.db
      .selectFrom('cultivation_targets')
      .innerJoin('users', 'users.id', 'cultivation_targets.owner_id')
      .select(['cultivation_targets.id', 'cultivation_targets.owner_id', 'users.display_name as owner_name', 'cultivation_targets.cadence_days', 'cultivation_targets.reserve_cadre', 'cultivation_targets.outbound_youth', 'cultivation_targets.started_on'])
      .select((eb) => eb.selectFrom('contact_logs').select((e) => e.fn.max('contact_logs.contacted_on').as('m')).whereRef('contact_logs.target_id', '=', 'cultivation_targets.id').as('last_contact_on'))
      .where('cultivation_targets.person_id', '=', personId)
      .where('cultivation_targets.status', '=', 'active')
      .executeTakeFirst();
    const applied = await this.db
      .selectFrom('cultivation_targets')
      .select(['id', 'applied_on'])
      .where('person_id', '=', personId)
      .where('status', '=', 'applied')
      .orderBy('applied_on', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const lastContactOn = (active?.last_contact_on as string | null | undefined) ?? null;
    const followUp = active ? followUpStatus(lastContactOn, active.started_on, active.cadence_days, today()) : null;
    return {
      personId,
      talent: entry
        ? {
            id: entry.id, reason: entry.reason, nominatedBy: entry.nominated_by, foundVia: entry.found_via as FoundVia,
            foundViaLabel: foundViaLabels[entry.found_via as FoundVia] ?? entry.found_via, flaggedAt: entry.flagged_at, flaggedBy: entry.flagged_by_name ?? null,
          }
        : null,
      target: active && followUp
        ? {
            id: active.id, ownerId: active.owner_id, ownerName: active.owner_name, cadenceDays: active.cadence_days, reserveCadre: active.reserve_cadre === 1,
            outboundYouth: active.outbound_youth === 1, startedOn: active.started_on, lastContactOn, nextDueOn: followUp.nextDueOn, overdueDays: followUp.overdueDays, overdue: followUp.overdueDays > 0,
          }
        : null,
      applicant: applied ? { targetId: applied.id, appliedOn: applied.applied_on! } : null,
    };
  }

  /** The target has applied in writing: stop the follow-up and hand the person to the development workflow. */
  async becomeApplicant(ctx: RequestContext, targetId: number, appliedOn: string) {
    const target = await this.loadTarget(ctx, targetId);
    if (target.status !== 'active') throw appError('CONFLICT', '该培养对象已不在跟踪中');
    if (appliedOn > today()) throw appError('VALIDATION_FAILED', '申请日期不能晚于今天', { field: 'appliedOn' });
    const actor = actorOf(ctx);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('cultivation_targets').set({ status: 'applied', applied_on: appliedOn }).where('id', '=', targetId).execute();
      for (const listener of this.applicantListeners) await listener(tx, { targetId, personId: target.person_id, appliedOn, actor });
      await this.auditLog.append(tx, actor, { action: 'target.apply', objectType: 'person', objectIds: [target.person_id], detail: { targetId, appliedOn } });
    });
    return this.target(ctx, targetId);
  }

  async close(ctx: RequestContext, targetId: number, reason: string) {
    const target = await this.loadTarget(ctx, targetId);
    if (target.status !== 'active') throw appError('CONFLICT', '该培养对象已不在跟踪中');
    if (reason.trim().length < 2) throw appError('VALIDATION_FAILED', '请填写结束跟踪的原因', { field: 'reason' });
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('cultivation_targets').set({ status: 'closed', closed_at: new Date().toISOString(), closed_reason: reason.trim() }).where('id', '=', targetId).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'target.close', objectType: 'person', objectIds: [target.person_id], detail: { targetId } });
    });
    return this.target(ctx, targetId);
  }
}
