import { type MicroActivityKind, microActivityKindLabels, type MicroOrgKind, microOrgKindLabels } from '@xinxue/domain';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { scopedPeople, scopedTo, withinPrefix } from '../../lib/scope.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';
import { fullNames } from '../mobile-orgs/division-names.ts';
import type { TalentService } from '../talent/talent.service.ts';
import { checkActivityKind, checkCount, checkDate, checkText, loadActiveMicroOrg, loadMicroOrg, type MicroOrgRow, requirePeopleInScope, today } from './micro-org-rules.ts';

export interface ActivityInput {
  heldOn: string;
  kind: string;
  title: string;
  peopleServed: number;
  problemsSolved: number;
  note?: string | undefined;
  participantIds?: number[] | undefined;
}

export interface ActivityFilter {
  within?: string | undefined;
  microOrgId?: number | undefined;
  kind?: MicroActivityKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface ActivityRow {
  id: number;
  microOrgId: number;
  microOrgName: string;
  microOrgKind: MicroOrgKind;
  divisionName: string;
  heldOn: string;
  kind: MicroActivityKind;
  kindLabel: string;
  title: string;
  peopleServed: number;
  problemsSolved: number;
  note: string;
  participants: number;
}

const MAX_PARTICIPANTS = 500;
const REGISTER_LIMIT = 500;
const EXPORT_LIMIT = 20_000;

/** The months from `months - 1` months before today's month up to it: ['2025-12', …, '2026-11']. */
export function lastMonths(months: number, todayIso = today()): string[] {
  const [y, m] = todayIso.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const index = y * 12 + (m - 1) - (months - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * Micro-organization activities (date, kind, title, people served, problems solved, participants
 * from the ledger), the activity register and its export, statistics, and flagging a participant
 * as outstanding in one action (through the talent service, found via 微组织).
 */
export class MicroActivitiesService {
  constructor(
    private readonly db: Db,
    private readonly divisions: DivisionsService,
    private readonly talent: TalentService,
    private readonly auditLog: AuditLogService,
  ) {}

  private async checkInput(ctx: RequestContext, org: MicroOrgRow, input: ActivityInput) {
    checkDate(input.heldOn, 'heldOn', '活动日期', { date: org.founded_on, what: '微组织成立日期' });
    const kind = checkActivityKind(input.kind);
    const title = checkText(input.title, 'title', '活动主题', 60);
    const peopleServed = checkCount(input.peopleServed, 'peopleServed', '服务人数');
    const problemsSolved = checkCount(input.problemsSolved, 'problemsSolved', '解决问题数');
    const note = checkText(input.note, 'note', '备注', 1000, false);
    const participantIds = [...new Set(input.participantIds ?? [])];
    if (participantIds.length > MAX_PARTICIPANTS) throw appError('VALIDATION_FAILED', `参加人员一次最多登记${MAX_PARTICIPANTS}人`, { field: 'participantIds' });
    if (participantIds.length) await requirePeopleInScope(this.db, ctx.user.scope, participantIds, 'participantIds');
    return { held_on: input.heldOn, kind, title, people_served: peopleServed, problems_solved: problemsSolved, note, participantIds };
  }

  private checkServed(peopleServed: number, participants: number) {
    if (peopleServed < participants) throw appError('VALIDATION_FAILED', `服务人数（${peopleServed}）不能少于登记的参加人员（${participants}人）`, { field: 'peopleServed' });
  }

  /** Participants are people the micro-organization reaches: they join its reach from the activity's date. */
  private async addToReach(tx: Db, microOrgId: number, personIds: number[], since: string) {
    if (!personIds.length) return;
    await tx.insertInto('micro_org_reach').values(personIds.map((person_id) => ({ micro_org_id: microOrgId, person_id, since }))).onConflict((oc) => oc.columns(['micro_org_id', 'person_id']).doNothing()).execute();
  }

  async record(ctx: RequestContext, microOrgId: number, input: ActivityInput) {
    const org = await loadActiveMicroOrg(this.db, ctx, microOrgId);
    const { participantIds, ...values } = await this.checkInput(ctx, org, input);
    this.checkServed(values.people_served, participantIds.length);
    const id = await this.db.transaction().execute(async (tx) => {
      const { id: activityId } = await tx.insertInto('micro_org_activities').values({ micro_org_id: microOrgId, ...values, recorded_by: ctx.user.id, recorded_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
      if (participantIds.length) await tx.insertInto('micro_org_activity_people').values(participantIds.map((person_id) => ({ activity_id: activityId, person_id }))).execute();
      await this.addToReach(tx, microOrgId, participantIds, values.held_on);
      await this.auditLog.append(tx, actorOf(ctx), { action: 'microOrg.activity.record', objectType: 'microOrg', objectIds: [microOrgId], detail: { activityId, heldOn: values.held_on, kind: values.kind, participants: participantIds } });
      return activityId;
    });
    return this.get(ctx, id);
  }

  private async loadActivity(ctx: RequestContext, activityId: number) {
    const activity = await this.db.selectFrom('micro_org_activities').selectAll().where('id', '=', activityId).executeTakeFirst();
    if (!activity) throw appError('MICRO_ACTIVITY_NOT_FOUND');
    const org = await loadMicroOrg(this.db, ctx, activity.micro_org_id);
    return { activity, org };
  }

  /**
   * Corrects an activity. Participants the caller cannot see (a grid worker's other grids) are
   * kept; the list given replaces only those the caller sees.
   */
  async update(ctx: RequestContext, activityId: number, patch: Partial<ActivityInput>) {
    const { activity, org } = await this.loadActivity(ctx, activityId);
    await loadActiveMicroOrg(this.db, ctx, org.id);
    const current = await this.participants(ctx, activityId);
    const { participantIds, ...values } = await this.checkInput(ctx, org, {
      heldOn: patch.heldOn ?? activity.held_on, kind: patch.kind ?? activity.kind, title: patch.title ?? activity.title, peopleServed: patch.peopleServed ?? activity.people_served,
      problemsSolved: patch.problemsSolved ?? activity.problems_solved, note: patch.note ?? activity.note, participantIds: patch.participantIds ?? current.visible.map((p) => p.personId),
    });
    const next = [...new Set([...participantIds, ...current.hiddenIds])];
    this.checkServed(values.people_served, next.length);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('micro_org_activities').set(values).where('id', '=', activityId).execute();
      if (patch.participantIds) {
        await tx.deleteFrom('micro_org_activity_people').where('activity_id', '=', activityId).execute();
        if (next.length) await tx.insertInto('micro_org_activity_people').values(next.map((person_id) => ({ activity_id: activityId, person_id }))).execute();
        await this.addToReach(tx, org.id, participantIds, values.held_on);
      }
      await this.auditLog.append(tx, actorOf(ctx), { action: 'microOrg.activity.update', objectType: 'microOrg', objectIds: [org.id], detail: { activityId, heldOn: values.held_on, participants: patch.participantIds ? next : undefined } });
    });
    return this.get(ctx, activityId);
  }

  /** The participants the caller may see, with whether each is in the outstanding-people database now. */
  private async participants(ctx: RequestContext, activityId: number) {
    const all = await this.db.selectFrom('micro_org_activity_people').select('person_id').where('activity_id', '=', activityId).execute();
    const rows = await scopedPeople(this.db.selectFrom('micro_org_activity_people').innerJoin('people', 'people.id', 'micro_org_activity_people.person_id'), ctx.user.scope)
      .leftJoin('talent_entries', (join) => join.onRef('talent_entries.person_id', '=', 'people.id').on('talent_entries.withdrawn_at', 'is', null))
      .select(['people.id', 'people.name', 'people.division_code', 'people.direction', 'people.employer', 'talent_entries.id as talent_id', 'talent_entries.found_via', 'talent_entries.flagged_at'])
      .where('micro_org_activity_people.activity_id', '=', activityId)
      .orderBy('people.id')
      .execute();
    const names = await fullNames(this.divisions, rows.map((r) => r.division_code), 4);
    const visible = rows.map((r) => ({
      personId: r.id, name: r.name, divisionName: names.get(r.division_code) ?? r.division_code, direction: r.direction, employer: r.employer,
      talentEntryId: r.talent_id ?? null, talentFoundVia: r.found_via ?? null, talentFlaggedAt: r.flagged_at ?? null,
    }));
    const seen = new Set(rows.map((r) => r.id));
    return { visible, hiddenIds: all.map((a) => a.person_id).filter((id) => !seen.has(id)) };
  }

  async get(ctx: RequestContext, activityId: number) {
    const { activity, org } = await this.loadActivity(ctx, activityId);
    const { visible, hiddenIds } = await this.participants(ctx, activityId);
    const recorder = activity.recorded_by ? await this.db.selectFrom('users').select('display_name').where('id', '=', activity.recorded_by).executeTakeFirst() : undefined;
    return {
      id: activity.id, microOrgId: org.id, microOrgName: org.name, microOrgDissolved: org.dissolved_on !== null, heldOn: activity.held_on,
      kind: activity.kind as MicroActivityKind, kindLabel: microActivityKindLabels[activity.kind as MicroActivityKind] ?? activity.kind, title: activity.title,
      peopleServed: activity.people_served, problemsSolved: activity.problems_solved, note: activity.note, recordedBy: recorder?.display_name ?? null, recordedAt: activity.recorded_at,
      participants: visible, hiddenParticipants: hiddenIds.length,
    };
  }

  /**
   * Puts a participant of the activity into the outstanding-people database in one action: the
   * reason and nominator default to the activity and the micro-organization, found via 微组织.
   */
  async flagParticipant(ctx: RequestContext, activityId: number, input: { personId: number; reason?: string | undefined; nominatedBy?: string | undefined }) {
    const { activity, org } = await this.loadActivity(ctx, activityId);
    await requirePeopleInScope(this.db, ctx.user.scope, [input.personId], 'personId');
    const took = await this.db.selectFrom('micro_org_activity_people').select('person_id').where('activity_id', '=', activityId).where('person_id', '=', input.personId).executeTakeFirst();
    if (!took) throw appError('VALIDATION_FAILED', '此人没有参加这次活动', { field: 'personId' });
    const reason = input.reason?.trim() || `在微组织“${org.name}”${activity.held_on}“${activity.title}”活动中表现突出`;
    const nominatedBy = input.nominatedBy?.trim() || `微组织“${org.name}”`;
    const entry = await this.talent.flag(ctx, input.personId, { reason, nominatedBy, foundVia: 'microOrg' });
    await this.auditLog.record(actorOf(ctx), { action: 'microOrg.talentFlag', objectType: 'person', objectIds: [input.personId], detail: { microOrgId: org.id, activityId, talentEntryId: entry.id } });
    return entry;
  }

  private registerQuery(ctx: RequestContext, filter: ActivityFilter) {
    let q = scopedTo(this.db.selectFrom('micro_org_activities').innerJoin('micro_orgs', 'micro_orgs.id', 'micro_org_activities.micro_org_id'), 'micro_orgs.division_code', ctx.user.scope);
    if (filter.within) q = withinPrefix(q, 'micro_orgs.division_code', filter.within);
    if (filter.microOrgId) q = q.where('micro_org_activities.micro_org_id', '=', filter.microOrgId);
    if (filter.kind) q = q.where('micro_org_activities.kind', '=', filter.kind);
    if (filter.from) q = q.where('micro_org_activities.held_on', '>=', filter.from);
    if (filter.to) q = q.where('micro_org_activities.held_on', '<=', filter.to);
    return q;
  }

  /** The activity register (活动台账): newest first. */
  async register(ctx: RequestContext, filter: ActivityFilter, limit = REGISTER_LIMIT): Promise<{ items: ActivityRow[]; total: number }> {
    if (filter.microOrgId) await loadMicroOrg(this.db, ctx, filter.microOrgId);
    const q = this.registerQuery(ctx, filter);
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await q
      .select(['micro_org_activities.id', 'micro_org_activities.micro_org_id', 'micro_orgs.name as org_name', 'micro_orgs.kind as org_kind', 'micro_orgs.division_code', 'micro_org_activities.held_on', 'micro_org_activities.kind', 'micro_org_activities.title', 'micro_org_activities.people_served', 'micro_org_activities.problems_solved', 'micro_org_activities.note'])
      .select((eb) => eb.selectFrom('micro_org_activity_people').select((e) => e.fn.countAll<number>().as('n')).whereRef('micro_org_activity_people.activity_id', '=', 'micro_org_activities.id').as('participants'))
      .orderBy('micro_org_activities.held_on', 'desc')
      .orderBy('micro_org_activities.id', 'desc')
      .limit(limit)
      .execute();
    const names = await fullNames(this.divisions, rows.map((r) => r.division_code), 4);
    return {
      total: Number(total),
      items: rows.map((r) => ({
        id: r.id, microOrgId: r.micro_org_id, microOrgName: r.org_name, microOrgKind: r.org_kind as MicroOrgKind, divisionName: names.get(r.division_code) ?? r.division_code,
        heldOn: r.held_on, kind: r.kind as MicroActivityKind, kindLabel: microActivityKindLabels[r.kind as MicroActivityKind] ?? r.kind, title: r.title,
        peopleServed: r.people_served, problemsSolved: r.problems_solved, note: r.note, participants: Number(r.participants ?? 0),
      })),
    };
  }

  /** The register as an Excel workbook, participants by name (only those the caller may see); logged. */
  async exportXlsx(ctx: RequestContext, filter: ActivityFilter): Promise<{ buffer: Buffer; count: number }> {
    const { items } = await this.register(ctx, filter, EXPORT_LIMIT);
    const ids = items.map((i) => i.id);
    const names = new Map<number, string[]>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await scopedPeople(this.db.selectFrom('micro_org_activity_people').innerJoin('people', 'people.id', 'micro_org_activity_people.person_id'), ctx.user.scope)
        .select(['micro_org_activity_people.activity_id', 'people.name'])
        .where('micro_org_activity_people.activity_id', 'in', ids.slice(i, i + 500))
        .orderBy('people.id')
        .execute();
      for (const r of rows) names.set(r.activity_id, [...(names.get(r.activity_id) ?? []), r.name]);
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('微组织活动台账');
    sheet.columns = [
      { header: '活动日期', width: 12 }, { header: '微组织', width: 24 }, { header: '微组织类型', width: 10 }, { header: '所在地', width: 22 }, { header: '活动类型', width: 10 },
      { header: '活动主题', width: 30 }, { header: '服务人数', width: 10 }, { header: '解决问题数', width: 10 }, { header: '参加人员（台帐）', width: 40 }, { header: '备注', width: 40 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const a of items) {
      sheet.addRow([a.heldOn, a.microOrgName, microOrgKindLabels[a.microOrgKind] ?? a.microOrgKind, a.divisionName, a.kindLabel, a.title, a.peopleServed, a.problemsSolved, (names.get(a.id) ?? []).join('、'), a.note]);
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await this.auditLog.record(actorOf(ctx), { action: 'microOrg.activity.export', objectType: 'microOrg', objectIds: [...new Set(items.map((i) => i.microOrgId))], detail: { format: 'xlsx', count: items.length, filter } });
    return { buffer, count: items.length };
  }

  /** Activities, people served and problems solved per month, and the totals, in scope (or for one micro-organization). */
  async stats(ctx: RequestContext, filter: { within?: string | undefined; microOrgId?: number | undefined; months: number }) {
    if (filter.microOrgId) await loadMicroOrg(this.db, ctx, filter.microOrgId);
    const months = lastMonths(filter.months);
    const month = sql<string>`substr(micro_org_activities.held_on, 1, 7)`;
    const byMonthRows = await this.registerQuery(ctx, { within: filter.within, microOrgId: filter.microOrgId, from: `${months[0]}-01` })
      .select([month.as('month'), (eb) => eb.fn.countAll<number>().as('activities'), (eb) => eb.fn.sum<number>('micro_org_activities.people_served').as('served'), (eb) => eb.fn.sum<number>('micro_org_activities.problems_solved').as('solved')])
      .groupBy(month)
      .execute();
    const byMonth = months.map((m) => {
      const r = byMonthRows.find((x) => x.month === m);
      return { month: m, activities: Number(r?.activities ?? 0), peopleServed: Number(r?.served ?? 0), problemsSolved: Number(r?.solved ?? 0) };
    });
    const byKindRows = await this.registerQuery(ctx, { within: filter.within, microOrgId: filter.microOrgId, from: `${months[0]}-01` })
      .select(['micro_org_activities.kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('micro_org_activities.kind')
      .execute();
    let orgs = scopedTo(this.db.selectFrom('micro_orgs'), 'micro_orgs.division_code', ctx.user.scope);
    if (filter.within) orgs = withinPrefix(orgs, 'micro_orgs.division_code', filter.within);
    if (filter.microOrgId) orgs = orgs.where('micro_orgs.id', '=', filter.microOrgId);
    const counts = await orgs
      .select([
        sql<number>`sum(case when micro_orgs.dissolved_on is null then 1 else 0 end)`.as('active'),
        sql<number>`sum((select count(*) from micro_org_backbones b where b.micro_org_id = micro_orgs.id and b.left_on is null))`.as('backbones'),
        sql<number>`sum((select count(*) from micro_org_reach r where r.micro_org_id = micro_orgs.id))`.as('reach'),
      ])
      .executeTakeFirstOrThrow();
    let talent = scopedPeople(this.db.selectFrom('talent_entries').innerJoin('people', 'people.id', 'talent_entries.person_id'), ctx.user.scope).where('talent_entries.found_via', '=', 'microOrg').where('talent_entries.withdrawn_at', 'is', null);
    if (filter.microOrgId) talent = talent.where('talent_entries.person_id', 'in', this.db.selectFrom('micro_org_reach').select('person_id').where('micro_org_id', '=', filter.microOrgId));
    else if (filter.within) talent = withinPrefix(talent, 'people.division_code', filter.within);
    const { n: talentFound } = await talent.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const sum = (key: 'activities' | 'peopleServed' | 'problemsSolved') => byMonth.reduce((s, m) => s + m[key], 0);
    return {
      months: filter.months,
      totals: {
        activeMicroOrgs: Number(counts.active ?? 0), backbones: Number(counts.backbones ?? 0), reach: Number(counts.reach ?? 0),
        activities: sum('activities'), peopleServed: sum('peopleServed'), problemsSolved: sum('problemsSolved'), talentFound: Number(talentFound),
      },
      byMonth,
      byKind: byKindRows.map((r) => ({ kind: r.kind as MicroActivityKind, label: microActivityKindLabels[r.kind as MicroActivityKind] ?? r.kind, activities: Number(r.n) })),
    };
  }
}
