import { maskedIdNumber } from './person-state.ts';
import { chinaToday, codeName, DEFAULT_FIVE_ITEMS_MAX_AGE_DAYS, type FactSource, type FiveItem, fiveItemLabels, fiveItemsStatus, hasPermission, maskPhone, sourceLabels, staleCutoff } from '@xinxue/domain';
import { type Expression, type ExpressionBuilder, type Selectable, type SelectQueryBuilder, sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import { engineOf, integerList } from '../../db/dialect.ts';
import type { Database, PersonTable } from '../../db/schema.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { appError } from '../../lib/errors.ts';
import { scopedPeople, withinPrefix } from '../../lib/scope.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';
import { currentState, type FactKind, factKeyLabels, factKindLabels } from './facts.ts';
import { fiveItemDates, fiveItemsClearSql } from './five-items-sql.ts';
import type { PersonWriter } from './person-writer.ts';

export interface PeopleFilter {
  within?: string | undefined;
  gridId?: number | undefined;
  direction?: 'inbound' | 'outbound' | undefined;
  /** Destination province or city as a code prefix (44, 4403). */
  destination?: string | undefined;
  occupationGroup?: string | undefined;
  completeness?: 'complete' | 'incomplete' | undefined;
  /** Only people in the outstanding-people database, or only active cultivation targets. */
  flag?: 'talent' | 'target' | undefined;
  /** Name, pinyin or its initials, the last 4 characters of the ID number, or a phone number. */
  q?: string | undefined;
}

export interface PersonRow {
  id: number;
  name: string;
  idNumberMasked: string | null;
  gender: string | null;
  birthDate: string | null;
  direction: string | null;
  movedOn: string | null;
  divisionCode: string;
  divisionName: string;
  gridId: number | null;
  gridName: string | null;
  originCode: string | null;
  destinationCode: string | null;
  destinationName: string | null;
  employer: string | null;
  occupationGroup: string | null;
  occupationGroupName: string;
  fiveItems: { clear: FiveItem[]; missing: FiveItem[]; stale: FiveItem[]; complete: boolean };
}

type PeopleQuery = SelectQueryBuilder<Database, 'people', object>;
type SearchCondition = (eb: ExpressionBuilder<Database, 'people'>) => Expression<SqlBool>;

/**
 * Identity and the five items as the person page shows them: which fact kind holds each and the
 * keys that make it up, in display order. Work holds two items (work address and occupation).
 */
export const currentItems: readonly { item: 'identity' | FiveItem; label: string; kind: FactKind; keys: readonly string[] }[] = [
  { item: 'identity', label: '身份信息', kind: 'identity', keys: ['name', 'gender', 'birthDate', 'ethnicity', 'education', 'politicalStatus'] },
  { item: 'hukou', label: fiveItemLabels.hukou, kind: 'hukou', keys: ['address', 'divisionCode'] },
  { item: 'movedOn', label: fiveItemLabels.movedOn, kind: 'movement', keys: ['direction', 'movedOn', 'originCode', 'destinationCode', 'destinationText'] },
  { item: 'workAddress', label: fiveItemLabels.workAddress, kind: 'work', keys: ['employer', 'address', 'divisionCode'] },
  { item: 'occupation', label: fiveItemLabels.occupation, kind: 'work', keys: ['occupation', 'occupationGroup'] },
  { item: 'contact', label: fiveItemLabels.contact, kind: 'contact', keys: ['phones', 'wechat', 'qq'] },
];

/**
 * The ids in comma-separated lists of integers, ascending, each once. Read digit by digit into one
 * typed array and sorted natively: a search's thousand ids cost a third of a millisecond as strings
 * in a Set sorted with a comparator.
 */
function distinctIds(lists: readonly string[]): Float64Array {
  let count = 0;
  for (const list of lists) {
    count++;
    for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === 44) count++;
  }
  const ids = new Float64Array(count);
  let n = 0;
  for (const list of lists) {
    let value = 0;
    for (let i = 0; i < list.length; i++) {
      const c = list.charCodeAt(i);
      if (c === 44) {
        ids[n++] = value;
        value = 0;
      } else value = value * 10 + (c - 48);
    }
    ids[n++] = value;
  }
  ids.sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (distinct === 0 || ids[i] !== ids[distinct - 1]) ids[distinct++] = ids[i]!;
  return ids.subarray(0, distinct);
}

/** Reading the ledger: lists, search, a person's page with the history of every value, reveals. */
export class LedgerService {
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

  /** The people query with the scope and the filters applied (merged duplicates left out). */
  filtered(ctx: RequestContext, f: PeopleFilter): PeopleQuery {
    const base = this.narrowed(ctx, f);
    const alternatives = this.searchAlternatives(f.q);
    return alternatives.length === 0 ? base : base.where((eb) => eb.or(alternatives.map((a) => a(eb))));
  }

  /** The scope and every filter but the search text. */
  private narrowed(ctx: RequestContext, f: PeopleFilter): PeopleQuery {
    let q = scopedPeople(this.db.selectFrom('people'), ctx.user.scope).where('people.merged_into', 'is', null) as PeopleQuery;
    if (f.within) q = withinPrefix(q, 'people.division_code', f.within);
    if (f.gridId) q = q.where('people.grid_id', '=', f.gridId);
    if (f.direction) q = q.where('people.direction', '=', f.direction);
    if (f.destination) q = withinPrefix(q, 'people.destination_code', f.destination);
    if (f.occupationGroup) q = q.where('people.occupation_group', '=', f.occupationGroup);
    if (f.completeness) {
      const cutoff = staleCutoff(this.today(), this.fiveItemsMaxAgeDays);
      const clear = fiveItemsClearSql(cutoff);
      q = f.completeness === 'complete' ? q.where(clear) : q.where(sql<SqlBool>`not coalesce(${clear}, false)`);
    }
    if (f.flag === 'talent') q = q.where('people.id', 'in', this.db.selectFrom('talent_entries').select('person_id').where('withdrawn_at', 'is', null));
    if (f.flag === 'target') q = q.where('people.id', 'in', this.db.selectFrom('cultivation_targets').select('person_id').where('status', '=', 'active'));
    return q;
  }

  /** What the search text may mean, as alternative conditions: a person matches any of them (none without a text). */
  private searchAlternatives(text: string | undefined): SearchCondition[] {
    if (!text?.trim()) return [];
    const compact = text.replace(/\s+/g, '');
    if (/^1\d{10}$/.test(compact)) {
      const hash = this.writer.phoneHash(compact);
      return [(eb) => eb('people.id', 'in', this.db.selectFrom('person_lookups').select('person_id').where('kind', '=', 'phone').where('hash', '=', hash))];
    }
    if (/^\d{17}[\dXx]$/.test(compact)) return [(eb) => eb('people.id_number_hash', '=', this.writer.idHash(compact.toUpperCase()))];
    if (/^\d{3}[\dXx]$/.test(compact)) return [(eb) => eb('people.id_last4', '=', compact.toUpperCase())];
    if (/^[a-z]+$/i.test(compact)) {
      const lower = compact.toLowerCase();
      return [(eb) => eb('people.name_initials', '=', lower), (eb) => eb.and([eb('people.name_pinyin', '>=', lower), eb('people.name_pinyin', '<', `${lower}~`)])];
    }
    return [(eb) => eb('people.name', 'like', `%${compact.replace(/[%_]/g, '')}%`)];
  }

  async list(ctx: RequestContext, f: PeopleFilter, page: number, pageSize: number): Promise<{ items: PersonRow[]; total: number }> {
    const base = this.narrowed(ctx, f);
    const alternatives = this.searchAlternatives(f.q);
    const { total, ids } = alternatives.length > 1
      ? await this.pageOfAlternatives(base, alternatives, page, pageSize)
      : await this.matchingPage(alternatives.length === 1 ? base.where(alternatives[0]!) : base, page, pageSize);
    const rows = ids.length === 0 ? [] : await this.db
      .selectFrom('people')
      .leftJoin('grids', 'grids.id', 'people.grid_id')
      .selectAll('people')
      .select('grids.name as grid_name')
      .where('people.id', 'in', ids)
      .orderBy('people.id', 'desc')
      .execute();
    const names = await this.divisions.names(rows.flatMap((r) => [r.division_code, r.destination_code ?? '']).filter(Boolean));
    await this.auditLog.record(actorOf(ctx), { action: 'people.search', objectType: 'person', objectIds: rows.map((r) => r.id), detail: { filter: { ...f, q: f.q ? '（已隐去）' : undefined }, total } });
    const today = this.today();
    return { items: rows.map((r) => this.row(r, names, today)), total };
  }

  /**
   * The total and one page's ids, newest first, in one statement: the count rides along as a window
   * over the matches. A count and a page each walked every match, and were two thirds of a search's
   * time at a million people; one walk costs about 20 % less. A page past the end has no row to
   * carry the total, so then the total is counted on its own.
   */
  private async matchingPage(base: PeopleQuery, page: number, pageSize: number): Promise<{ total: number; ids: number[] }> {
    const rows = await base
      .select((eb) => ['people.id', eb.fn.countAll<number>().over().as('total')])
      .orderBy('people.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    if (rows.length > 0) return { total: Number(rows[0]!.total), ids: rows.map((r) => r.id) };
    if (page === 1) return { total: 0, ids: [] };
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    return { total: Number(total), ids: [] };
  }

  /**
   * The page when the text has several meanings (pinyin initials, or the start of the pinyin): each
   * meaning's ids come from its own index alone, each list as one value, and their union is counted
   * and paged here. One statement with an OR made SQLite read every match's table row to re-check
   * the OR (random reads across a million rows), and one row object per id cost as much again; at a
   * million people this way takes about half the time.
   */
  private async pageOfAlternatives(base: PeopleQuery, alternatives: SearchCondition[], page: number, pageSize: number): Promise<{ total: number; ids: number[] }> {
    const engine = engineOf(this.db);
    const lists: string[] = [];
    for (const alternative of alternatives) {
      const { ids } = await base.where(alternative).select(integerList(engine, 'people.id').as('ids')).executeTakeFirstOrThrow();
      if (ids) lists.push(ids);
    }
    const ascending = distinctIds(lists);
    const ids: number[] = [];
    for (let i = ascending.length - 1 - (page - 1) * pageSize; i >= 0 && ids.length < pageSize; i--) ids.push(ascending[i]!);
    return { total: ascending.length, ids };
  }

  private row(r: Selectable<PersonTable> & { grid_name: string | null }, names: Map<string, string>, today = this.today()): PersonRow {
    return {
      id: r.id,
      name: r.name,
      idNumberMasked: maskedIdNumber(this.crypto, r),
      gender: r.gender,
      birthDate: r.birth_date,
      direction: r.direction,
      movedOn: r.moved_on,
      divisionCode: r.division_code,
      divisionName: names.get(r.division_code) ?? r.division_code,
      gridId: r.grid_id,
      gridName: r.grid_name,
      originCode: r.origin_code,
      destinationCode: r.destination_code,
      destinationName: r.destination_code ? (names.get(r.destination_code) ?? null) : null,
      employer: r.employer,
      occupationGroup: r.occupation_group,
      occupationGroupName: codeName('occupationGroup', r.occupation_group),
      fiveItems: fiveItemsStatus(fiveItemDates(r), today, this.fiveItemsMaxAgeDays),
    };
  }

  /** Loads a person the caller may see; OUT_OF_SCOPE when it exists elsewhere. */
  async loadInScope(ctx: RequestContext, id: number) {
    const row = await scopedPeople(this.db.selectFrom('people').selectAll(), ctx.user.scope).where('people.id', '=', id).executeTakeFirst();
    if (row) return row;
    const exists = await this.db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst();
    throw exists ? appError('OUT_OF_SCOPE', '该人员不在您的管辖范围内') : appError('PERSON_NOT_FOUND');
  }

  async detail(ctx: RequestContext, id: number) {
    const person = await this.loadInScope(ctx, id);
    const group = await this.writer.group(this.db, person.merged_into ?? person.id);
    const facts = await this.writer.loadFacts(this.db, group);
    const grid = person.grid_id ? await this.db.selectFrom('grids').select('name').where('id', '=', person.grid_id).executeTakeFirst() : undefined;
    const codes = new Set<string>([person.division_code]);
    for (const f of facts) for (const [k, v] of Object.entries(f.value)) if (/Code$/.test(k) && typeof v === 'string') codes.add(v);
    const names = await this.divisions.names(codes);
    const display = (kind: FactKind, key: string, value: string | string[]): string => {
      if (key === 'phones' && Array.isArray(value)) return value.map(maskPhone).join('、');
      if (Array.isArray(value)) return value.join('、');
      if (/Code$/.test(key)) return names.get(value) ?? value;
      if (kind === 'identity' && key === 'gender') return codeName('gender', value);
      if (kind === 'identity' && key === 'ethnicity') return codeName('ethnicity', value);
      if (kind === 'identity' && key === 'education') return codeName('education', value);
      if (kind === 'identity' && key === 'politicalStatus') return codeName('politicalStatus', value);
      if (key === 'occupationGroup') return codeName('occupationGroup', value);
      if (key === 'direction') return value === 'inbound' ? '流入' : '流出';
      return value;
    };
    const reviews = await this.db.selectFrom('review_items').select(['id', 'kind', 'status', 'score', 'created_at']).where('person_id', 'in', group).where('status', '=', 'open').execute();
    const merges = await this.db.selectFrom('person_merges').selectAll().where((eb) => eb.or([eb('survivor_id', '=', person.id), eb('merged_id', '=', person.id)])).orderBy('id', 'desc').execute();
    await this.auditLog.record(actorOf(ctx), { action: 'person.read', objectType: 'person', objectIds: [person.id] });
    const row = this.row({ ...person, grid_name: grid?.name ?? null }, names);
    // Current values from the same rule the ledger's own columns use (currentState), each with its source.
    const state = currentState(facts);
    const current = currentItems.map(({ item, label, kind, keys }) => ({
      item,
      label,
      values: keys.flatMap((key) => {
        const v = state.get(kind)?.get(key);
        if (!v) return [];
        const source = v.source as FactSource;
        return [{ key, label: factKeyLabels[key] ?? key, value: display(kind, key, v.value), source, sourceLabel: sourceLabels[source] ?? source, validFrom: v.validFrom, recordedAt: v.recordedAt }];
      }),
    }));
    return {
      ...row,
      mergedInto: person.merged_into,
      ethnicity: codeName('ethnicity', person.ethnicity),
      education: codeName('education', person.education),
      politicalStatus: codeName('politicalStatus', person.political_status),
      canReveal: hasPermission(ctx.user.role, 'pii:reveal'),
      current,
      history: facts
        .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || b.id - a.id)
        .map((f) => ({
          id: f.id,
          kind: f.kind,
          kindLabel: factKindLabels[f.kind],
          validFrom: f.validFrom,
          recordedAt: f.recordedAt,
          source: f.source,
          sourceLabel: sourceLabels[f.source as FactSource] ?? f.source,
          status: f.status,
          values: Object.entries(f.value).map(([key, value]) => ({ key, label: factKeyLabels[key] ?? key, value: display(f.kind, key, value) })),
        })),
      openReviews: reviews.map((r) => ({ id: r.id, kind: r.kind, score: r.score, createdAt: r.created_at })),
      merges: merges.map((m) => ({ id: m.id, survivorId: m.survivor_id, mergedId: m.merged_id, reason: m.reason, at: m.at, undoneAt: m.undone_at })),
    };
  }

  /** Shows an ID number or the phones in full: needs pii:reveal and a reason, and is logged. */
  async reveal(ctx: RequestContext, id: number, field: 'idNumber' | 'phones', reason: string): Promise<string | null> {
    if (!hasPermission(ctx.user.role, 'pii:reveal')) throw appError('FORBIDDEN');
    if (reason.trim().length < 4) throw appError('REASON_REQUIRED', '查看完整信息须填写不少于4个字的理由', { field: 'reason' });
    const person = await this.loadInScope(ctx, id);
    let value: string | null = null;
    if (field === 'idNumber') value = person.id_number_enc ? this.crypto.decrypt(person.id_number_enc) : null;
    else {
      const facts = await this.writer.loadFacts(this.db, await this.writer.group(this.db, person.id));
      const phones = new Set<string>();
      for (const f of facts) if (f.kind === 'contact' && f.status === 'active') for (const p of (f.value.phones as string[] | undefined) ?? []) phones.add(p);
      value = phones.size ? [...phones].join('、') : null;
    }
    await this.auditLog.record(actorOf(ctx), { action: 'person.reveal', objectType: 'person', objectIds: [id], detail: { field, reason: reason.trim() } });
    return value;
  }

  /** Five-items completeness aggregated by grid or by division level below a prefix. */
  async completeness(ctx: RequestContext, within: string, by: 'grid' | 'village' | 'township' | 'county') {
    const cutoff = staleCutoff(this.today(), this.fiveItemsMaxAgeDays);
    const length = { county: 6, township: 9, village: 12, grid: 12 }[by];
    const ok = (col: 'hukou_at' | 'movement_at' | 'work_address_at' | 'occupation_at' | 'contact_at') => sql<number>`sum(case when ${sql.ref(`people.${col}`)} >= ${cutoff} then 1 else 0 end)`;
    const key = by === 'grid' ? sql<string>`cast(coalesce(people.grid_id, 0) as text)` : sql<string>`substr(people.division_code, 1, ${sql.lit(length)})`;
    let q = scopedPeople(this.db.selectFrom('people'), ctx.user.scope).where('people.merged_into', 'is', null);
    q = withinPrefix(q, 'people.division_code', within);
    const rows = await q
      .select([
        key.as('key'),
        (eb) => eb.fn.countAll<number>().as('total'),
        ok('hukou_at').as('hukou'),
        ok('movement_at').as('movedOn'),
        ok('work_address_at').as('workAddress'),
        ok('occupation_at').as('occupation'),
        ok('contact_at').as('contact'),
        sql<number>`sum(case when ${fiveItemsClearSql(cutoff)} then 1 else 0 end)`.as('complete'),
      ])
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute();
    let names: Map<string, string>;
    if (by === 'grid') {
      const grids = await this.db.selectFrom('grids').innerJoin('divisions', 'divisions.code', 'grids.division_code').select(['grids.id', 'grids.name', 'divisions.name as village']).where('grids.id', 'in', [0, ...rows.map((r) => Number(r.key))]).execute();
      names = new Map(grids.map((g) => [String(g.id), `${g.village} ${g.name}`]));
      names.set('0', '未分网格');
    } else names = await this.divisions.names(rows.map((r) => r.key.padEnd(12, '0')));
    return rows.map((r) => ({
      key: r.key,
      name: names.get(by === 'grid' ? r.key : r.key.padEnd(12, '0')) ?? r.key,
      total: Number(r.total),
      complete: Number(r.complete),
      items: { hukou: Number(r.hukou), movedOn: Number(r.movedOn), workAddress: Number(r.workAddress), occupation: Number(r.occupation), contact: Number(r.contact) },
    }));
  }
}
