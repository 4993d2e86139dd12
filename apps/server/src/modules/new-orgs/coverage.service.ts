import {
  blankSpotAdvice, type BlankSpotAdvice, blankSpotAdviceLabels, chinaToday, type Formation, formationLabels, formations, industries, type IndustryCode,
  industryCodes, type NewOrgKind, newOrgKindLabels, newOrgKinds, type SizeBand, sizeBandOf, sizeBands,
} from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { scopedTo, withinPrefix } from '../../lib/scope.ts';
import { addTo, type CoverageInterval, emptyTally, finish, groupIntervals, monthEnds, type Tally, type UnitFacts, unitsOn } from './coverage-math.ts';
import type { NewOrgsService } from './new-orgs.service.ts';

export type DivisionGrouping = 'county' | 'township' | 'village';
const groupingLength: Record<DivisionGrouping, number> = { county: 6, township: 9, village: 12 };

export interface BlankSpotFilter {
  within?: string | undefined;
  asOf?: string | undefined;
  kind?: NewOrgKind | undefined;
  industry?: IndustryCode | undefined;
  sizeBand?: SizeBand | undefined;
  advice?: BlankSpotAdvice | undefined;
  sort?: 'partyMembers' | 'employees' | 'division' | 'name' | undefined;
}

/**
 * Coverage of the registry by party organizations, for a scope and a date: rates by kind, division,
 * industry and size, how the covering organizations were formed, the blank spots with the party
 * members working there and what each needs next, clusters worth a joint organization, and the
 * monthly trend. Everything is recomputed from dates (coverage-math.ts), so a past date is exact.
 */
export class CoverageService {
  constructor(
    private readonly db: Db,
    private readonly registry: NewOrgsService,
  ) {}

  /** The scope's units (deregistered ones too: they count in past months) and their coverage intervals. */
  private async load(ctx: RequestContext, within: string | undefined): Promise<{ units: UnitFacts[]; intervals: Map<number, CoverageInterval[]> }> {
    let q = scopedTo(this.db.selectFrom('new_orgs'), 'new_orgs.division_code', ctx.user.scope);
    if (within) q = withinPrefix(q, 'new_orgs.division_code', within);
    const rows = await q.select(['id', 'kind', 'industry', 'division_code', 'employees', 'party_members', 'registered_on', 'deregistered_on', 'name']).execute();
    const units: UnitFacts[] = rows.map((r) => ({
      id: r.id, kind: r.kind as NewOrgKind, industry: r.industry as IndustryCode, divisionCode: r.division_code, employees: r.employees, partyMembers: r.party_members,
      registeredOn: r.registered_on, deregisteredOn: r.deregistered_on,
    }));
    let cq = scopedTo(this.db.selectFrom('new_org_coverage').innerJoin('new_orgs', 'new_orgs.id', 'new_org_coverage.new_org_id'), 'new_orgs.division_code', ctx.user.scope);
    if (within) cq = withinPrefix(cq, 'new_orgs.division_code', within);
    const coverage = await cq.select(['new_org_coverage.new_org_id', 'new_org_coverage.party_org_id', 'new_org_coverage.formation', 'new_org_coverage.valid_from', 'new_org_coverage.valid_to']).execute();
    return {
      units,
      intervals: groupIntervals(coverage.map((c) => ({ newOrgId: c.new_org_id, partyOrgId: c.party_org_id, formation: c.formation as Formation, validFrom: c.valid_from, validTo: c.valid_to }))),
    };
  }

  private asOf(date: string | undefined): string {
    const today = chinaToday();
    if (date && date > today) throw appError('VALIDATION_FAILED', '统计日期不能晚于今天', { field: 'asOf' });
    return date ?? today;
  }

  /** One level below the scope (or `within`): a city scope groups by county, a county by township … */
  private grouping(ctx: RequestContext, within: string | undefined, by: DivisionGrouping | undefined): DivisionGrouping {
    if (by) return by;
    const prefix = within && within.length > ctx.user.scope.divisionPrefix.length ? within : ctx.user.scope.divisionPrefix;
    return prefix.length < 6 ? 'county' : prefix.length < 9 ? 'township' : 'village';
  }

  async summary(ctx: RequestContext, params: { within?: string | undefined; asOf?: string | undefined; by?: DivisionGrouping | undefined }) {
    const asOf = this.asOf(params.asOf);
    const by = this.grouping(ctx, params.within, params.by);
    const { units, intervals } = await this.load(ctx, params.within);
    const current = unitsOn(units, intervals, asOf);

    const all = emptyTally();
    const byKind = new Map(newOrgKinds.map((k) => [k, emptyTally()]));
    const byDivision = new Map<string, Tally & { byKind: Record<NewOrgKind, Tally> }>();
    const byIndustry = new Map<IndustryCode, Tally>();
    const bySize = new Map(sizeBands.map((b) => [b.key as SizeBand, emptyTally()]));
    const mix = new Map(formations.map((f) => [f, { units: 0, orgs: new Set<number>() }]));
    for (const { unit, coverage } of current) {
      const covered = !!coverage;
      addTo(all, covered, unit.partyMembers);
      addTo(byKind.get(unit.kind)!, covered, unit.partyMembers);
      const key = unit.divisionCode.slice(0, groupingLength[by]).padEnd(12, '0');
      const d = byDivision.get(key) ?? { ...emptyTally(), byKind: { enterprise: emptyTally(), socialOrg: emptyTally() } };
      addTo(d, covered, unit.partyMembers);
      addTo(d.byKind[unit.kind], covered, unit.partyMembers);
      byDivision.set(key, d);
      const i = byIndustry.get(unit.industry) ?? emptyTally();
      addTo(i, covered, unit.partyMembers);
      byIndustry.set(unit.industry, i);
      addTo(bySize.get(sizeBandOf(unit.employees))!, covered, unit.partyMembers);
      if (coverage) {
        const m = mix.get(coverage.formation);
        if (m) {
          m.units += 1;
          m.orgs.add(coverage.partyOrgId);
        }
      }
    }
    const names = await this.divisionNames([...byDivision.keys()]);
    return {
      asOf, by,
      totals: finish(all),
      byKind: newOrgKinds.map((kind) => ({ kind, label: newOrgKindLabels[kind], ...finish(byKind.get(kind)!) })),
      byDivision: [...byDivision]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, t]) => ({ code, name: names.get(code) ?? code, ...finish(t), byKind: newOrgKinds.map((kind) => ({ kind, ...finish(t.byKind[kind]) })) })),
      byIndustry: industryCodes.filter((c) => byIndustry.has(c)).map((code) => ({ industry: code, label: industries[code], ...finish(byIndustry.get(code)!) })),
      bySize: sizeBands.map((b) => ({ sizeBand: b.key as SizeBand, label: b.label, ...finish(bySize.get(b.key as SizeBand)!) })),
      formationMix: formations.map((f) => ({ formation: f, label: formationLabels[f], units: mix.get(f)!.units, orgs: mix.get(f)!.orgs.size })),
    };
  }

  /** "夷陵区 小溪塔街道"; units registered at county level group under the county's own name. */
  private divisionNames(codes: string[]): Promise<Map<string, string>> {
    return this.registry.divisionNames(codes);
  }

  async blankSpots(ctx: RequestContext, filter: BlankSpotFilter, page = 1, pageSize = 20) {
    const asOf = this.asOf(filter.asOf);
    const { units, intervals } = await this.load(ctx, filter.within);
    let spots = unitsOn(units, intervals, asOf).filter((u) => !u.coverage).map((u) => u.unit);
    if (filter.kind) spots = spots.filter((u) => u.kind === filter.kind);
    if (filter.industry) spots = spots.filter((u) => u.industry === filter.industry);
    if (filter.sizeBand) spots = spots.filter((u) => sizeBandOf(u.employees) === filter.sizeBand);
    if (filter.advice) spots = spots.filter((u) => blankSpotAdvice(u.partyMembers) === filter.advice);
    const nameOf = new Map<number, string>();
    const sort = filter.sort ?? 'partyMembers';
    if (sort === 'name') {
      for (const r of await this.names(spots.map((s) => s.id))) nameOf.set(r.id, r.name);
    }
    spots.sort((a, b) => {
      if (sort === 'employees') return b.employees - a.employees || b.partyMembers - a.partyMembers || a.id - b.id;
      if (sort === 'division') return a.divisionCode.localeCompare(b.divisionCode) || b.partyMembers - a.partyMembers || a.id - b.id;
      if (sort === 'name') return (nameOf.get(a.id) ?? '').localeCompare(nameOf.get(b.id) ?? '', 'zh-CN') || a.id - b.id;
      return b.partyMembers - a.partyMembers || b.employees - a.employees || a.id - b.id;
    });
    const pageUnits = spots.slice((page - 1) * pageSize, page * pageSize);
    const details = await this.registry.itemsByIds(pageUnits.map((u) => u.id));
    const counts = { standalone: 0, jointOrAttached: 0, instructor: 0 } as Record<BlankSpotAdvice, number>;
    for (const s of spots) counts[blankSpotAdvice(s.partyMembers)] += 1;
    return {
      asOf, total: spots.length, partyMembers: spots.reduce((n, s) => n + s.partyMembers, 0),
      byAdvice: (Object.keys(counts) as BlankSpotAdvice[]).map((key) => ({ advice: key, label: blankSpotAdviceLabels[key], count: counts[key] })),
      items: pageUnits.map((u) => {
        const advice = blankSpotAdvice(u.partyMembers);
        return { ...details.get(u.id)!, advice, adviceLabel: blankSpotAdviceLabels[advice] };
      }),
    };
  }

  private names(ids: number[]) {
    return ids.length ? this.db.selectFrom('new_orgs').select(['id', 'name']).where('id', 'in', ids).execute() : Promise.resolve([]);
  }

  /**
   * Blank spots clustered by township and industry where a joint organization is worth setting up:
   * two or more units whose staff include three or more party members in all. Units that can form
   * their own branch (three members or more) are left to do so and not grouped.
   */
  async jointGroups(ctx: RequestContext, params: { within?: string | undefined; kind?: NewOrgKind | undefined }) {
    const today = chinaToday();
    const { units, intervals } = await this.load(ctx, params.within);
    const groups = new Map<string, UnitFacts[]>();
    for (const { unit, coverage } of unitsOn(units, intervals, today)) {
      if (coverage || blankSpotAdvice(unit.partyMembers) === 'standalone') continue;
      if (params.kind && unit.kind !== params.kind) continue;
      const key = `${unit.divisionCode.slice(0, 9)}|${unit.industry}`;
      groups.set(key, [...(groups.get(key) ?? []), unit]);
    }
    const worth = [...groups].filter(([, list]) => list.length >= 2 && list.reduce((n, u) => n + u.partyMembers, 0) >= 3);
    const townships = worth.map(([key]) => key.slice(0, 9).padEnd(12, '0'));
    const names = await this.divisionNames(townships);
    const allIds = worth.flatMap(([, list]) => list.map((u) => u.id));
    const unitNames = new Map<number, string>();
    for (let i = 0; i < allIds.length; i += 500) for (const r of await this.names(allIds.slice(i, i + 500))) unitNames.set(r.id, r.name);
    return {
      asOf: today,
      items: worth
        .map(([key, list]) => {
          const [township, industry] = key.split('|') as [string, IndustryCode];
          const members = list.sort((a, b) => b.partyMembers - a.partyMembers || b.employees - a.employees || a.id - b.id);
          const enterprises = list.filter((u) => u.kind === 'enterprise').length;
          return {
            key, townshipCode: township.padEnd(12, '0'), townshipName: names.get(township.padEnd(12, '0')) ?? township, industry, industryLabel: industries[industry],
            unitCount: list.length, partyMembers: list.reduce((n, u) => n + u.partyMembers, 0), employees: list.reduce((n, u) => n + u.employees, 0),
            hostKind: (enterprises * 2 >= list.length ? 'enterprise' : 'socialOrg') as NewOrgKind,
            units: members.map((u) => ({ id: u.id, name: unitNames.get(u.id) ?? '', kind: u.kind, divisionCode: u.divisionCode, employees: u.employees, partyMembers: u.partyMembers })),
          };
        })
        .sort((a, b) => b.partyMembers - a.partyMembers || b.unitCount - a.unitCount || a.key.localeCompare(b.key)),
    };
  }

  /** The coverage rate at each month end of the last `months` months (the current month: today). */
  async trend(ctx: RequestContext, params: { within?: string | undefined; months?: number | undefined }) {
    const { units, intervals } = await this.load(ctx, params.within);
    return {
      points: monthEnds(chinaToday(), params.months ?? 24).map(({ month, asOf }) => {
        const all = emptyTally();
        const byKind = new Map(newOrgKinds.map((k) => [k, emptyTally()]));
        for (const { unit, coverage } of unitsOn(units, intervals, asOf)) {
          addTo(all, !!coverage, unit.partyMembers);
          addTo(byKind.get(unit.kind)!, !!coverage, unit.partyMembers);
        }
        return { month, asOf, ...finish(all), byKind: newOrgKinds.map((kind) => ({ kind, label: newOrgKindLabels[kind], ...finish(byKind.get(kind)!) })) };
      }),
    };
  }
}
