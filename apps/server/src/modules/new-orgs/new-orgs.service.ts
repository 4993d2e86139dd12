import {
  blankSpotAdvice, type BlankSpotAdvice, blankSpotAdviceLabels, checkUscc, chinaToday, type Formation, formationLabels, industries, type IndustryCode, industryCodes,
  isWithinScope, type NewOrgKind, newOrgKindLabels, newOrgKinds, type NewOrgSource, newOrgSourceLabels, type SizeBand, sizeBandOf, sizeBands,
} from '@xinxue/domain';
import { type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import { type Engine, likeOperator } from '../../db/dialect.ts';
import type { Database, NewOrgTable } from '../../db/schema.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertInScope, scopedTo, withinPrefix } from '../../lib/scope.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';
import { coveredOn, notDeregisteredOn } from './new-org-sql.ts';
import { fingerprintOf, type NewOrgRecord } from './new-org-row.ts';

export interface NewOrgFilter {
  kind?: NewOrgKind | undefined;
  industry?: IndustryCode | undefined;
  /** A division prefix inside the caller's scope. */
  within?: string | undefined;
  sizeBand?: SizeBand | undefined;
  covered?: boolean | undefined;
  /** active (default): not deregistered; deregistered; all. */
  status?: 'active' | 'deregistered' | 'all' | undefined;
  /** Part of the name, or the credit code (or its start). */
  q?: string | undefined;
  sort?: 'division' | 'name' | 'employees' | 'partyMembers' | undefined;
}

export interface NewOrgInput {
  kind: NewOrgKind;
  name: string;
  uscc: string;
  industry: IndustryCode;
  divisionCode: string;
  address?: string | undefined;
  employees: number;
  partyMembers: number;
  registeredOn?: string | null | undefined;
}

export interface CoverageRef {
  orgId: number;
  orgName: string;
  formation: Formation;
}

export interface NewOrgItem {
  id: number;
  name: string;
  uscc: string;
  kind: NewOrgKind;
  kindLabel: string;
  industry: IndustryCode;
  industryLabel: string;
  divisionCode: string;
  divisionName: string;
  employees: number;
  partyMembers: number;
  sizeBand: SizeBand;
  sizeBandLabel: string;
  registeredOn: string | null;
  deregisteredOn: string | null;
  coverage: CoverageRef | null;
}

const MAX_EXPORT_ROWS = 100_000;
const EXPORT_COLUMNS = ['统一社会信用代码', '名称', '组织类别', '所属行业', '所在地区', '住所', '从业人员', '党员人数', '规模', '成立日期', '注销日期', '覆盖党组织', '组建方式', '建议'];
type Row = Selectable<NewOrgTable>;

const sizeBandLabel = (band: SizeBand) => sizeBands.find((b) => b.key === band)!.label;

/**
 * The registry of non-public enterprises and social organizations (两新组织): list, detail with its
 * coverage history, hand entry and edits, deregistration (dated, never deleted) and export. It only
 * reads coverage: the organization tree writes `new_org_coverage`.
 */
export class NewOrgsService {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
    private readonly divisions: DivisionsService,
    private readonly auditLog: AuditLogService,
    private readonly cityPrefix: string,
  ) {}

  /** The scoped, filtered query every list, count and export starts from. */
  filtered(ctx: RequestContext, filter: NewOrgFilter, today = chinaToday()): SelectQueryBuilder<Database, 'new_orgs', object> {
    let q = scopedTo(this.db.selectFrom('new_orgs'), 'new_orgs.division_code', ctx.user.scope);
    if (filter.within) q = withinPrefix(q, 'new_orgs.division_code', filter.within);
    if (filter.kind) q = q.where('new_orgs.kind', '=', filter.kind);
    if (filter.industry) q = q.where('new_orgs.industry', '=', filter.industry);
    if (filter.sizeBand) {
      const band = sizeBands.find((b) => b.key === filter.sizeBand)!;
      q = q.where('new_orgs.employees', '>=', band.min).where('new_orgs.employees', '<=', band.max);
    }
    const status = filter.status ?? 'active';
    if (status === 'active') q = q.where(notDeregisteredOn(today));
    else if (status === 'deregistered') q = q.where(sql<boolean>`not ${notDeregisteredOn(today)}`);
    if (filter.covered !== undefined) q = q.where(filter.covered ? coveredOn(today) : sql<boolean>`not ${coveredOn(today)}`);
    const text = filter.q?.trim().replace(/[%_\\]/g, '');
    if (text) {
      const code = text.toUpperCase();
      q = q.where((eb) => eb.or([eb('new_orgs.name', likeOperator(this.engine), `%${text}%`), ...(/^[0-9A-Z]{4,18}$/.test(code) ? [eb('new_orgs.uscc', '>=', code).and('new_orgs.uscc', '<', `${code}~`)] : [])]));
    }
    return q;
  }

  async list(ctx: RequestContext, filter: NewOrgFilter, page = 1, pageSize = 20): Promise<{ items: NewOrgItem[]; total: number }> {
    const base = this.filtered(ctx, filter);
    const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    let q = base.selectAll('new_orgs');
    switch (filter.sort ?? 'division') {
      case 'name': q = q.orderBy('new_orgs.name'); break;
      case 'employees': q = q.orderBy('new_orgs.employees', 'desc'); break;
      case 'partyMembers': q = q.orderBy('new_orgs.party_members', 'desc'); break;
      default: q = q.orderBy('new_orgs.division_code');
    }
    const rows = await q.orderBy('new_orgs.id').limit(pageSize).offset((page - 1) * pageSize).execute();
    return { items: await this.items(rows), total: Number(n) };
  }

  /** The current covering organization of each unit (the latest started, if several run at once). */
  async currentCoverage(ids: number[], today = chinaToday()): Promise<Map<number, CoverageRef>> {
    const map = new Map<number, CoverageRef>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('new_org_coverage')
        .innerJoin('party_orgs', 'party_orgs.id', 'new_org_coverage.party_org_id')
        .select(['new_org_coverage.new_org_id', 'new_org_coverage.formation', 'new_org_coverage.valid_from', 'party_orgs.id as org_id', 'party_orgs.name as org_name'])
        .where('new_org_coverage.new_org_id', 'in', ids.slice(i, i + 500))
        .where('new_org_coverage.valid_from', '<=', today)
        .where((eb) => eb.or([eb('new_org_coverage.valid_to', 'is', null), eb('new_org_coverage.valid_to', '>', today)]))
        .orderBy('new_org_coverage.valid_from')
        .orderBy('new_org_coverage.id')
        .execute();
      for (const r of rows) map.set(r.new_org_id, { orgId: r.org_id, orgName: r.org_name, formation: r.formation as Formation });
    }
    return map;
  }

  /** "夷陵区 小溪塔街道 冯家湾社区": the county and below, enough to tell places apart in a list. */
  async divisionNames(codes: Iterable<string>): Promise<Map<string, string>> {
    const parts = new Map<string, string[]>();
    const all = new Set<string>();
    for (const code of new Set(codes)) {
      const chain = [code.slice(0, 6).padEnd(12, '0'), code.slice(0, 9).padEnd(12, '0'), code].filter((c, i, a) => a.indexOf(c) === i && !c.endsWith('0000000000'));
      parts.set(code, chain);
      for (const c of chain) all.add(c);
    }
    const names = await this.divisions.names(all);
    return new Map([...parts].map(([code, chain]) => [code, chain.map((c) => names.get(c) ?? c).join(' ')]));
  }

  private async items(rows: Row[]): Promise<NewOrgItem[]> {
    const names = await this.divisionNames(rows.map((r) => r.division_code));
    const coverage = await this.currentCoverage(rows.map((r) => r.id));
    return rows.map((r) => {
      const band = sizeBandOf(r.employees);
      return {
        id: r.id, name: r.name, uscc: r.uscc, kind: r.kind as NewOrgKind, kindLabel: newOrgKindLabels[r.kind as NewOrgKind] ?? r.kind,
        industry: r.industry as IndustryCode, industryLabel: industries[r.industry as IndustryCode] ?? r.industry,
        divisionCode: r.division_code, divisionName: names.get(r.division_code) ?? r.division_code, employees: r.employees, partyMembers: r.party_members,
        sizeBand: band, sizeBandLabel: sizeBandLabel(band), registeredOn: r.registered_on, deregisteredOn: r.deregistered_on, coverage: coverage.get(r.id) ?? null,
      };
    });
  }

  /** Registry items by id (for lists computed elsewhere, such as the blank spots). */
  async itemsByIds(ids: number[]): Promise<Map<number, NewOrgItem>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('new_orgs').selectAll().where('id', 'in', ids).execute();
    return new Map((await this.items(rows)).map((i) => [i.id, i]));
  }

  private async load(ctx: RequestContext, id: number): Promise<Row> {
    const row = await this.db.selectFrom('new_orgs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw appError('NEW_ORG_NOT_FOUND');
    assertInScope(row.division_code, ctx.user.scope, '该单位');
    return row;
  }

  async detail(ctx: RequestContext, id: number) {
    const row = await this.load(ctx, id);
    const [item] = await this.items([row]);
    const history = await this.db
      .selectFrom('new_org_coverage')
      .innerJoin('party_orgs', 'party_orgs.id', 'new_org_coverage.party_org_id')
      .select(['new_org_coverage.id', 'new_org_coverage.formation', 'new_org_coverage.valid_from', 'new_org_coverage.valid_to', 'party_orgs.id as org_id', 'party_orgs.name as org_name', 'party_orgs.status as org_status'])
      .where('new_org_coverage.new_org_id', '=', id)
      .orderBy('new_org_coverage.valid_from', 'desc')
      .orderBy('new_org_coverage.id', 'desc')
      .execute();
    const advice: BlankSpotAdvice = blankSpotAdvice(row.party_members);
    return {
      ...item!,
      address: row.address, source: row.source as NewOrgSource, sourceLabel: newOrgSourceLabels[row.source as NewOrgSource] ?? row.source, importId: row.import_id,
      createdAt: row.created_at, updatedAt: row.updated_at,
      advice: item!.coverage || row.deregistered_on ? null : { key: advice, label: blankSpotAdviceLabels[advice] },
      coverageHistory: history.map((h) => ({
        id: h.id, orgId: h.org_id, orgName: h.org_name, orgStatus: h.org_status, formation: h.formation as Formation,
        formationLabel: formationLabels[h.formation as Formation] ?? h.formation, validFrom: h.valid_from, validTo: h.valid_to,
      })),
    };
  }

  /** Checks a hand-entered record; throws the first problem naming its field. */
  private async validate(ctx: RequestContext, input: NewOrgInput): Promise<NewOrgRecord> {
    if (!newOrgKinds.includes(input.kind)) throw appError('VALIDATION_FAILED', '组织类别应为非公企业或社会组织', { field: 'kind' });
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (!name || Array.from(name).length > 100) throw appError('VALIDATION_FAILED', '名称须为1至100个字', { field: 'name' });
    const uscc = checkUscc(input.uscc);
    if (!uscc.ok) throw appError('VALIDATION_FAILED', uscc.message, { field: 'uscc' });
    if (!industryCodes.includes(input.industry)) throw appError('VALIDATION_FAILED', '所属行业应为国民经济行业门类（A—T）', { field: 'industry' });
    const division = await this.divisions.requireLevel(input.divisionCode, ['county', 'township', 'village'], 'divisionCode');
    if (!isWithinScope(division.code, this.cityPrefix)) throw appError('VALIDATION_FAILED', `“${division.name}”不在本市`, { field: 'divisionCode' });
    assertInScope(division.code, ctx.user.scope, `“${division.name}”`);
    const address = (input.address ?? '').trim();
    if (Array.from(address).length > 200) throw appError('VALIDATION_FAILED', '住所不能超过200个字', { field: 'address' });
    if (!Number.isInteger(input.employees) || input.employees < 0 || input.employees > 9_999_999) throw appError('VALIDATION_FAILED', '从业人员应为不小于0的整数', { field: 'employees' });
    if (!Number.isInteger(input.partyMembers) || input.partyMembers < 0) throw appError('VALIDATION_FAILED', '党员人数应为不小于0的整数', { field: 'partyMembers' });
    if (input.partyMembers > input.employees) throw appError('VALIDATION_FAILED', `党员人数（${input.partyMembers}）不能多于从业人员（${input.employees}）`, { field: 'partyMembers' });
    const registeredOn = input.registeredOn || null;
    if (registeredOn && registeredOn > chinaToday()) throw appError('VALIDATION_FAILED', '成立日期不能晚于今天', { field: 'registeredOn' });
    return { kind: input.kind, name, uscc: uscc.value, industry: input.industry, divisionCode: division.code, address, employees: input.employees, partyMembers: input.partyMembers, registeredOn, deregisteredOn: null };
  }

  private async assertUsccFree(uscc: string, exceptId: number | null): Promise<void> {
    const other = await this.db.selectFrom('new_orgs').select(['id', 'name']).where('uscc', '=', uscc).executeTakeFirst();
    if (other && other.id !== exceptId) throw appError('USCC_TAKEN', `统一社会信用代码已登记为“${other.name}”`, { field: 'uscc' });
  }

  async create(ctx: RequestContext, input: NewOrgInput) {
    const record = await this.validate(ctx, input);
    await this.assertUsccFree(record.uscc, null);
    const now = new Date().toISOString();
    const id = await this.db.transaction().execute(async (tx) => {
      const { id: newId } = await tx
        .insertInto('new_orgs')
        .values({
          kind: record.kind, name: record.name, uscc: record.uscc, industry: record.industry, division_code: record.divisionCode, address: record.address, employees: record.employees,
          party_members: record.partyMembers, source: 'manual', registered_on: record.registeredOn, deregistered_on: null, fingerprint: fingerprintOf(record), import_id: null, created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'newOrg.create', objectType: 'newOrg', objectIds: [newId], detail: { kind: record.kind, uscc: record.uscc, divisionCode: record.divisionCode } });
      return newId;
    });
    return this.detail(ctx, id);
  }

  async update(ctx: RequestContext, id: number, input: NewOrgInput) {
    const row = await this.load(ctx, id);
    const record = { ...(await this.validate(ctx, input)), deregisteredOn: row.deregistered_on };
    if (record.registeredOn && row.deregistered_on && row.deregistered_on < record.registeredOn) throw appError('VALIDATION_FAILED', '成立日期不能晚于注销日期', { field: 'registeredOn' });
    await this.assertUsccFree(record.uscc, id);
    const before = { kind: row.kind, name: row.name, uscc: row.uscc, industry: row.industry, divisionCode: row.division_code, address: row.address, employees: row.employees, partyMembers: row.party_members, registeredOn: row.registered_on };
    const after = { kind: record.kind, name: record.name, uscc: record.uscc, industry: record.industry, divisionCode: record.divisionCode, address: record.address, employees: record.employees, partyMembers: record.partyMembers, registeredOn: record.registeredOn };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
    if (changed.length) {
      await this.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('new_orgs')
          .set({
            kind: record.kind, name: record.name, uscc: record.uscc, industry: record.industry, division_code: record.divisionCode, address: record.address, employees: record.employees,
            party_members: record.partyMembers, registered_on: record.registeredOn, fingerprint: fingerprintOf(record), updated_at: new Date().toISOString(),
          })
          .where('id', '=', id)
          .execute();
        await this.auditLog.append(tx, actorOf(ctx), { action: 'newOrg.update', objectType: 'newOrg', objectIds: [id], detail: { changed: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }])) } });
      });
    }
    return this.detail(ctx, id);
  }

  /** Marks a unit deregistered from a date; the record and its coverage history stay. */
  async deregister(ctx: RequestContext, id: number, input: { deregisteredOn: string; note?: string | undefined }) {
    const row = await this.load(ctx, id);
    if (row.deregistered_on) throw appError('CONFLICT', `该单位已于${row.deregistered_on}注销`);
    if (input.deregisteredOn > chinaToday()) throw appError('VALIDATION_FAILED', '注销日期不能晚于今天', { field: 'deregisteredOn' });
    if (row.registered_on && input.deregisteredOn < row.registered_on) throw appError('VALIDATION_FAILED', `注销日期不能早于成立日期（${row.registered_on}）`, { field: 'deregisteredOn' });
    const record: NewOrgRecord = {
      kind: row.kind as NewOrgKind, name: row.name, uscc: row.uscc, industry: row.industry as IndustryCode, divisionCode: row.division_code, address: row.address,
      employees: row.employees, partyMembers: row.party_members, registeredOn: row.registered_on, deregisteredOn: input.deregisteredOn,
    };
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('new_orgs').set({ deregistered_on: input.deregisteredOn, fingerprint: fingerprintOf(record), updated_at: new Date().toISOString() }).where('id', '=', id).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'newOrg.deregister', objectType: 'newOrg', objectIds: [id], detail: { deregisteredOn: input.deregisteredOn, note: input.note?.trim() || undefined } });
    });
    return this.detail(ctx, id);
  }

  /** The current filter as an .xlsx (no personal data: units only), logged with its count. */
  async export(ctx: RequestContext, filter: NewOrgFilter): Promise<{ stream: PassThrough; fileName: string; count: number }> {
    const rows = await this.filtered(ctx, filter).selectAll('new_orgs').orderBy('new_orgs.division_code').orderBy('new_orgs.id').limit(MAX_EXPORT_ROWS + 1).execute();
    if (rows.length > MAX_EXPORT_ROWS) throw appError('BAD_REQUEST', `一次最多导出${MAX_EXPORT_ROWS}个单位，请缩小筛选范围`);
    const names = await this.divisionNames(rows.map((r) => r.division_code));
    const coverage = await this.currentCoverage(rows.map((r) => r.id));
    await this.auditLog.record(actorOf(ctx), { action: 'newOrg.export', objectType: 'newOrg', detail: { count: rows.length, filter: { ...filter, q: filter.q ? '（已隐去）' : undefined } } });
    const stream = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
    const sheet = workbook.addWorksheet('两新组织');
    sheet.addRow([`两新组织名录（导出：${ctx.user.displayName}，${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）`]).commit();
    sheet.addRow(EXPORT_COLUMNS).commit();
    for (const r of rows) {
      const cov = coverage.get(r.id);
      sheet.addRow([
        r.uscc, r.name, newOrgKindLabels[r.kind as NewOrgKind] ?? r.kind, `${r.industry} ${industries[r.industry as IndustryCode] ?? ''}`, names.get(r.division_code) ?? r.division_code, r.address,
        r.employees, r.party_members, sizeBandLabel(sizeBandOf(r.employees)), r.registered_on ?? '', r.deregistered_on ?? '', cov?.orgName ?? '（空白点）',
        cov ? formationLabels[cov.formation] ?? cov.formation : '', cov || r.deregistered_on ? '' : blankSpotAdviceLabels[blankSpotAdvice(r.party_members)],
      ]).commit();
    }
    void workbook.commit();
    return { stream, fileName: `两新组织名录-${chinaToday().replace(/-/g, '')}.xlsx`, count: rows.length };
  }
}
