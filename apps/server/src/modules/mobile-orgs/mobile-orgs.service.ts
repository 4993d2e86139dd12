import { type DivisionLevel, divisionPrefix, isWithinScope, type MobileCoverage, mobileCoverageLabels, type OrgKind, orgKindLabels, type OrgStatus, orgStatusLabels, toDivisionCode12 } from '@xinxue/domain';
import ExcelJS from 'exceljs';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertInScope, assertOrgInScope, prefixRange, type Scope, scopedPeople, withinPrefix } from '../../lib/scope.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';
import { compareDestinations, type DestinationRow, type OutboundGroup } from './comparison.ts';
import { containingCodes, fullNames } from './division-names.ts';

export interface MobileOrgView {
  id: number;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  status: OrgStatus;
  statusLabel: string;
  /** The home-side division that set it up (its scope). */
  divisionCode: string;
  divisionName: string;
  locatedDivisionCode: string | null;
  locationName: string;
  provinceCode: string | null;
  cityCode: string | null;
  homeAreas: { code: string; name: string }[];
  members: { full: number; probationary: number };
  secretary: string | null;
  mayDevelop: boolean | null;
  mayDevelopDecidedBy: string | null;
  mayDevelopDecidedOn: string | null;
  establishedOn: string | null;
  /** Set up inside the caller's scope, so the caller may edit it; otherwise it only serves the scope. */
  owned: boolean;
}

export interface ComparisonRow extends DestinationRow {
  name: string;
  coverageLabel: string;
}

export interface Comparison {
  by: 'city' | 'province';
  totals: { people: number; partyMembers: number; targets: number; servedPeople: number; destinations: number; orgs: number } & Record<MobileCoverage, number>;
  items: ComparisonRow[];
}

/** Home areas are divisions of the city; a mobile organization rarely serves more than a few dozen. */
const MAX_HOME_AREAS = 50;
const HOME_AREA_LEVELS: DivisionLevel[] = ['prefecture', 'county', 'township', 'village'];

/** The narrower of the scope and a filter inside it; null when they do not overlap. */
export function narrowPrefix(scopePrefix: string, within: string | undefined): string | null {
  if (!within) return scopePrefix;
  if (within.startsWith(scopePrefix)) return within;
  if (scopePrefix.startsWith(within)) return scopePrefix;
  return null;
}

type OrgRow = {
  id: number; name: string; kind: string; status: string; division_code: string; path: string; located_division_code: string | null; may_develop: number | null;
  may_develop_decided_by: string | null; may_develop_decided_on: string | null; established_on: string | null;
};

/**
 * Mobile party organizations outside the city (市外流动党组织: `party_orgs` rows with host kind
 * `mobileOrg`, owned by the org tree), the home areas each serves, and where the city's outbound
 * people actually are set against them. An organization is visible to a user when it was set up
 * inside their scope, or when it serves a home area that overlaps their scope (a city-level
 * organization in 深圳 serves a township's people too); only the first kind may be edited.
 */
export class MobileOrgsService {
  constructor(
    private readonly db: Db,
    private readonly divisions: DivisionsService,
    private readonly auditLog: AuditLogService,
    private readonly cityCode: string,
  ) {}

  /**
   * Mobile organizations set up under `prefix` (and inside an org-subtree scope), or — for a user
   * scoped by division only — serving a home area overlapping it.
   */
  private visible(scope: Scope, prefix: string) {
    const [low, high] = prefixRange(prefix);
    const containing = containingCodes(prefix);
    const orgPath = scope.orgPath ? prefixRange(scope.orgPath) : null;
    return this.db
      .selectFrom('party_orgs')
      .select(['party_orgs.id', 'party_orgs.name', 'party_orgs.kind', 'party_orgs.status', 'party_orgs.division_code', 'party_orgs.path', 'party_orgs.located_division_code', 'party_orgs.may_develop', 'party_orgs.may_develop_decided_by', 'party_orgs.may_develop_decided_on', 'party_orgs.established_on'])
      .where('party_orgs.host_kind', '=', 'mobileOrg')
      .where((eb) => {
        const own = eb.and([
          eb('party_orgs.division_code', '>=', low), eb('party_orgs.division_code', '<', high),
          ...(orgPath ? [eb('party_orgs.path', '>=', orgPath[0]), eb('party_orgs.path', '<', orgPath[1])] : []),
        ]);
        if (orgPath) return own;
        const serving = eb.exists(
          eb.selectFrom('mobile_org_home_areas as h')
            .select('h.org_id')
            .whereRef('h.org_id', '=', 'party_orgs.id')
            .where((e) => e.or([e.and([e('h.division_code', '>=', low), e('h.division_code', '<', high)]), e('h.division_code', 'in', containing)])),
        );
        return eb.or([own, serving]);
      });
  }

  async list(ctx: RequestContext, filter: { within?: string | undefined; includeEnded?: boolean | undefined } = {}): Promise<MobileOrgView[]> {
    const prefix = narrowPrefix(ctx.user.scope.divisionPrefix, filter.within);
    if (!prefix) return [];
    let q = this.visible(ctx.user.scope, prefix);
    if (!filter.includeEnded) q = q.where('party_orgs.status', '=', 'active');
    const rows = await q.orderBy('party_orgs.located_division_code').orderBy('party_orgs.id').limit(2000).execute();
    return this.views(ctx, rows);
  }

  /** A mobile organization the caller may see; OUT_OF_SCOPE when it exists elsewhere. */
  async get(ctx: RequestContext, id: number): Promise<MobileOrgView> {
    const row = await this.visible(ctx.user.scope, ctx.user.scope.divisionPrefix).where('party_orgs.id', '=', id).executeTakeFirst();
    if (row) return (await this.views(ctx, [row]))[0]!;
    const exists = await this.db.selectFrom('party_orgs').select(['id', 'host_kind']).where('id', '=', id).executeTakeFirst();
    if (!exists || exists.host_kind !== 'mobileOrg') throw appError('MOBILE_ORG_NOT_FOUND');
    throw appError('OUT_OF_SCOPE', '该流动党组织不在您的管辖范围内');
  }

  /**
   * Replaces the home areas an organization serves: divisions of the city inside the caller's
   * scope. An area inside another chosen area adds nothing and is dropped.
   */
  async setHomeAreas(ctx: RequestContext, id: number, codes: string[]): Promise<MobileOrgView> {
    const org = await this.db.selectFrom('party_orgs').select(['id', 'name', 'host_kind', 'status', 'division_code', 'path']).where('id', '=', id).executeTakeFirst();
    if (!org || org.host_kind !== 'mobileOrg') throw appError('MOBILE_ORG_NOT_FOUND');
    assertOrgInScope(org, ctx.user.scope, '该流动党组织');
    if (org.status !== 'active') throw appError('CONFLICT', `“${org.name}”已${orgStatusLabels[org.status as OrgStatus] ?? '停止活动'}，不能再修改服务的原籍地`);
    if (codes.length > MAX_HOME_AREAS) throw appError('VALIDATION_FAILED', `服务的原籍地最多${MAX_HOME_AREAS}个`, { field: 'homeAreas' });
    const chosen: string[] = [];
    for (const raw of codes) {
      const code = toDivisionCode12(raw);
      const division = code ? await this.divisions.find(code) : undefined;
      if (!division) throw appError('VALIDATION_FAILED', `原籍地“${raw}”不是有效的行政区划代码`, { field: 'homeAreas' });
      if (!isWithinScope(division.code, this.cityCode) || !HOME_AREA_LEVELS.includes(division.level)) {
        throw appError('VALIDATION_FAILED', `原籍地须为本市的县（市、区）、乡镇（街道）或村（社区），“${division.name}”不是`, { field: 'homeAreas' });
      }
      assertInScope(division.code, ctx.user.scope, `原籍地“${division.name}”`);
      if (!chosen.includes(division.code)) chosen.push(division.code);
    }
    const kept = chosen.filter((c) => !chosen.some((o) => o !== c && isWithinScope(c, divisionPrefix(o))));
    const before = (await this.db.selectFrom('mobile_org_home_areas').select('division_code').where('org_id', '=', id).execute()).map((r) => r.division_code).sort();
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('mobile_org_home_areas').where('org_id', '=', id).execute();
      if (kept.length) await tx.insertInto('mobile_org_home_areas').values(kept.map((division_code) => ({ org_id: id, division_code }))).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: 'mobileOrg.homeAreas', objectType: 'partyOrg', objectIds: [id], detail: { before, after: [...kept].sort() } });
    });
    return this.get(ctx, id);
  }

  private async views(ctx: RequestContext, rows: OrgRow[]): Promise<MobileOrgView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const areas = await this.db.selectFrom('mobile_org_home_areas').select(['org_id', 'division_code']).where('org_id', 'in', ids).orderBy('division_code').execute();
    const members = await this.db
      .selectFrom('party_org_members')
      .select(['org_id', 'membership', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', 'in', ids)
      .where('left_on', 'is', null)
      .groupBy(['org_id', 'membership'])
      .execute();
    const secretaries = await this.db.selectFrom('party_org_members').select(['org_id', 'name']).where('org_id', 'in', ids).where('left_on', 'is', null).where('role', '=', 'secretary').orderBy('id').execute();
    const homeNames = await fullNames(this.divisions, [...areas.map((a) => a.division_code), ...rows.map((r) => r.division_code)], 4);
    const locations = await fullNames(this.divisions, rows.flatMap((r) => (r.located_division_code ? [r.located_division_code] : [])));
    return rows.map((r) => {
      const count = (m: string) => Number(members.find((x) => x.org_id === r.id && x.membership === m)?.n ?? 0);
      const located = r.located_division_code;
      return {
        id: r.id, name: r.name, kind: r.kind as OrgKind, kindLabel: orgKindLabels[r.kind as OrgKind] ?? r.kind,
        status: r.status as OrgStatus, statusLabel: orgStatusLabels[r.status as OrgStatus] ?? r.status,
        divisionCode: r.division_code, divisionName: homeNames.get(r.division_code) ?? r.division_code,
        locatedDivisionCode: located, locationName: located ? (locations.get(located) ?? located) : '未登记所在地',
        provinceCode: located ? located.slice(0, 2) : null, cityCode: located ? located.slice(0, 4) : null,
        homeAreas: areas.filter((a) => a.org_id === r.id).map((a) => ({ code: a.division_code, name: homeNames.get(a.division_code) ?? a.division_code })),
        members: { full: count('full'), probationary: count('probationary') },
        secretary: secretaries.find((s) => s.org_id === r.id)?.name ?? null,
        mayDevelop: r.may_develop === null ? null : r.may_develop === 1, mayDevelopDecidedBy: r.may_develop_decided_by, mayDevelopDecidedOn: r.may_develop_decided_on,
        establishedOn: r.established_on,
        owned: isWithinScope(r.division_code, ctx.user.scope.divisionPrefix) && (!ctx.user.scope.orgPath || r.path.startsWith(ctx.user.scope.orgPath)),
      };
    });
  }

  /**
   * Where the city's outbound people work (by destination province or city), how many of them are
   * party members (political status 01/02) or cultivation targets, and the active mobile
   * organizations located there and whether they serve these people's home areas. Gaps first.
   */
  async comparison(ctx: RequestContext, filter: { by: 'city' | 'province'; within?: string | undefined }): Promise<Comparison> {
    const digits = filter.by === 'province' ? 2 : 4;
    const prefix = narrowPrefix(ctx.user.scope.divisionPrefix, filter.within);
    const empty: Comparison = { by: filter.by, totals: { people: 0, partyMembers: 0, targets: 0, servedPeople: 0, destinations: 0, orgs: 0, noOrg: 0, partial: 0, served: 0 }, items: [] };
    if (!prefix) return empty;
    // A literal, not a parameter: PostgreSQL must see the same expression in SELECT and GROUP BY.
    const destination = sql<string>`substr(people.destination_code, 1, ${sql.raw(String(digits))})`;
    const [cityLow, cityHigh] = prefixRange(this.cityCode);
    let people = scopedPeople(this.db.selectFrom('people'), ctx.user.scope)
      .where('people.direction', '=', 'outbound')
      .where('people.merged_into', 'is', null)
      .where('people.destination_code', 'is not', null)
      // Outbound means out of the city: a destination inside it is not where a mobile organization goes.
      .where(sql<SqlBool>`not (people.destination_code >= ${cityLow} and people.destination_code < ${cityHigh})`);
    people = withinPrefix(people, 'people.division_code', prefix);
    const groups = await people
      .select([
        destination.as('destination'),
        'people.division_code as home',
        (eb) => eb.fn.countAll<number>().as('people'),
        sql<number>`sum(case when people.political_status in ('01', '02') then 1 else 0 end)`.as('party_members'),
        sql<number>`sum(case when exists (select 1 from cultivation_targets ct where ct.person_id = people.id and ct.status = 'active') then 1 else 0 end)`.as('targets'),
      ])
      .groupBy([destination, 'people.division_code'])
      .execute();
    const outbound: OutboundGroup[] = groups
      .filter((g) => /^\d+$/.test(g.destination) && g.destination.length === digits)
      .map((g) => ({ destination: g.destination, home: g.home, people: Number(g.people), partyMembers: Number(g.party_members ?? 0), targets: Number(g.targets ?? 0) }));
    const orgRows = await this.visible(ctx.user.scope, prefix).where('party_orgs.status', '=', 'active').where('party_orgs.located_division_code', 'is not', null).execute();
    const areas = orgRows.length ? await this.db.selectFrom('mobile_org_home_areas').select(['org_id', 'division_code']).where('org_id', 'in', orgRows.map((o) => o.id)).execute() : [];
    const rows = compareDestinations(
      outbound,
      orgRows.map((o) => ({ id: o.id, name: o.name, destination: o.located_division_code!.slice(0, digits), homeAreas: areas.filter((a) => a.org_id === o.id).map((a) => a.division_code) })),
    );
    const names = await fullNames(this.divisions, rows.map((r) => r.destination.padEnd(12, '0')));
    const items = rows.map((r) => {
      const code = r.destination.padEnd(12, '0');
      const name = names.get(code) ?? code;
      // A destination known only to the province ("广东省") when grouping by city.
      return { ...r, name: digits === 4 && r.destination.endsWith('00') ? `${name}（市未详）` : name, coverageLabel: mobileCoverageLabels[r.coverage] };
    });
    const sum = (key: 'people' | 'partyMembers' | 'targets' | 'servedPeople') => items.reduce((s, i) => s + i[key], 0);
    const countOf = (c: MobileCoverage) => items.filter((i) => i.people > 0 && i.coverage === c).length;
    return {
      by: filter.by,
      totals: {
        people: sum('people'), partyMembers: sum('partyMembers'), targets: sum('targets'), servedPeople: sum('servedPeople'),
        destinations: items.filter((i) => i.people > 0).length, orgs: orgRows.length, noOrg: countOf('noOrg'), partial: countOf('partial'), served: countOf('served'),
      },
      items,
    };
  }

  /** The list as an Excel workbook; the export is logged. */
  async exportXlsx(ctx: RequestContext, filter: { within?: string | undefined; includeEnded?: boolean | undefined }): Promise<{ buffer: Buffer; count: number }> {
    const items = await this.list(ctx, filter);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('市外流动党组织');
    sheet.columns = [
      { header: '党组织名称', width: 36 }, { header: '类型', width: 8 }, { header: '所在省份城市', width: 26 }, { header: '组建地', width: 18 },
      { header: '服务的原籍地', width: 40 }, { header: '正式党员', width: 10 }, { header: '预备党员', width: 10 }, { header: '书记', width: 10 },
      { header: '可发展党员', width: 12 }, { header: '认定单位', width: 20 }, { header: '认定日期', width: 12 }, { header: '成立日期', width: 12 }, { header: '状态', width: 8 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const o of items) {
      sheet.addRow([
        o.name, o.kindLabel, o.locationName, o.divisionName, o.homeAreas.map((a) => a.name).join('、'), o.members.full, o.members.probationary, o.secretary ?? '',
        o.mayDevelop === null ? '未认定' : o.mayDevelop ? '是' : '否', o.mayDevelopDecidedBy ?? '', o.mayDevelopDecidedOn ?? '', o.establishedOn ?? '', o.statusLabel,
      ]);
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await this.auditLog.record(actorOf(ctx), { action: 'mobileOrg.export', objectType: 'partyOrg', objectIds: items.map((o) => o.id), detail: { format: 'xlsx', count: items.length, within: filter.within } });
    return { buffer, count: items.length };
  }
}
