import type { Formation, IndustryCode, NewOrgKind } from '@xinxue/domain';

/**
 * Coverage as of a date, computed from the registry's dates and the coverage intervals — no
 * snapshot tables, so any past date (the trend's month ends) gives what was true then.
 * Pure: the service loads the rows of a scope once and asks these functions.
 */
export interface UnitFacts {
  id: number;
  kind: NewOrgKind;
  industry: IndustryCode;
  divisionCode: string;
  employees: number;
  partyMembers: number;
  registeredOn: string | null;
  deregisteredOn: string | null;
}

export interface CoverageInterval {
  newOrgId: number;
  partyOrgId: number;
  formation: Formation;
  validFrom: string;
  validTo: string | null;
}

/** Registered on the date: founded on or before it (or founding unknown), deregistered after it (or never). */
export function isRegisteredOn(u: Pick<UnitFacts, 'registeredOn' | 'deregisteredOn'>, date: string): boolean {
  return (!u.registeredOn || u.registeredOn <= date) && (!u.deregisteredOn || u.deregisteredOn > date);
}

/** The interval running on the date (`validTo` is the first day it no longer applies); the latest started wins. */
export function coverageOn(intervals: readonly CoverageInterval[] | undefined, date: string): CoverageInterval | null {
  let found: CoverageInterval | null = null;
  for (const c of intervals ?? []) {
    if (c.validFrom <= date && (!c.validTo || c.validTo > date) && (!found || c.validFrom >= found.validFrom)) found = c;
  }
  return found;
}

export function groupIntervals(intervals: readonly CoverageInterval[]): Map<number, CoverageInterval[]> {
  const map = new Map<number, CoverageInterval[]>();
  for (const c of intervals) {
    const list = map.get(c.newOrgId) ?? [];
    list.push(c);
    map.set(c.newOrgId, list);
  }
  return map;
}

export interface Tally {
  total: number;
  covered: number;
  blank: number;
  rate: number;
  /** Party members among the staff of blank spots: who could form or join an organization. */
  blankPartyMembers: number;
}

export function emptyTally(): Tally {
  return { total: 0, covered: 0, blank: 0, rate: 0, blankPartyMembers: 0 };
}

export function addTo(t: Tally, covered: boolean, partyMembers: number): void {
  t.total += 1;
  if (covered) t.covered += 1;
  else {
    t.blank += 1;
    t.blankPartyMembers += partyMembers;
  }
}

/** Rates are fractions rounded to 4 places (0.8123 = 81.23 %); no units gives 0. */
export function finish<T extends Tally>(t: T): T {
  t.rate = t.total ? Math.round((t.covered / t.total) * 10_000) / 10_000 : 0;
  return t;
}

/** The units registered on the date, each with the interval covering it (or null: a blank spot). */
export function unitsOn(units: readonly UnitFacts[], intervals: Map<number, CoverageInterval[]>, date: string): { unit: UnitFacts; coverage: CoverageInterval | null }[] {
  return units.filter((u) => isRegisteredOn(u, date)).map((unit) => ({ unit, coverage: coverageOn(intervals.get(unit.id), date) }));
}

/** The last day of each of the `months` months ending with the date's month; the last point is the date itself. */
export function monthEnds(today: string, months: number): { month: string; asOf: string }[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const points: { month: string; asOf: string }[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const first = new Date(Date.UTC(y, m - 1 - i, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    points.push({ month: first.toISOString().slice(0, 7), asOf: i === 0 ? today : last });
  }
  return points;
}
