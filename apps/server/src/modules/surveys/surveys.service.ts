import { chinaToday, DEFAULT_FIVE_ITEMS_MAX_AGE_DAYS, fiveItemsStatus, isWithinScope, maskPhone, staleCutoff, toDivisionCode12 } from '@xinxue/domain';
import { fiveItemDates, fiveItemsClearSql } from '../ledger/five-items-sql.ts';
import { type Expression, type SelectQueryBuilder, sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import { LOCK_KEYS, takeWriteLock } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { appError } from '../../lib/errors.ts';
import { assertInScope, type Scope, scopedPeople, scopedTo, withinPrefix } from '../../lib/scope.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';
import { currentState } from '../ledger/facts.ts';
import type { PersonWriter } from '../ledger/person-writer.ts';
import { type CheckOutcome, checkFacts, type Corrections, factRow, validateCorrections } from './survey-facts.ts';

export interface GridProgress {
  gridId: number;
  gridName: string;
  divisionCode: string;
  divisionName: string;
  total: number;
  checked: number;
  confirmed: number;
  corrected: number;
  notFound: number;
  movedAway: number;
  /** People whose five items are all present and recent enough (the ledger's cut-off). */
  complete: number;
  /** Checked people as a share of the grid's people, 0–100. */
  percent: number;
}

type GridCounts = Pick<GridProgress, 'total' | 'checked' | 'confirmed' | 'corrected' | 'notFound' | 'movedAway' | 'complete'>;

export interface SurveyView {
  id: number;
  name: string;
  startsOn: string;
  dueOn: string;
  divisionCode: string;
  divisionName: string;
  status: 'open' | 'closed';
  createdAt: string;
  /** When it was closed and by whom; while closed, the figures are those frozen at the close. */
  closedAt: string | null;
  closedBy: string | null;
  totals: Omit<GridProgress, 'gridId' | 'gridName' | 'divisionCode' | 'divisionName'>;
  grids: GridProgress[];
}

export interface CreateSurveyInput {
  name: string;
  startsOn: string;
  dueOn: string;
  gridIds?: number[] | undefined;
  within?: string | undefined;
}

export interface CheckInput {
  personId: number;
  outcome: CheckOutcome;
  note?: string | undefined;
  destination?: string | undefined;
  corrections?: Corrections | undefined;
}

/** A survey may cover a whole county; more grids than this is better split by township. */
const MAX_GRIDS = 2000;

const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/**
 * Surveys (清查): a campaign over a set of grids in which grid workers confirm or correct every
 * person. A survey is visible through its grids: whoever may see one of its grids sees the survey
 * and the progress of the grids they may see (a grid worker only their own grids).
 */
export class SurveysService {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
    private readonly writer: PersonWriter,
    private readonly divisions: DivisionsService,
    private readonly auditLog: AuditLogService,
    readonly fiveItemsMaxAgeDays = DEFAULT_FIVE_ITEMS_MAX_AGE_DAYS,
  ) {}

  private today(): string {
    return chinaToday();
  }

  /** Ids of the grids the scope covers: by division, and for a grid worker only their assigned grids. */
  private gridsInScope(scope: Scope) {
    const q = scopedTo(this.db.selectFrom('grids').select('grids.id'), 'grids.division_code', scope);
    return scope.gridWorkerId ? q.where('grids.id', 'in', this.db.selectFrom('grid_workers').select('grid_workers.grid_id').where('grid_workers.user_id', '=', scope.gridWorkerId)) : q;
  }

  private visibleSurveys(scope: Scope) {
    return this.db
      .selectFrom('surveys')
      .selectAll('surveys')
      .where(({ exists, selectFrom }) => exists(selectFrom('survey_grids').select('survey_grids.grid_id').whereRef('survey_grids.survey_id', '=', 'surveys.id').where('survey_grids.grid_id', 'in', this.gridsInScope(scope))));
  }

  /** Loads a survey the caller may see; OUT_OF_SCOPE when it exists elsewhere. */
  private async loadVisible(ctx: RequestContext, id: number) {
    const row = await this.visibleSurveys(ctx.user.scope).where('surveys.id', '=', id).executeTakeFirst();
    if (row) return row;
    const exists = await this.db.selectFrom('surveys').select('id').where('id', '=', id).executeTakeFirst();
    throw exists ? appError('OUT_OF_SCOPE', '该清查不在您的管辖范围内') : appError('SURVEY_NOT_FOUND');
  }

  async create(ctx: RequestContext, input: CreateSurveyInput): Promise<SurveyView> {
    const name = input.name.trim();
    if (!name || Array.from(name).length > 60) throw appError('VALIDATION_FAILED', '清查名称须为1至60个字', { field: 'name' });
    if (input.dueOn < input.startsOn) throw appError('VALIDATION_FAILED', '截止日期不能早于开始日期', { field: 'dueOn' });
    if (Boolean(input.gridIds?.length) === Boolean(input.within)) throw appError('VALIDATION_FAILED', '请选择网格，或选择一个区域（覆盖其下全部网格）', { field: 'gridIds' });
    const scope = ctx.user.scope;
    let grids: { id: number; name: string; division_code: string }[];
    if (input.within) {
      if (!toDivisionCode12(input.within)) throw appError('VALIDATION_FAILED', '区域须为行政区划代码', { field: 'within' });
      const division = await this.divisions.names([input.within.padEnd(12, '0')]);
      assertInScope(input.within.padEnd(12, '0'), scope, `“${division.get(input.within.padEnd(12, '0')) ?? input.within}”`);
      grids = await withinPrefix(scopedTo(this.db.selectFrom('grids').select(['id', 'name', 'division_code']), 'division_code', scope), 'division_code', input.within)
        .where('retired_at', 'is', null)
        .orderBy('id')
        .limit(MAX_GRIDS + 1)
        .execute();
      if (!grids.length) throw appError('VALIDATION_FAILED', '所选区域内还没有网格', { field: 'within' });
    } else {
      const ids = [...new Set(input.gridIds!)];
      grids = await this.db.selectFrom('grids').select(['id', 'name', 'division_code']).where('id', 'in', ids).where('retired_at', 'is', null).execute();
      const missing = ids.find((id) => !grids.some((g) => g.id === id));
      if (missing !== undefined) throw appError('GRID_NOT_FOUND', `网格（编号${missing}）不存在`, { field: 'gridIds' });
      for (const g of grids) assertInScope(g.division_code, scope, `网格“${g.name}”`);
    }
    if (grids.length > MAX_GRIDS) throw appError('VALIDATION_FAILED', `一次清查最多覆盖${MAX_GRIDS}个网格，请选择更小的区域`, { field: 'within' });
    const divisionCode = input.within ? input.within.padEnd(12, '0') : commonDivision(grids.map((g) => g.division_code));
    const now = new Date().toISOString();
    const id = await this.db.transaction().execute(async (tx) => {
      const { id: surveyId } = await tx
        .insertInto('surveys')
        .values({ name, starts_on: input.startsOn, due_on: input.dueOn, division_code: divisionCode, status: 'open', created_by: ctx.user.id, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < grids.length; i += 500) {
        await tx.insertInto('survey_grids').values(grids.slice(i, i + 500).map((g) => ({ survey_id: surveyId, grid_id: g.id }))).execute();
      }
      await this.auditLog.append(tx, actorOf(ctx), { action: 'survey.create', objectType: 'survey', objectIds: [surveyId], detail: { name, startsOn: input.startsOn, dueOn: input.dueOn, divisionCode, grids: grids.length } });
      return surveyId;
    });
    return this.detail(ctx, id);
  }

  async list(ctx: RequestContext, status?: 'open' | 'closed'): Promise<SurveyView[]> {
    let q = this.visibleSurveys(ctx.user.scope);
    if (status) q = q.where('surveys.status', '=', status);
    const rows = await q.orderBy('surveys.id', 'desc').limit(100).execute();
    return this.views(ctx, rows);
  }

  /**
   * Who may close or reopen a survey: whoever may manage surveys (grids:write, checked by the route)
   * and whose scope covers every grid of it — a survey a city user made over two counties is not
   * closed by one of them.
   */
  private async loadManageable(ctx: RequestContext, id: number) {
    const survey = await this.loadVisible(ctx, id);
    const outside = await this.db
      .selectFrom('survey_grids')
      .select('grid_id')
      .where('survey_id', '=', id)
      .where('grid_id', 'not in', this.gridsInScope(ctx.user.scope))
      .executeTakeFirst();
    if (outside) throw appError('OUT_OF_SCOPE', '该清查含有您管辖范围以外的网格，只能由管辖全部网格的单位结束或重新开启');
    return survey;
  }

  /**
   * Closes a survey: no more checks, and each grid's figures are frozen as they stand now, so the
   * closed survey keeps its result when people later move, merge or are checked in another survey.
   * The status update comes first in the transaction: on PostgreSQL it locks the survey row, which a
   * check also updates, so a check either commits before the figures are taken or is refused.
   */
  async close(ctx: RequestContext, id: number): Promise<SurveyView> {
    const survey = await this.loadManageable(ctx, id);
    if (survey.status === 'closed') throw appError('CONFLICT', '该清查已经结束');
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (tx) => {
      const updated = await tx.updateTable('surveys').set({ status: 'closed', closed_at: now, closed_by: ctx.user.id }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      if (!Number(updated.numUpdatedRows)) throw appError('CONFLICT', '该清查已经结束');
      const counts = await this.gridCounts(tx, ctx.user.scope, [id]);
      const gridIds = (await tx.selectFrom('survey_grids').select('grid_id').where('survey_id', '=', id).execute()).map((g) => g.grid_id);
      const rows = gridIds.map((gridId) => {
        const c = counts.get(`${id}:${gridId}`);
        return {
          survey_id: id, grid_id: gridId, total: c?.total ?? 0, checked: c?.checked ?? 0, confirmed: c?.confirmed ?? 0, corrected: c?.corrected ?? 0,
          not_found: c?.notFound ?? 0, moved_away: c?.movedAway ?? 0, complete: c?.complete ?? 0,
        };
      });
      for (let i = 0; i < rows.length; i += 500) await tx.insertInto('survey_grid_results').values(rows.slice(i, i + 500)).execute();
      const sum = (key: 'total' | 'checked' | 'complete') => rows.reduce((s, r) => s + r[key], 0);
      await this.auditLog.append(tx, actorOf(ctx), { action: 'survey.close', objectType: 'survey', objectIds: [id], detail: { name: survey.name, grids: rows.length, total: sum('total'), checked: sum('checked'), complete: sum('complete') } });
    });
    return this.detail(ctx, id);
  }

  /** Reopens a closed survey: checks are taken again and its figures are live again. */
  async reopen(ctx: RequestContext, id: number, reason?: string): Promise<SurveyView> {
    const survey = await this.loadManageable(ctx, id);
    if (survey.status === 'open') throw appError('CONFLICT', '该清查正在进行，无需重新开启');
    await this.db.transaction().execute(async (tx) => {
      const updated = await tx.updateTable('surveys').set({ status: 'open', closed_at: null, closed_by: null }).where('id', '=', id).where('status', '=', 'closed').executeTakeFirst();
      if (!Number(updated.numUpdatedRows)) throw appError('CONFLICT', '该清查正在进行，无需重新开启');
      // The frozen figures were a copy for display; the audit log keeps what they were at the close.
      await tx.deleteFrom('survey_grid_results').where('survey_id', '=', id).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'survey.reopen', objectType: 'survey', objectIds: [id], detail: { name: survey.name, closedAt: survey.closed_at, reason: reason?.trim() || undefined } });
    });
    return this.detail(ctx, id);
  }

  async detail(ctx: RequestContext, id: number): Promise<SurveyView> {
    const [view] = await this.views(ctx, [await this.loadVisible(ctx, id)]);
    return view!;
  }

  /** Five items all present and recorded since the cut-off: the ledger's completeness, as SQL. */
  private completeSql(): Expression<SqlBool> {
    const cutoff = staleCutoff(this.today(), this.fiveItemsMaxAgeDays);
    return fiveItemsClearSql(cutoff);
  }

  /** People of a survey's grids (in scope, not merged) with their latest check in that survey. */
  private surveyPeople(scope: Scope, surveyIds: number[], db: Db = this.db) {
    const latest = db.selectFrom('survey_checks').select(['survey_id', 'person_id', (eb) => eb.fn.max('id').as('check_id')]).where('survey_id', 'in', surveyIds).groupBy(['survey_id', 'person_id']);
    const q = db
      .selectFrom('survey_grids')
      .innerJoin('people', 'people.grid_id', 'survey_grids.grid_id')
      .leftJoin(latest.as('latest'), (join) => join.onRef('latest.survey_id', '=', 'survey_grids.survey_id').onRef('latest.person_id', '=', 'people.id'))
      .leftJoin('survey_checks as c', 'c.id', 'latest.check_id')
      .where('survey_grids.survey_id', 'in', surveyIds)
      .where('survey_grids.grid_id', 'in', this.gridsInScope(scope))
      .where('people.merged_into', 'is', null);
    return scopedPeople(q, scope);
  }

  /** Live figures per survey and grid, as the scope sees them: key `surveyId:gridId`. */
  private async gridCounts(db: Db, scope: Scope, surveyIds: number[]): Promise<Map<string, GridCounts>> {
    const count = (outcome: CheckOutcome) => sql<number>`sum(case when c.outcome = ${outcome} then 1 else 0 end)`;
    const rows = await this.surveyPeople(scope, surveyIds, db)
      .select([
        'survey_grids.survey_id as surveyId',
        'survey_grids.grid_id as gridId',
        (eb) => eb.fn.countAll<number>().as('total'),
        sql<number>`sum(case when c.id is not null then 1 else 0 end)`.as('checked'),
        count('confirmed').as('confirmed'),
        count('corrected').as('corrected'),
        count('notFound').as('notFound'),
        count('movedAway').as('movedAway'),
        sql<number>`sum(case when ${this.completeSql()} then 1 else 0 end)`.as('complete'),
      ])
      .groupBy(['survey_grids.survey_id', 'survey_grids.grid_id'])
      .execute();
    const n = (v: unknown) => Number(v ?? 0);
    return new Map(
      rows.map((c) => [
        `${c.surveyId}:${c.gridId}`,
        { total: n(c.total), checked: n(c.checked), confirmed: n(c.confirmed), corrected: n(c.corrected), notFound: n(c.notFound), movedAway: n(c.movedAway), complete: n(c.complete) },
      ]),
    );
  }

  /** A closed survey's figures as frozen at the close: key `surveyId:gridId`. */
  private async frozenCounts(surveyIds: number[]): Promise<Map<string, GridCounts>> {
    if (!surveyIds.length) return new Map<string, GridCounts>();
    const rows = await this.db.selectFrom('survey_grid_results').selectAll().where('survey_id', 'in', surveyIds).execute();
    return new Map(
      rows.map((r) => [
        `${r.survey_id}:${r.grid_id}`,
        { total: Number(r.total), checked: Number(r.checked), confirmed: Number(r.confirmed), corrected: Number(r.corrected), notFound: Number(r.not_found), movedAway: Number(r.moved_away), complete: Number(r.complete) },
      ]),
    );
  }

  private async views(ctx: RequestContext, rows: { id: number; name: string; starts_on: string; due_on: string; division_code: string; status: 'open' | 'closed'; created_at: string; closed_at: string | null; closed_by: number | null }[]): Promise<SurveyView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const scope = ctx.user.scope;
    const grids = await this.db
      .selectFrom('survey_grids')
      .innerJoin('grids', 'grids.id', 'survey_grids.grid_id')
      .select(['survey_grids.survey_id', 'grids.id', 'grids.name', 'grids.division_code'])
      .where('survey_grids.survey_id', 'in', ids)
      .where('survey_grids.grid_id', 'in', this.gridsInScope(scope))
      .orderBy('grids.division_code')
      .orderBy('grids.id')
      .execute();
    const openIds = rows.filter((r) => r.status === 'open').map((r) => r.id);
    const closedIds = rows.filter((r) => r.status === 'closed').map((r) => r.id);
    const live = openIds.length ? await this.gridCounts(this.db, scope, openIds) : new Map<string, GridCounts>();
    const frozen = await this.frozenCounts(closedIds);
    const byKey = new Map([...live, ...frozen]);
    const closers = rows.flatMap((r) => (r.closed_by ? [r.closed_by] : []));
    const closerNames = new Map(closers.length ? (await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', closers).execute()).map((u) => [u.id, u.display_name]) : []);
    const names = await this.divisions.names([...rows.map((r) => r.division_code), ...grids.map((g) => g.division_code)]);
    return rows.map((r) => {
      const progress: GridProgress[] = grids
        .filter((g) => g.survey_id === r.id)
        .map((g) => {
          const c = byKey.get(`${r.id}:${g.id}`);
          const total = c?.total ?? 0;
          const checked = c?.checked ?? 0;
          return {
            gridId: g.id, gridName: g.name, divisionCode: g.division_code, divisionName: names.get(g.division_code) ?? g.division_code,
            total, checked, confirmed: c?.confirmed ?? 0, corrected: c?.corrected ?? 0, notFound: c?.notFound ?? 0, movedAway: c?.movedAway ?? 0, complete: c?.complete ?? 0, percent: ratio(checked, total),
          };
        });
      const sum = (key: 'total' | 'checked' | 'confirmed' | 'corrected' | 'notFound' | 'movedAway' | 'complete') => progress.reduce((s, g) => s + g[key], 0);
      const totals = { total: sum('total'), checked: sum('checked'), confirmed: sum('confirmed'), corrected: sum('corrected'), notFound: sum('notFound'), movedAway: sum('movedAway'), complete: sum('complete'), percent: 0 };
      totals.percent = ratio(totals.checked, totals.total);
      return {
        id: r.id, name: r.name, startsOn: r.starts_on, dueOn: r.due_on, divisionCode: r.division_code, divisionName: names.get(r.division_code) ?? r.division_code,
        status: r.status, createdAt: r.created_at, closedAt: r.closed_at, closedBy: r.closed_by ? (closerNames.get(r.closed_by) ?? null) : null, totals, grids: progress,
      };
    });
  }

  /** The people of a survey's grids the caller may see, with their check state; unchecked first. */
  async people(ctx: RequestContext, surveyId: number, f: { gridId?: number | undefined; state?: 'all' | 'unchecked' | 'checked' | undefined; page: number; pageSize: number }) {
    await this.loadVisible(ctx, surveyId);
    let base = this.surveyPeople(ctx.user.scope, [surveyId]) as SelectQueryBuilder<Database & { c: Database['survey_checks'] }, 'survey_grids' | 'people' | 'c', object>;
    if (f.gridId) base = base.where('people.grid_id', '=', f.gridId);
    if (f.state === 'unchecked') base = base.where('c.id', 'is', null);
    if (f.state === 'checked') base = base.where('c.id', 'is not', null);
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await base
      .innerJoin('grids', 'grids.id', 'people.grid_id')
      .leftJoin('users', 'users.id', 'c.checked_by')
      .select([
        'people.id', 'people.name', 'people.gender', 'people.birth_date', 'people.direction', 'people.moved_on', 'people.employer', 'people.grid_id', 'grids.name as grid_name',
        'people.hukou_at', 'people.movement_at', 'people.work_address_at', 'people.occupation_at', 'people.contact_at',
        'c.outcome', 'c.checked_at', 'c.note', 'c.destination', 'users.display_name as checked_by_name',
      ])
      .orderBy(sql`case when c.id is null then 0 else 1 end`)
      .orderBy('people.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    const today = this.today();
    const items = [];
    for (const r of rows) {
      // What the grid worker is asked to confirm: the current values, phones masked.
      const state = currentState(await this.writer.loadFacts(this.db, await this.writer.group(this.db, r.id)));
      const text = (kind: 'work' | 'residence' | 'hukou', key: string) => {
        const v = state.get(kind)?.get(key)?.value;
        return typeof v === 'string' ? v : null;
      };
      const phones = state.get('contact')?.get('phones')?.value;
      items.push({
        id: r.id, name: r.name, gender: r.gender, birthDate: r.birth_date, direction: r.direction, gridId: r.grid_id!, gridName: r.grid_name,
        current: {
          employer: r.employer, workAddress: text('work', 'address'), occupation: text('work', 'occupation'), residenceAddress: text('residence', 'address'),
          hukouAddress: text('hukou', 'address'), movedOn: r.moved_on, phones: Array.isArray(phones) ? phones.map(maskPhone) : [],
        },
        fiveItems: fiveItemsStatus(fiveItemDates(r), today, this.fiveItemsMaxAgeDays),
        check: r.outcome ? { outcome: r.outcome, checkedAt: r.checked_at!, checkedBy: r.checked_by_name, note: r.note, destination: r.destination } : null,
      });
    }
    await this.auditLog.record(actorOf(ctx), { action: 'survey.people.read', objectType: 'person', objectIds: items.map((i) => i.id), detail: { surveyId, gridId: f.gridId, state: f.state, total: Number(total) } });
    return { items, total: Number(total) };
  }

  /**
   * Records a check. Confirmed or corrected, the person's five items are restated by the grid worker
   * (corrections replacing what they correct), so the ledger shows them as recorded today with source
   * 网格员. The facts are appended to this person directly rather than through `PersonWriter.apply`,
   * whose matching (ID number, fingerprint, score) could link a record without an ID number elsewhere.
   */
  async check(ctx: RequestContext, surveyId: number, input: CheckInput) {
    const survey = await this.loadVisible(ctx, surveyId);
    if (survey.status !== 'open') throw closedError(survey.closed_at);
    const person = await scopedPeople(this.db.selectFrom('people').select(['people.id', 'people.name', 'people.grid_id', 'people.merged_into', 'people.division_code']), ctx.user.scope).where('people.id', '=', input.personId).executeTakeFirst();
    if (!person) {
      const exists = await this.db.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst();
      throw exists ? appError('OUT_OF_SCOPE', '该人员不在您的管辖范围内') : appError('PERSON_NOT_FOUND', undefined, { field: 'personId' });
    }
    if (person.merged_into !== null) throw appError('PERSON_NOT_FOUND', '该人员已合并到另一条记录，请核查合并后的人员', { field: 'personId' });
    const covered = person.grid_id !== null && (await this.db.selectFrom('survey_grids').select('grid_id').where('survey_id', '=', surveyId).where('grid_id', '=', person.grid_id).executeTakeFirst());
    if (!covered) throw appError('SURVEY_PERSON_NOT_COVERED');
    const today = this.today();
    const corrections = input.outcome === 'corrected' ? (input.corrections ?? {}) : {};
    const record = input.outcome === 'corrected' ? validateCorrections(person.name, corrections, today) : null;
    const writesFacts = input.outcome === 'confirmed' || input.outcome === 'corrected';
    const now = new Date().toISOString();
    const checkId = await this.db.transaction().execute(async (tx) => {
      // Touching the survey row while it is open serialises a check with a concurrent close (see close()).
      const open = await tx.updateTable('surveys').set({ status: 'open' }).where('id', '=', surveyId).where('status', '=', 'open').executeTakeFirst();
      if (!Number(open.numUpdatedRows)) throw closedError(new Date().toISOString());
      let factCount = 0;
      if (writesFacts) {
        // Same lock as imports: a batch must not compute this person's state from facts this check is changing.
        await takeWriteLock(tx, LOCK_KEYS.ledgerWrite);
        const facts = await this.writer.loadFacts(tx, await this.writer.group(tx, person.id));
        const rows = checkFacts(currentState(facts), record, corrections).map((f) => factRow(person.id, f, { today, now, userId: ctx.user.id }, { hash: (k, v) => this.writer.valueHash(k, v), encrypt: (t) => this.crypto.encrypt(t) }));
        if (rows.length) await tx.insertInto('person_facts').values(rows).execute();
        factCount = rows.length;
        if (record?.phones.length) {
          await tx.insertInto('person_lookups').values(record.phones.map((p) => ({ person_id: person.id, kind: 'phone', hash: this.writer.phoneHash(p) }))).onConflict((oc) => oc.doNothing()).execute();
        }
        await this.writer.refresh(tx, person.id, await this.writer.loadFacts(tx, await this.writer.group(tx, person.id)), null, now);
      }
      const corrected = Object.keys(corrections).filter((k) => corrections[k as keyof Corrections]?.trim());
      const { id } = await tx
        .insertInto('survey_checks')
        .values({
          survey_id: surveyId, person_id: person.id, grid_id: person.grid_id, outcome: input.outcome, note: input.note?.trim() || null,
          destination: input.outcome === 'movedAway' ? input.destination?.trim() || null : null, corrected_fields: corrected.length ? corrected.join(',') : null,
          checked_by: ctx.user.id, checked_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Field names only: the values (a phone) are personal data and live encrypted in the facts.
      await this.auditLog.append(tx, actorOf(ctx), { action: 'survey.check', objectType: 'person', objectIds: [person.id], detail: { surveyId, checkId: id, outcome: input.outcome, corrected, facts: factCount } });
      return id;
    });
    return { checkId, outcome: input.outcome, checkedAt: now };
  }
}

/** The refusal of a check in a closed survey, with the date it closed. */
function closedError(closedAt: string | null) {
  const on = closedAt ? `已于${chinaToday(new Date(closedAt))}` : '已';
  return appError('SURVEY_CLOSED', `该清查${on}结束，不能再登记核查结果；如确需补查，请联系组织清查的单位重新开启`);
}

/** The smallest division (by level) that holds all the codes, as a 12-digit code. */
export function commonDivision(codes: string[]): string {
  for (const length of [12, 9, 6, 4, 2]) {
    const prefix = codes[0]!.slice(0, length);
    if (codes.every((c) => c.startsWith(prefix)) && isWithinScope(codes[0]!, prefix)) return prefix.padEnd(12, '0');
  }
  return '000000000000';
}
