import { chinaToday } from '@xinxue/domain';
import { type DeadlineItem, type DeadlineKind, compareDeadlines, deadlineContext, deadlineKinds, deadlineLabels, dossierDeadlines, isDueWithin } from '@xinxue/domain/pipeline/deadlines';
import { judge, judgeAsOf } from '@xinxue/domain/pipeline/gate';
import { engineView } from '@xinxue/domain/pipeline/step-inputs';
import { stepName, steps as officialSteps } from '@xinxue/domain/pipeline/steps';
import { ruleById } from '@xinxue/domain/rules/registry';
import { severityRank, type Severity } from '@xinxue/domain/rules/types';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertOrgInScope, prefixRange, scopedOrgs } from '../../lib/scope.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DossierAuditService } from '../dossier-audit/dossier-audit.service.ts';
import { dossierQuery, documentOf, pendingOf, scopedDossiers } from '../pipeline/pipeline-store.ts';
import { auditWorkbook } from './audit-xlsx.ts';

/**
 * Reports over the dossiers in scope, all computed from `dossiers.document` (no tables of their
 * own): the deadlines (domain `pipeline/deadlines.ts`), the board of stages per organization and
 * the batch audit (the rule engine over every dossier). Lists go through `scopedDossiers`.
 */
export type DossierStatus = 'active' | 'withdrawn' | 'notRecognized' | 'member';

const stageOf = (step: number) => officialSteps[Math.min(step, 25) - 1]!.stage;

export interface DeadlineRow extends DeadlineItem {
  dossierId: number;
  personName: string;
  orgId: number;
  orgName: string;
  stepName: string;
}

export interface AuditFindingRow {
  dossierId: number;
  personName: string;
  orgId: number;
  orgName: string;
  status: DossierStatus;
  currentStep: number;
  step: number;
  stepName: string;
  rule: string;
  ruleName: string;
  severity: Severity;
  message: string;
  source: string;
}

export interface AuditReport {
  asOf: string;
  city: string;
  totals: { dossiers: number; withBlock: number; withWarn: number; findings: number };
  byRule: { rule: string; name: string; severity: Severity; count: number; dossiers: number; dossierIds: number[] }[];
  byOrg: { orgId: number; orgName: string; dossiers: number; withBlock: number; withWarn: number; findings: number }[];
  findings: AuditFindingRow[];
}

/** At most this many rows in a JSON answer; the .xlsx has every finding. */
const MAX_ITEMS = 1000;

export class PipelineReportsService {
  constructor(
    private readonly db: Db,
    private readonly dossierAudit: DossierAuditService,
    private readonly auditLog: AuditLogService,
  ) {}

  /** An organization in scope, or 404/403. */
  private async orgInScope(ctx: RequestContext, orgId: number) {
    const org = await this.db.selectFrom('party_orgs').select(['id', 'name', 'kind', 'path', 'division_code', 'parent_id']).where('id', '=', orgId).executeTakeFirst();
    if (!org) throw appError('ORG_NOT_FOUND');
    assertOrgInScope(org, ctx.user.scope);
    return org;
  }

  /** Dossiers in scope (either place), optionally of an organization's subtree (either place's organization in it). */
  private async dossiers(ctx: RequestContext, orgId: number | undefined, statuses?: readonly DossierStatus[]) {
    let q = scopedDossiers(dossierQuery(this.db), ctx.user.scope).innerJoin('people as p', 'p.id', 'd.person_id').select(['p.name as person_name', 'o.path as handling_path']);
    if (orgId !== undefined) {
      const org = await this.orgInScope(ctx, orgId);
      const [low, high] = prefixRange(org.path);
      q = q.where(sql<SqlBool>`((o.path >= ${low} and o.path < ${high}) or (oo.path is not null and oo.path >= ${low} and oo.path < ${high}))`);
    }
    if (statuses) q = q.where('d.status', 'in', [...statuses]);
    return q.orderBy('d.id').execute();
  }

  /** Open deadlines in scope; `within` days ahead (overdue always). Counts are of the window before the kind filter. */
  async deadlines(ctx: RequestContext, filter: { orgId?: number | undefined; within: number; kind?: DeadlineKind | undefined }) {
    const asOf = chinaToday();
    const dc = deadlineContext(asOf, await this.dossierAudit.settings());
    const all: DeadlineRow[] = [];
    for (const row of await this.dossiers(ctx, filter.orgId, ['active'])) {
      const items = dossierDeadlines({ document: documentOf(row), pending: pendingOf(row), currentStep: row.current_step, status: row.status }, dc);
      for (const item of items) {
        if (!isDueWithin(item, filter.within)) continue;
        all.push({ ...item, dossierId: row.id, personName: row.person_name, orgId: row.org_id, orgName: row.org_name, stepName: stepName(item.step) });
      }
    }
    all.sort((a, b) => compareDeadlines(a, b) || a.dossierId - b.dossierId);
    const byKind = deadlineKinds.map((kind) => {
      const of = all.filter((i) => i.kind === kind);
      return { kind, label: deadlineLabels[kind], total: of.length, overdue: of.filter((i) => i.overdue).length };
    });
    const orgs = new Map<number, { orgId: number; orgName: string; total: number; overdue: number }>();
    for (const i of all) {
      const o = orgs.get(i.orgId) ?? { orgId: i.orgId, orgName: i.orgName, total: 0, overdue: 0 };
      o.total += 1;
      if (i.overdue) o.overdue += 1;
      orgs.set(i.orgId, o);
    }
    const items = filter.kind ? all.filter((i) => i.kind === filter.kind) : all;
    return {
      asOf, within: filter.within, total: items.length, overdue: items.filter((i) => i.overdue).length,
      items: items.slice(0, MAX_ITEMS),
      counts: { byKind, byOrg: [...orgs.values()].sort((a, b) => b.overdue - a.overdue || b.total - a.total || a.orgId - b.orgId) },
    };
  }

  /** The home page's card: how many are due within 30 days and overdue, and the five nearest. */
  async homeSummary(ctx: RequestContext) {
    const { items, total, overdue } = await this.deadlines(ctx, { within: 30 });
    return {
      overdue,
      dueSoon: total - overdue,
      nearest: items.slice(0, 5).map((i) => ({ dossierId: i.dossierId, personName: i.personName, orgName: i.orgName, kind: i.kind, label: i.label, dueOn: i.dueOn, daysLeft: i.daysLeft, overdue: i.overdue })),
    };
  }

  /**
   * Counts per stage for the children of an organization (or the top organizations of the scope),
   * each over its subtree by the handling organization's path; the organization's own dossiers form
   * a row of their own. Members and closed dossiers are counted apart from the stages.
   */
  async board(ctx: RequestContext, orgId: number | undefined) {
    const scope = ctx.user.scope;
    const org = orgId === undefined ? undefined : await this.orgInScope(ctx, orgId);
    const columns = ['party_orgs.id', 'party_orgs.name', 'party_orgs.kind', 'party_orgs.path', 'party_orgs.parent_id'] as const;
    let rows: { id: number; name: string; kind: string; path: string; parent_id: number | null }[];
    if (org) {
      rows = await scopedOrgs(this.db.selectFrom('party_orgs'), scope).select(columns).where('party_orgs.parent_id', '=', org.id).where('party_orgs.status', '=', 'active').orderBy('party_orgs.id').execute();
    } else {
      // The top of the scope: organizations whose parent is outside it (or who have none).
      const inScope = await scopedOrgs(this.db.selectFrom('party_orgs'), scope).select(columns).where('party_orgs.status', '=', 'active').orderBy('party_orgs.id').execute();
      const ids = new Set(inScope.map((o) => o.id));
      rows = inScope.filter((o) => o.parent_id === null || !ids.has(o.parent_id));
    }
    const withChildren = new Set<number>();
    if (rows.length > 0) {
      const parents = await scopedOrgs(this.db.selectFrom('party_orgs'), scope).select('party_orgs.parent_id').distinct()
        .where('party_orgs.parent_id', 'in', rows.map((r) => r.id)).where('party_orgs.status', '=', 'active').execute();
      for (const p of parents) if (p.parent_id !== null) withChildren.add(p.parent_id);
    }

    type Counts = { stages: number[]; active: number; members: number; closed: number };
    const empty = (): Counts => ({ stages: [0, 0, 0, 0, 0], active: 0, members: 0, closed: 0 });
    const add = (c: Counts, status: string, step: number) => {
      if (status === 'active') {
        c.stages[stageOf(step) - 1]! += 1;
        c.active += 1;
      } else if (status === 'member') c.members += 1;
      else c.closed += 1;
    };
    const counted = rows.map((r) => ({ row: r, counts: empty() }));
    const self = empty();
    const totals = empty();
    let q = scopedDossiers(dossierQuery(this.db), scope).clearSelect().select(['d.status', 'd.current_step', 'o.path as handling_path', 'd.org_id']);
    if (org) {
      const [low, high] = prefixRange(org.path);
      q = q.where(sql<SqlBool>`(o.path >= ${low} and o.path < ${high})`);
    }
    for (const d of await q.execute()) {
      const into = counted.find((c) => d.handling_path.startsWith(c.row.path));
      if (into) add(into.counts, d.status, d.current_step);
      else if (org && d.org_id === org.id) add(self, d.status, d.current_step);
      else continue; // handled outside the scope and seen from the other place: not on this board
      add(totals, d.status, d.current_step);
    }
    const items = counted.map(({ row, counts }) => ({ orgId: row.id, orgName: row.name, kind: row.kind, hasChildren: withChildren.has(row.id), self: false, ...counts }));
    if (org && self.active + self.members + self.closed > 0) items.unshift({ orgId: org.id, orgName: `${org.name}（本级）`, kind: org.kind, hasChildren: false, self: true, ...self });

    // The way back up: the ancestors the user may see.
    const ancestorIds = org ? (org.path.match(/\d{10}/g) ?? []).map(Number) : [];
    const ancestors = ancestorIds.length
      ? await scopedOrgs(this.db.selectFrom('party_orgs'), scope).select(['party_orgs.id', 'party_orgs.name']).where('party_orgs.id', 'in', ancestorIds).execute()
      : [];
    const byId = new Map(ancestors.map((a) => [a.id, a.name]));
    return {
      org: org ? { id: org.id, name: org.name } : null,
      breadcrumb: ancestorIds.filter((id) => byId.has(id)).map((id) => ({ orgId: id, orgName: byId.get(id)! })),
      stages: [1, 2, 3, 4, 5].map((n) => ({ number: n, name: ['申请入党', '入党积极分子', '发展对象', '预备党员的接收', '预备党员转正'][n - 1]! })),
      totals,
      rows: items,
    };
  }

  /**
   * The batch audit: the rule engine over every dossier in scope, active ones as of today, finished
   * and closed ones as of their last recorded date (they are not "overdue" after they closed).
   * BLOCK and WARN findings only: INFO findings are computed values, not defects.
   */
  async audit(ctx: RequestContext, orgId: number | undefined): Promise<AuditReport> {
    const today = chinaToday();
    const settings = await this.dossierAudit.settings();
    const findings: AuditFindingRow[] = [];
    const byOrg = new Map<number, AuditReport['byOrg'][number]>();
    let withBlock = 0;
    let withWarn = 0;
    const rows = await this.dossiers(ctx, orgId);
    for (const row of rows) {
      const pending = pendingOf(row);
      const view = engineView(documentOf(row), pending);
      const asOf = row.status === 'active' ? today : judgeAsOf(view, undefined, today);
      const found = judge(view, asOf, settings, Object.keys(pending).length > 0).filter((f) => f.severity !== 'INFO');
      const block = found.some((f) => f.severity === 'BLOCK');
      const warn = found.some((f) => f.severity === 'WARN');
      if (block) withBlock += 1;
      if (warn) withWarn += 1;
      const o = byOrg.get(row.org_id) ?? { orgId: row.org_id, orgName: row.org_name, dossiers: 0, withBlock: 0, withWarn: 0, findings: 0 };
      o.dossiers += 1;
      if (block) o.withBlock += 1;
      if (warn) o.withWarn += 1;
      o.findings += found.length;
      byOrg.set(row.org_id, o);
      for (const f of found) {
        findings.push({
          dossierId: row.id, personName: row.person_name, orgId: row.org_id, orgName: row.org_name, status: row.status, currentStep: row.current_step,
          step: f.step, stepName: stepName(f.step), rule: f.rule, ruleName: ruleById(f.rule)?.name ?? f.rule, severity: f.severity, message: f.message, source: f.source,
        });
      }
    }
    const rules = new Map<string, AuditReport['byRule'][number] & { ids: Set<number> }>();
    for (const f of findings) {
      const r = rules.get(f.rule) ?? { rule: f.rule, name: f.ruleName, severity: f.severity, count: 0, dossiers: 0, dossierIds: [], ids: new Set<number>() };
      r.count += 1;
      r.ids.add(f.dossierId);
      if (severityRank[f.severity] > severityRank[r.severity]) r.severity = f.severity;
      rules.set(f.rule, r);
    }
    findings.sort((a, b) => severityRank[b.severity] - severityRank[a.severity] || a.dossierId - b.dossierId || a.step - b.step || a.rule.localeCompare(b.rule));
    return {
      asOf: today, city: settings.city,
      totals: { dossiers: rows.length, withBlock, withWarn, findings: findings.length },
      byRule: [...rules.values()]
        .map(({ ids, ...r }) => ({ ...r, dossiers: ids.size, dossierIds: [...ids].slice(0, 200) }))
        .sort((a, b) => severityRank[b.severity] - severityRank[a.severity] || b.dossiers - a.dossiers || a.rule.localeCompare(b.rule)),
      byOrg: [...byOrg.values()].sort((a, b) => b.withBlock - a.withBlock || b.withWarn - a.withWarn || a.orgId - b.orgId),
      findings,
    };
  }

  /** The report as JSON, its findings list capped (the export has them all). */
  async auditView(ctx: RequestContext, orgId: number | undefined) {
    const report = await this.audit(ctx, orgId);
    return { ...report, findings: report.findings.slice(0, MAX_ITEMS) };
  }

  /** The report as .xlsx (按规则 / 按党组织 / 问题明细), logged with its counts. */
  async auditExport(ctx: RequestContext, orgId: number | undefined) {
    const report = await this.audit(ctx, orgId);
    await this.auditLog.record(actorOf(ctx), {
      action: 'pipeline.audit.export', objectType: 'dossier', objectIds: [...new Set(report.findings.map((f) => f.dossierId))].slice(0, 1000),
      detail: { orgId: orgId ?? null, asOf: report.asOf, ...report.totals },
    });
    return { fileName: `档案批量审核-${report.asOf.replace(/-/g, '')}.xlsx`, body: await auditWorkbook(report, ctx.user.displayName) };
  }
}
