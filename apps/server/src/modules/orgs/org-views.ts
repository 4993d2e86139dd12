import {
  type Formation,
  formationLabels,
  formations,
  type HostKind,
  hostKindLabels,
  hostKinds,
  type Membership,
  membershipLabels,
  type OrgEventKind,
  orgEventKindLabels,
  type OrgKind,
  orgKindLabels,
  type OrgMemberRole,
  orgMemberRoleLabels,
  type OrgStatus,
  orgStatusLabels,
} from '@xinxue/domain';
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { engineOf, likeOperator } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertOrgInScope, scopedOrgs, withinPrefix, type Scope } from '../../lib/scope.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';
import { coverageCounts, coverageOf, type CoveredUnit } from './org-coverage.ts';
import { approvalPowerProblem, describeEvent, type OrgEventDetail, referencedIds } from './org-rules.ts';
import type { OrgRow } from './org-store.ts';

/** What the organization list, tree, chart, export and detail read. Every query goes through `scopedOrgs`. */

export interface OrgFilter {
  hostKind?: HostKind | undefined;
  kind?: OrgKind | undefined;
  formation?: Formation | undefined;
  /** Absent: every status. */
  status?: OrgStatus | undefined;
  /** A division code prefix inside the scope. */
  within?: string | undefined;
  /** Part of the name. */
  q?: string | undefined;
  parentId?: number | undefined;
}

export interface OrgView {
  id: number;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  parentId: number | null;
  parentName: string | null;
  divisionCode: string;
  divisionName: string;
  hostKind: HostKind;
  hostKindLabel: string;
  formation: Formation;
  formationLabel: string;
  status: OrgStatus;
  statusLabel: string;
  approvalPower: boolean;
  /** Mobile organizations: may it develop members (R-MIG-MOBILE-ORG-SCOPE); null when undecided or not mobile. */
  mayDevelop: boolean | null;
  attachedToId: number | null;
  attachedToName: string | null;
  locatedDivisionCode: string | null;
  locatedDivisionName: string | null;
  establishedOn: string | null;
  endedOn: string | null;
  mergedIntoId: number | null;
  memberCount: number;
  probationaryCount: number;
  coveredCount: number;
  version: number;
}

export interface OrgTreeNode {
  id: number;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  hostKind: HostKind;
  formation: Formation;
  status: OrgStatus;
  divisionCode: string;
  approvalPower: boolean;
}

export interface OrgMemberView {
  id: number;
  name: string;
  personId: number | null;
  membership: Membership;
  membershipLabel: string;
  role: OrgMemberRole;
  roleLabel: string;
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
}

export interface OrgEventView {
  id: number;
  kind: OrgEventKind;
  kindLabel: string;
  occurredOn: string;
  summary: string;
  recordedBy: string | null;
  recordedAt: string;
}

export interface OrgRef {
  id: number;
  name: string;
  /** Whether the caller may open it. */
  inScope: boolean;
}

export interface OrgDetail extends OrgView {
  parent: OrgRef | null;
  attachedTo: OrgRef | null;
  mergedInto: OrgRef | null;
  children: { id: number; name: string; kind: OrgKind; kindLabel: string; status: OrgStatus }[];
  /** Why approval power may not be given (R-APPROVER), or null when it may. */
  approvalPowerProblem: string | null;
  mayDevelopDecision: { value: boolean; decidedBy: string | null; decidedOn: string | null } | null;
  members: { items: OrgMemberView[]; full: number; probationary: number; total: number; secretary: { id: number; name: string } | null };
  coverage: CoveredUnit[];
  events: OrgEventView[];
}

type OrgQuery = SelectQueryBuilder<Database, 'party_orgs', object>;

export class OrgViews {
  constructor(
    private readonly db: Db,
    private readonly divisions: DivisionsService,
  ) {}

  /** The filtered organizations in scope, as a query to select from (list, stats, export). */
  filtered(scope: Scope, filter: OrgFilter): OrgQuery {
    let q: OrgQuery = scopedOrgs(this.db.selectFrom('party_orgs'), scope);
    if (filter.within) q = withinPrefix(q, 'party_orgs.division_code', filter.within);
    if (filter.hostKind) q = q.where('party_orgs.host_kind', '=', filter.hostKind);
    if (filter.kind) q = q.where('party_orgs.kind', '=', filter.kind);
    if (filter.formation) q = q.where('party_orgs.formation', '=', filter.formation);
    if (filter.status) q = q.where('party_orgs.status', '=', filter.status);
    if (filter.parentId) q = q.where('party_orgs.parent_id', '=', filter.parentId);
    const text = filter.q?.trim();
    if (text) q = q.where('party_orgs.name', likeOperator(engineOf(this.db)), `%${text}%`);
    return q;
  }

  async list(ctx: RequestContext, filter: OrgFilter, page: number, pageSize: number): Promise<{ items: OrgView[]; total: number }> {
    const base = this.filtered(ctx.user.scope, filter);
    const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base.selectAll('party_orgs').orderBy('party_orgs.path').limit(pageSize).offset((page - 1) * pageSize).execute();
    return { items: await this.views(rows), total: Number(n) };
  }

  async tree(ctx: RequestContext, includeEnded: boolean): Promise<OrgTreeNode[]> {
    let q = scopedOrgs(this.db.selectFrom('party_orgs'), ctx.user.scope).select(['id', 'name', 'kind', 'parent_id', 'host_kind', 'formation', 'status', 'division_code', 'approval_power']);
    if (!includeEnded) q = q.where('status', '=', 'active');
    const rows = await q.orderBy('path').limit(20_000).execute();
    return rows.map((r) => ({
      id: r.id, name: r.name, kind: r.kind as OrgKind, parentId: r.parent_id, hostKind: r.host_kind as HostKind, formation: r.formation as Formation,
      status: r.status as OrgStatus, divisionCode: r.division_code, approvalPower: r.approval_power === 1,
    }));
  }

  /** Organizations by host kind and formation, for the chart. */
  async stats(ctx: RequestContext, filter: OrgFilter) {
    const rows = await this.filtered(ctx.user.scope, filter)
      .select(['party_orgs.host_kind', 'party_orgs.formation'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['party_orgs.host_kind', 'party_orgs.formation'])
      .execute();
    const items = hostKinds.map((hostKind) => {
      const counts = Object.fromEntries(formations.map((f) => [f, Number(rows.find((r) => r.host_kind === hostKind && r.formation === f)?.n ?? 0)])) as Record<Formation, number>;
      return { hostKind, hostKindLabel: hostKindLabels[hostKind], ...counts, total: formations.reduce((s, f) => s + counts[f], 0) };
    });
    return { items, total: items.reduce((s, i) => s + i.total, 0) };
  }

  async detail(ctx: RequestContext, row: OrgRow): Promise<OrgDetail> {
    assertOrgInScope(row, ctx.user.scope);
    const [view] = await this.views([row]);
    const refs = await this.refs(ctx.user.scope, [row.parent_id, row.attached_to_id, row.merged_into_id]);
    const children = await scopedOrgs(this.db.selectFrom('party_orgs'), ctx.user.scope).select(['id', 'name', 'kind', 'status']).where('parent_id', '=', row.id).orderBy('status').orderBy('path').execute();
    const parentRow = row.parent_id ? await this.db.selectFrom('party_orgs').select(['kind', 'division_code']).where('id', '=', row.parent_id).executeTakeFirst() : undefined;
    const parentLevel = parentRow ? ((await this.divisions.find(parentRow.division_code))?.level ?? 'village') : null;
    const members = await this.members(row.id);
    const active = members.filter((m) => !m.leftOn);
    const secretary = active.find((m) => m.role === 'secretary');
    return {
      ...view!,
      parent: row.parent_id ? (refs.get(row.parent_id) ?? null) : null,
      attachedTo: row.attached_to_id ? (refs.get(row.attached_to_id) ?? null) : null,
      mergedInto: row.merged_into_id ? (refs.get(row.merged_into_id) ?? null) : null,
      children: children.map((c) => ({ id: c.id, name: c.name, kind: c.kind as OrgKind, kindLabel: orgKindLabels[c.kind as OrgKind] ?? c.kind, status: c.status as OrgStatus })),
      approvalPowerProblem: approvalPowerProblem(row.kind as OrgKind, parentRow && parentLevel ? { kind: parentRow.kind, divisionLevel: parentLevel } : null),
      mayDevelopDecision: row.may_develop === null ? null : { value: row.may_develop === 1, decidedBy: row.may_develop_decided_by, decidedOn: row.may_develop_decided_on },
      members: {
        items: members,
        full: active.filter((m) => m.membership === 'full').length,
        probationary: active.filter((m) => m.membership === 'probationary').length,
        total: active.length,
        secretary: secretary ? { id: secretary.id, name: secretary.name } : null,
      },
      coverage: await coverageOf(this.db, row.id),
      events: await this.events(row.id),
    };
  }

  async members(orgId: number): Promise<OrgMemberView[]> {
    const rows = await this.db.selectFrom('party_org_members').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
    const order: Record<string, number> = { secretary: 0, deputySecretary: 1, committeeMember: 2, member: 3 };
    return rows
      .map((r) => ({
        id: r.id, name: r.name, personId: r.person_id, membership: r.membership as Membership, membershipLabel: membershipLabels[r.membership as Membership] ?? r.membership,
        role: r.role as OrgMemberRole, roleLabel: orgMemberRoleLabels[r.role as OrgMemberRole] ?? r.role, joinedOn: r.joined_on, leftOn: r.left_on, leftReason: r.left_reason,
      }))
      .sort((a, b) => Number(a.leftOn !== null) - Number(b.leftOn !== null) || (order[a.role] ?? 9) - (order[b.role] ?? 9) || a.id - b.id);
  }

  async events(orgId: number): Promise<OrgEventView[]> {
    const rows = await this.db
      .selectFrom('party_org_events')
      .leftJoin('users', 'users.id', 'party_org_events.recorded_by')
      .select(['party_org_events.id', 'party_org_events.kind', 'party_org_events.occurred_on', 'party_org_events.detail', 'party_org_events.recorded_at', 'users.display_name'])
      .where('party_org_events.org_id', '=', orgId)
      .orderBy('party_org_events.occurred_on', 'desc')
      .orderBy('party_org_events.id', 'desc')
      .execute();
    const details = rows.map((r) => JSON.parse(r.detail) as OrgEventDetail);
    const orgIds = new Set<number>();
    const codes = new Set<string>();
    for (const d of details) {
      const refs = referencedIds(d);
      refs.orgIds.forEach((id) => orgIds.add(id));
      refs.divisionCodes.forEach((c) => codes.add(c));
    }
    const names = new Map<string, string>();
    if (orgIds.size) for (const o of await this.db.selectFrom('party_orgs').select(['id', 'name']).where('id', 'in', [...orgIds]).execute()) names.set(`org:${o.id}`, o.name);
    for (const [code, name] of await this.divisions.names(codes)) names.set(`division:${code}`, name);
    return rows.map((r, i) => ({
      id: r.id, kind: r.kind as OrgEventKind, kindLabel: orgEventKindLabels[r.kind as OrgEventKind] ?? r.kind, occurredOn: r.occurred_on,
      summary: describeEvent(r.kind as OrgEventKind, details[i]!, names), recordedBy: r.display_name ?? null, recordedAt: r.recorded_at,
    }));
  }

  /** Names of referenced organizations, and whether the caller may open each. */
  private async refs(scope: Scope, ids: (number | null)[]): Promise<Map<number, OrgRef>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!wanted.length) return new Map();
    const rows = await this.db.selectFrom('party_orgs').select(['id', 'name', 'division_code', 'path']).where('id', 'in', wanted).execute();
    const inScope = new Set((await scopedOrgs(this.db.selectFrom('party_orgs'), scope).select('id').where('id', 'in', wanted).execute()).map((r) => r.id));
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, inScope: inScope.has(r.id) }]));
  }

  async views(rows: OrgRow[]): Promise<OrgView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const names = await this.divisions.names(rows.flatMap((r) => (r.located_division_code ? [r.division_code, r.located_division_code] : [r.division_code])));
    const related = [...new Set(rows.flatMap((r) => [r.parent_id, r.attached_to_id]).filter((id): id is number => id !== null))];
    const orgNames = new Map<number, string>();
    for (let i = 0; i < related.length; i += 500) {
      for (const o of await this.db.selectFrom('party_orgs').select(['id', 'name']).where('id', 'in', related.slice(i, i + 500)).execute()) orgNames.set(o.id, o.name);
    }
    const memberCounts = new Map<number, { full: number; probationary: number }>();
    for (let i = 0; i < ids.length; i += 500) {
      const counts = await this.db
        .selectFrom('party_org_members')
        .select(['org_id', 'membership'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', 'in', ids.slice(i, i + 500))
        .where('left_on', 'is', null)
        .groupBy(['org_id', 'membership'])
        .execute();
      for (const c of counts) {
        const entry = memberCounts.get(c.org_id) ?? { full: 0, probationary: 0 };
        entry[c.membership === 'probationary' ? 'probationary' : 'full'] += Number(c.n);
        memberCounts.set(c.org_id, entry);
      }
    }
    const covered = await coverageCounts(this.db, ids);
    return rows.map((r) => {
      const m = memberCounts.get(r.id) ?? { full: 0, probationary: 0 };
      return {
        id: r.id, name: r.name, kind: r.kind as OrgKind, kindLabel: orgKindLabels[r.kind as OrgKind] ?? r.kind,
        parentId: r.parent_id, parentName: r.parent_id ? (orgNames.get(r.parent_id) ?? null) : null,
        divisionCode: r.division_code, divisionName: names.get(r.division_code) ?? r.division_code,
        hostKind: r.host_kind as HostKind, hostKindLabel: hostKindLabels[r.host_kind as HostKind] ?? r.host_kind,
        formation: r.formation as Formation, formationLabel: formationLabels[r.formation as Formation] ?? r.formation,
        status: r.status as OrgStatus, statusLabel: orgStatusLabels[r.status as OrgStatus] ?? r.status,
        approvalPower: r.approval_power === 1, mayDevelop: r.may_develop === null ? null : r.may_develop === 1,
        attachedToId: r.attached_to_id, attachedToName: r.attached_to_id ? (orgNames.get(r.attached_to_id) ?? null) : null,
        locatedDivisionCode: r.located_division_code, locatedDivisionName: r.located_division_code ? (names.get(r.located_division_code) ?? r.located_division_code) : null,
        establishedOn: r.established_on, endedOn: r.ended_on, mergedIntoId: r.merged_into_id,
        memberCount: m.full + m.probationary, probationaryCount: m.probationary, coveredCount: covered.get(r.id) ?? 0, version: r.version,
      };
    });
  }
}

export function requireFound(row: OrgRow | undefined): OrgRow {
  if (!row) throw appError('ORG_NOT_FOUND');
  return row;
}
