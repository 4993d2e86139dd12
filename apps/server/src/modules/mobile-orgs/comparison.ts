import { divisionPrefix, type MobileCoverage } from '@xinxue/domain';

/** Outbound people counted by destination (a 2- or 4-digit prefix) and home division (12 digits). */
export interface OutboundGroup {
  destination: string;
  home: string;
  people: number;
  partyMembers: number;
  targets: number;
}

/** An active mobile organization located at `destination`, with the home areas it serves (12-digit codes). */
export interface LocatedOrg {
  id: number;
  name: string;
  destination: string;
  homeAreas: string[];
}

export interface DestinationRow {
  destination: string;
  people: number;
  partyMembers: number;
  targets: number;
  /** Of `people`, those whose home division lies in a home area of an organization located here. */
  servedPeople: number;
  unservedPeople: number;
  orgs: { id: number; name: string }[];
  coverage: MobileCoverage;
  rank: number;
}

/**
 * Sets the outbound people against the mobile organizations where they work, and ranks the
 * destinations so the gaps come first: no organization at all (most people first), then those whose
 * organizations leave some home areas unserved (most unserved first), then the served ones.
 * Destinations with organizations but no outbound people close the list.
 */
export function compareDestinations(groups: readonly OutboundGroup[], orgs: readonly LocatedOrg[]): DestinationRow[] {
  const rows = new Map<string, Omit<DestinationRow, 'coverage' | 'rank'>>();
  const row = (destination: string) => {
    let r = rows.get(destination);
    if (!r) rows.set(destination, (r = { destination, people: 0, partyMembers: 0, targets: 0, servedPeople: 0, unservedPeople: 0, orgs: [] }));
    return r;
  };
  const areasAt = new Map<string, string[]>();
  for (const org of orgs) {
    row(org.destination).orgs.push({ id: org.id, name: org.name });
    const areas = areasAt.get(org.destination) ?? [];
    areas.push(...org.homeAreas.map(divisionPrefix));
    areasAt.set(org.destination, areas);
  }
  for (const g of groups) {
    const r = row(g.destination);
    r.people += g.people;
    r.partyMembers += g.partyMembers;
    r.targets += g.targets;
    if ((areasAt.get(g.destination) ?? []).some((prefix) => g.home.startsWith(prefix))) r.servedPeople += g.people;
  }
  const coverageOf = (r: Omit<DestinationRow, 'coverage' | 'rank'>): MobileCoverage => (!r.orgs.length ? 'noOrg' : r.servedPeople < r.people ? 'partial' : 'served');
  const order: Record<MobileCoverage, number> = { noOrg: 0, partial: 1, served: 2 };
  return [...rows.values()]
    .map((r) => ({ ...r, unservedPeople: r.people - r.servedPeople, orgs: r.orgs.sort((a, b) => a.id - b.id) }))
    .map((r) => ({ ...r, coverage: coverageOf(r) }))
    .sort((a, b) => {
      const noPeople = Number(a.people === 0) - Number(b.people === 0);
      if (noPeople) return noPeople;
      if (order[a.coverage] !== order[b.coverage]) return order[a.coverage] - order[b.coverage];
      return b.unservedPeople - a.unservedPeople || b.people - a.people || a.destination.localeCompare(b.destination);
    })
    .map((r, i) => ({ ...r, rank: i + 1 }));
}
