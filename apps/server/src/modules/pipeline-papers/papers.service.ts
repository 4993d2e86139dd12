import { chinaToday } from '@xinxue/domain';
import { addDays, CalendarYearMissingError, createWorkingDayCalendar, isIsoDate, type WorkingDayCalendar } from '@xinxue/domain/calendar/index';
import { registry } from '@xinxue/domain/rules/index';
import { type CitySettings, resolveSettings } from '@xinxue/domain/settings/index';
import { takeWriteLock } from '../../db/dialect.ts';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DossierAuditService } from '../dossier-audit/dossier-audit.service.ts';
import { type DossierRow, loadDossier } from '../pipeline/pipeline-store.ts';
import { type Aspects, type NoticeRow, orgVisible, type RequestRow } from './papers-store.ts';

/**
 * Public notices (公示) and opinion requests (征求意见函) of a dossier. A notice's end is computed in
 * working days with the rule engine's calendar (administrator overrides included; a year without
 * data is refused). Every write is version-checked where it changes a row, audit-logged in the same
 * transaction, and nothing is deleted: notices and letters are cancelled with a reason.
 */
export type NoticeStage = NoticeRow['stage'];
export type RequestStage = RequestRow['stage'];

/** A letter's reply is due this many working days after it is sent, unless the clerk gives a date. */
export const REPLY_WORKING_DAYS = 15;
/** Without holiday data for the year the reply falls in, three calendar weeks. */
export const REPLY_FALLBACK_DAYS = 21;
const LETTER_LOCK = 727_041;

const today = () => chinaToday();
const now = () => new Date().toISOString();

function checkDate(value: string, field: string, label: string) {
  if (!isIsoDate(value)) throw appError('VALIDATION_FAILED', `${label}应为有效日期（YYYY-MM-DD）`, { field });
}
function checkText(value: string | undefined | null, field: string, label: string, min: number, max: number): string | null {
  const v = value?.trim() ?? '';
  if (v.length < min) throw appError('VALIDATION_FAILED', min > 1 ? `请写明${label}（不少于${min}个字）` : `请填写${label}`, { field });
  if (v.length > max) throw appError('VALIDATION_FAILED', `${label}不能超过${max}个字`, { field });
  return v || null;
}
function conflict(what: string) {
  return appError('CONFLICT', `该${what}已被他人更新（版本已变化），请刷新后重试`);
}

export class PapersService {
  constructor(
    private readonly db: Db,
    private readonly rules: DossierAuditService,
    private readonly auditLog: AuditLogService,
  ) {}

  // ── working days ────────────────────────────────────────────────────────────────────────────────

  private async calendar(): Promise<{ settings: CitySettings; calendar: WorkingDayCalendar }> {
    const settings = await this.rules.settings();
    return { settings, calendar: createWorkingDayCalendar({ overrides: settings.calendar }) };
  }

  /** The notice length the rules ask for at a stage: R-PUB-CANDIDATE-5WD for candidates, R-PUB-LOCAL otherwise. */
  static defaultDays(settings: CitySettings, stage: NoticeStage): number {
    const resolved = resolveSettings(settings, registry);
    const id = stage === 'candidate' ? 'R-PUB-CANDIDATE-5WD' : 'R-PUB-LOCAL';
    const days = resolved.rules.get(id)?.params.minWorkingDays;
    return typeof days === 'number' ? days : 5;
  }

  /** The last day of a notice of `days` working days from `start`, counted as R-PUB-CANDIDATE-5WD counts (first day per the city's setting). */
  static endOf(calendar: WorkingDayCalendar, settings: CitySettings, start: string, days: number): string {
    try {
      return calendar.nthWorkingDayAfter(settings.boundaries.noticeCountsFirstDay ? addDays(start, -1) : start, days);
    } catch (error) {
      if (error instanceof CalendarYearMissingError) throw appError('CALENDAR_YEAR_MISSING', error.message, { field: 'startOn' });
      throw error;
    }
  }

  /** For the form: the end date as soon as a start (and a length, or the stage's default) is chosen. */
  async noticeEnd(start: string, days: number | undefined, stage: NoticeStage | undefined) {
    checkDate(start, 'start', '公示开始日期');
    const { settings, calendar } = await this.calendar();
    const workingDays = days ?? PapersService.defaultDays(settings, stage ?? 'candidate');
    return { start, workingDays, end: PapersService.endOf(calendar, settings, start, workingDays), countsFirstDay: settings.boundaries.noticeCountsFirstDay };
  }

  // ── notices ─────────────────────────────────────────────────────────────────────────────────────

  private assertActive(row: DossierRow) {
    if (row.status !== 'active') throw appError('DOSSIER_CLOSED', '该档案已撤回、不予承认或已办结，不能再登记公示或征求意见函');
  }

  async createNotice(ctx: RequestContext, dossierId: number, input: { stage: NoticeStage; place: NoticeRow['place']; location: string; startOn: string; workingDays?: number | undefined; contact?: string | undefined; note?: string | undefined }) {
    const dossier = await loadDossier(this.db, ctx, dossierId, 'write');
    this.assertActive(dossier);
    checkDate(input.startOn, 'startOn', '公示开始日期');
    const location = checkText(input.location, 'location', '公示地点（张贴位置）', 1, 100)!;
    const contact = checkText(input.contact, 'contact', '联系电话（监督电话）', 0, 100);
    const note = checkText(input.note, 'note', '备注', 0, 500);
    const { settings, calendar } = await this.calendar();
    const workingDays = input.workingDays ?? PapersService.defaultDays(settings, input.stage);
    const end = PapersService.endOf(calendar, settings, input.startOn, workingDays);
    const actor = actorOf(ctx);
    return this.db.transaction().execute(async (tx) => {
      const t = now();
      const { id } = await tx
        .insertInto('dossier_notices')
        .values({ dossier_id: dossierId, stage: input.stage, place: input.place, location, start_on: input.startOn, working_days: workingDays, end_on: end, contact, note, cancelled_at: null, cancel_reason: null, version: 0, created_by: actor.id, created_at: t, updated_at: t })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.auditLog.append(tx, actor, { action: 'dossier.notice.create', objectType: 'dossierNotice', objectIds: [id], detail: { dossierId, stage: input.stage, place: input.place, startOn: input.startOn, endOn: end, workingDays } });
      return id;
    });
  }

  /** The notice and its dossier, the dossier loaded for reading or (handling side only) writing. */
  async loadNotice(ctx: RequestContext, id: number, mode: 'read' | 'write') {
    const notice = await this.db.selectFrom('dossier_notices').selectAll().where('id', '=', id).executeTakeFirst();
    if (!notice) throw appError('NOTICE_NOT_FOUND');
    const dossier = await loadDossier(this.db, ctx, notice.dossier_id, mode);
    return { notice, dossier };
  }

  private assertNotCancelled(n: { cancelled_at: string | null }, what: string) {
    if (n.cancelled_at) throw appError('PAPER_CANCELLED', `该${what}已撤销，不能再办理`);
  }

  /** Bumps the notice's version when the clerk's version is current (an objection changes what the notice says). */
  private async bumpNotice(tx: Db, notice: NoticeRow, version: number | undefined, set: Partial<Pick<NoticeRow, 'cancelled_at' | 'cancel_reason'>> = {}) {
    if (version !== undefined && version !== notice.version) throw conflict('公示');
    const res = await tx.updateTable('dossier_notices').set({ ...set, version: notice.version + 1, updated_at: now() }).where('id', '=', notice.id).where('version', '=', notice.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('公示');
  }

  async addObjection(ctx: RequestContext, noticeId: number, input: { receivedOn: string; summary: string }) {
    const { notice } = await this.loadNotice(ctx, noticeId, 'write');
    this.assertNotCancelled(notice, '公示');
    checkDate(input.receivedOn, 'receivedOn', '收到异议日期');
    if (input.receivedOn < notice.start_on) throw appError('VALIDATION_FAILED', `收到异议日期不能早于公示开始日期（${notice.start_on}）`, { field: 'receivedOn' });
    if (input.receivedOn > today()) throw appError('VALIDATION_FAILED', '收到异议日期不能晚于今天', { field: 'receivedOn' });
    const summary = checkText(input.summary, 'summary', '异议内容摘要', 2, 1000)!;
    const actor = actorOf(ctx);
    return this.db.transaction().execute(async (tx) => {
      await this.bumpNotice(tx, notice, undefined);
      const t = now();
      const { id } = await tx
        .insertInto('dossier_notice_objections')
        .values({ notice_id: noticeId, received_on: input.receivedOn, summary, resolved_on: null, resolution: null, upheld: null, version: 0, created_by: actor.id, created_at: t, updated_at: t })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.auditLog.append(tx, actor, { action: 'dossier.notice.objection', objectType: 'dossierNotice', objectIds: [noticeId], detail: { dossierId: notice.dossier_id, objectionId: id, receivedOn: input.receivedOn } });
      return id;
    });
  }

  async resolveObjection(ctx: RequestContext, noticeId: number, objectionId: number, input: { version: number; resolvedOn: string; resolution: string; upheld: boolean }) {
    const { notice } = await this.loadNotice(ctx, noticeId, 'write');
    this.assertNotCancelled(notice, '公示');
    const objection = await this.db.selectFrom('dossier_notice_objections').selectAll().where('id', '=', objectionId).where('notice_id', '=', noticeId).executeTakeFirst();
    if (!objection) throw appError('OBJECTION_NOT_FOUND');
    if (input.version !== objection.version) throw conflict('异议');
    checkDate(input.resolvedOn, 'resolvedOn', '异议处理日期');
    if (input.resolvedOn < objection.received_on) throw appError('VALIDATION_FAILED', `处理日期不能早于收到异议的日期（${objection.received_on}）`, { field: 'resolvedOn' });
    if (input.resolvedOn > today()) throw appError('VALIDATION_FAILED', '异议处理日期不能晚于今天', { field: 'resolvedOn' });
    const resolution = checkText(input.resolution, 'resolution', '核实和处理情况', 4, 1000)!;
    const actor = actorOf(ctx);
    await this.db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('dossier_notice_objections')
        .set({ resolved_on: input.resolvedOn, resolution, upheld: input.upheld ? 1 : 0, version: objection.version + 1, updated_at: now() })
        .where('id', '=', objectionId)
        .where('version', '=', objection.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict('异议');
      await this.bumpNotice(tx, notice, undefined);
      await this.auditLog.append(tx, actor, { action: 'dossier.notice.resolve', objectType: 'dossierNotice', objectIds: [noticeId], detail: { dossierId: notice.dossier_id, objectionId, resolvedOn: input.resolvedOn, upheld: input.upheld } });
    });
  }

  async cancelNotice(ctx: RequestContext, noticeId: number, input: { version: number; reason: string }) {
    const { notice } = await this.loadNotice(ctx, noticeId, 'write');
    this.assertNotCancelled(notice, '公示');
    const reason = checkText(input.reason, 'reason', '撤销原因', 4, 500)!;
    const actor = actorOf(ctx);
    await this.db.transaction().execute(async (tx) => {
      await this.bumpNotice(tx, notice, input.version, { cancelled_at: now(), cancel_reason: reason });
      await this.auditLog.append(tx, actor, { action: 'dossier.notice.cancel', objectType: 'dossierNotice', objectIds: [noticeId], detail: { dossierId: notice.dossier_id, reason } });
    });
  }

  // ── opinion requests (征求意见函) ────────────────────────────────────────────────────────────────

  async createRequest(ctx: RequestContext, dossierId: number, input: { stage: RequestStage; place: RequestRow['place']; toOrgId?: number | undefined; toName: string; sentOn: string; replyBy?: string | undefined }) {
    const dossier = await loadDossier(this.db, ctx, dossierId, 'write');
    this.assertActive(dossier);
    checkDate(input.sentOn, 'sentOn', '发函日期');
    if (input.sentOn > today()) throw appError('VALIDATION_FAILED', '发函日期不能晚于今天', { field: 'sentOn' });
    const toName = checkText(input.toName, 'toName', '受函单位（抬头）', 2, 100)!;
    let toOrg: { id: number; division_code: string; name: string } | undefined;
    if (input.toOrgId) {
      toOrg = await this.db.selectFrom('party_orgs').select(['id', 'division_code', 'name']).where('id', '=', input.toOrgId).executeTakeFirst();
      if (!toOrg) throw appError('ORG_NOT_FOUND', '受函的党组织不存在', { field: 'toOrgId' });
      if (toOrg.id === dossier.org_id) throw appError('VALIDATION_FAILED', '受函党组织应是另一地的党组织，不能是办理的党组织本身', { field: 'toOrgId' });
    }
    let replyBy = input.replyBy;
    if (replyBy) {
      checkDate(replyBy, 'replyBy', '回复期限');
      if (replyBy <= input.sentOn) throw appError('VALIDATION_FAILED', '回复期限应晚于发函日期', { field: 'replyBy' });
    } else {
      const { calendar } = await this.calendar();
      try {
        replyBy = calendar.nthWorkingDayAfter(input.sentOn, REPLY_WORKING_DAYS);
      } catch (error) {
        if (!(error instanceof CalendarYearMissingError)) throw error;
        replyBy = addDays(input.sentOn, REPLY_FALLBACK_DAYS);
      }
    }
    const actor = actorOf(ctx);
    return this.db.transaction().execute(async (tx) => {
      // Letter numbers count per dossier; the lock keeps two clerks from taking the same number (PostgreSQL).
      await takeWriteLock(tx, LETTER_LOCK);
      const { n } = await tx.selectFrom('dossier_opinion_requests').select((eb) => eb.fn.countAll<number | string>().as('n')).where('dossier_id', '=', dossierId).executeTakeFirstOrThrow();
      const letterNo = `征字〔${input.sentOn.slice(0, 4)}〕第${dossierId}-${Number(n) + 1}号`;
      const t = now();
      const { id } = await tx
        .insertInto('dossier_opinion_requests')
        .values({
          dossier_id: dossierId, stage: input.stage, place: input.place, to_org_id: toOrg?.id ?? null, to_name: toName, letter_no: letterNo, sent_on: input.sentOn, reply_by: replyBy,
          answered_on: null, aspects: null, answer_note: null, answered_by_name: null, cancelled_at: null, cancel_reason: null, version: 0, created_by: actor.id, created_at: t, updated_at: t,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The other place sees the dossier in its scope once it is asked (pipeline-store: handling OR other-place organization).
      if (toOrg && dossier.other_org_id === null) {
        await tx.updateTable('dossiers').set({ other_org_id: toOrg.id, other_division_code: toOrg.division_code }).where('id', '=', dossierId).where('other_org_id', 'is', null).execute();
      }
      await this.auditLog.append(tx, actor, { action: 'dossier.letter.send', objectType: 'opinionRequest', objectIds: [id], detail: { dossierId, letterNo, stage: input.stage, place: input.place, toOrgId: toOrg?.id ?? null, replyBy } });
      return id;
    });
  }

  /** The request and its dossier; answering is open to the handling side and to whoever's scope covers the addressee organization. */
  async loadRequest(ctx: RequestContext, id: number, mode: 'read' | 'answer' | 'write') {
    const request = await this.db.selectFrom('dossier_opinion_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!request) throw appError('OPINION_REQUEST_NOT_FOUND');
    const addressee = request.to_org_id ? await this.db.selectFrom('party_orgs').select(['id', 'name', 'division_code', 'path']).where('id', '=', request.to_org_id).executeTakeFirst() : undefined;
    if (mode !== 'write' && orgVisible(addressee, ctx.user.scope)) {
      const dossier = await this.db.selectFrom('dossiers as d').innerJoin('party_orgs as o', 'o.id', 'd.org_id').select(['d.id', 'd.person_id', 'd.org_id', 'd.status', 'd.document', 'o.name as org_name']).where('d.id', '=', request.dossier_id).executeTakeFirstOrThrow();
      return { request, addressee, dossier };
    }
    const row = await loadDossier(this.db, ctx, request.dossier_id, mode === 'read' ? 'read' : 'write');
    return { request, addressee, dossier: row };
  }

  async answerRequest(ctx: RequestContext, id: number, input: { version: number; answeredOn: string; aspects: Aspects; note?: string | undefined }) {
    const { request } = await this.loadRequest(ctx, id, 'answer');
    this.assertNotCancelled(request, '征求意见函');
    if (input.version !== request.version) throw conflict('征求意见函');
    checkDate(input.answeredOn, 'answeredOn', '回复日期');
    if (input.answeredOn < request.sent_on) throw appError('VALIDATION_FAILED', `回复日期不能早于发函日期（${request.sent_on}）`, { field: 'answeredOn' });
    if (input.answeredOn > today()) throw appError('VALIDATION_FAILED', '回复日期不能晚于今天', { field: 'answeredOn' });
    const note = checkText(input.note, 'note', '其他意见', 0, 1000);
    const actor = actorOf(ctx);
    await this.db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('dossier_opinion_requests')
        .set({ answered_on: input.answeredOn, aspects: JSON.stringify(input.aspects), answer_note: note, answered_by_name: ctx.user.displayName, version: request.version + 1, updated_at: now() })
        .where('id', '=', id)
        .where('version', '=', request.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict('征求意见函');
      await this.auditLog.append(tx, actor, { action: 'dossier.letter.answer', objectType: 'opinionRequest', objectIds: [id], detail: { dossierId: request.dossier_id, answeredOn: input.answeredOn, aspects: input.aspects, corrected: request.answered_on !== null } });
    });
  }

  async cancelRequest(ctx: RequestContext, id: number, input: { version: number; reason: string }) {
    const { request } = await this.loadRequest(ctx, id, 'write');
    this.assertNotCancelled(request, '征求意见函');
    if (input.version !== request.version) throw conflict('征求意见函');
    const reason = checkText(input.reason, 'reason', '撤销原因', 4, 500)!;
    const actor = actorOf(ctx);
    await this.db.transaction().execute(async (tx) => {
      const res = await tx.updateTable('dossier_opinion_requests').set({ cancelled_at: now(), cancel_reason: reason, version: request.version + 1, updated_at: now() }).where('id', '=', id).where('version', '=', request.version).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict('征求意见函');
      await this.auditLog.append(tx, actor, { action: 'dossier.letter.cancel', objectType: 'opinionRequest', objectIds: [id], detail: { dossierId: request.dossier_id, reason } });
    });
  }
}
