import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { chinaToday } from '@xinxue/domain';
import { isIsoDate } from '@xinxue/domain/calendar/index';
import { DOSSIER_FORMAT, type Dossier, readDossierFile } from '@xinxue/domain/dossier/index';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { appError } from '../../lib/errors.ts';
import { assertOrgInScope } from '../../lib/scope.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import { DossierAuditService } from '../dossier-audit/dossier-audit.service.ts';
import type { CitySettings } from '@xinxue/domain/settings/index';
import type { PersonWriter } from '../ledger/person-writer.ts';
import type { ApplicantListener } from '../talent/talent.service.ts';
import { foldPapers } from '../pipeline-papers/index.ts';
import { type ChecklistItem, findingKey, gate, type GateFinding, judge, judgeAsOf, sixRefusals } from '@xinxue/domain/pipeline/gate';
import { type DeferralFacts, deferralFacts, personBlock, withDeferral } from './pipeline-ledger.ts';
import { type DossierRow, documentOf, hasHalfFilled, loadDossier, pendingOf } from './pipeline-store.ts';
import { stampRecordedAt, withoutRecordedAt } from './pipeline-recorded-at.ts';
import {
  type AnyStepInput, applyStep, nextStepOf, approverSteps, deferralSteps, engineView, isStepNumber, type Pending, repeatableSteps, sixRefusalSteps, stepDate, stepLabel, stepSchemas, type StepNumber,
} from '@xinxue/domain/pipeline/step-inputs';

/**
 * The development workflow (发展党员): opening a dossier for a ledger person, recording the 25 steps
 * through the rule engine's gate, send-back, withdrawal and "not recognized". Every write compares
 * the version the clerk read inside the same transaction (`update … where version = ?`), appends an
 * event and an audit entry; nothing is ever deleted.
 */
export const MIN_JUSTIFICATION = 10;

export interface StepRequest {
  version: number;
  justification?: string | undefined;
  fields: Record<string, unknown>;
  /**
   * When the step's record was entered, for loaders that enter records of the past as if on time
   * (the demo); the HTTP API never passes it, so a clerk's entry is stamped with the current time.
   */
  enteredAt?: string | undefined;
}

export interface StepResult {
  dossierId: number;
  step: number;
  version: number;
  findings: GateFinding[];
  justifiedWarnings: GateFinding[];
  checklist: ChecklistItem[] | null;
  deferral: DeferralFacts | null;
}

type OrgRow = { id: number; name: string; kind: string; host_kind: string; approval_power: number; may_develop: number | null; division_code: string; path: string; status: string };

const ORG_COLUMNS = ['id', 'name', 'kind', 'host_kind', 'approval_power', 'may_develop', 'division_code', 'path', 'status'] as const;
const today = () => chinaToday();

function zodFailure(error: z.ZodError, prefix = ''): never {
  const issue = error.issues[0]!;
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  throw appError('VALIDATION_FAILED', issue.message.startsWith('Invalid') || issue.message.startsWith('Unrecognized') ? `字段“${field}”不正确：${issue.message}` : issue.message, { field });
}

export function newExternalId(): string {
  return `XX-${today().replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
}

export class PipelineService {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
    private readonly writer: PersonWriter,
    private readonly rules: DossierAuditService,
    private readonly auditLog: AuditLogService,
  ) {}

  // ── organizations ──────────────────────────────────────────────────────────────────────────────

  async orgRow(db: Db, id: number): Promise<OrgRow> {
    const row = await db.selectFrom('party_orgs').select(ORG_COLUMNS).where('id', '=', id).executeTakeFirst();
    if (!row) throw appError('ORG_NOT_FOUND');
    return row;
  }

  /** The nearest committee above (or at) the organization with approval power, else the nearest committee. */
  private async defaultApprover(db: Db, org: OrgRow): Promise<OrgRow | undefined> {
    const ids = (org.path.match(/\d{10}/g) ?? []).map(Number);
    if (!ids.length) return undefined;
    const chain = await db.selectFrom('party_orgs').select(ORG_COLUMNS).where('id', 'in', ids).execute();
    const deepestFirst = chain.sort((a, b) => b.path.length - a.path.length).filter((o) => o.kind === 'committee');
    return deepestFirst.find((o) => o.approval_power === 1) ?? deepestFirst[0];
  }

  /** The format's `org` block from the tree: branch, approver (R-APPROVER), mobile org and may-develop (R-MIG-MOBILE-ORG-SCOPE). */
  private async orgBlock(db: Db, org: OrgRow, approver: OrgRow | undefined): Promise<NonNullable<Dossier['org']>> {
    const mobile = org.host_kind === 'mobileOrg';
    return {
      branch: org.name,
      // A 党支部 has no approval power in the tree; the format names it as an approver without power.
      approver: approver
        ? { name: approver.name, kind: approver.kind === 'generalBranch' ? 'generalBranch' : 'committee', hasApprovalPower: approver.kind === 'committee' && approver.approval_power === 1 }
        : { name: '（未确定审批党委）', kind: 'committee', hasApprovalPower: false },
      isMobileOrg: mobile,
      canDevelop: mobile ? org.may_develop === 1 : true,
    };
  }

  // ── opening ─────────────────────────────────────────────────────────────────────────────────────

  async open(ctx: RequestContext, input: { personId: number; orgId: number; otherOrgId?: number | undefined; datedOn: string; receivedOn?: string | undefined; signed?: boolean | undefined; justification?: string | undefined; enteredAt?: string | undefined }) {
    const person = await this.db.selectFrom('people').selectAll().where('id', '=', input.personId).executeTakeFirst();
    if (!person) throw appError('PERSON_NOT_FOUND', undefined, { field: 'personId' });
    const org = await this.orgRow(this.db, input.orgId);
    assertOrgInScope(org, ctx.user.scope, '办理的党组织');
    const other = input.otherOrgId ? await this.orgRow(this.db, input.otherOrgId) : null;
    const settings = await this.rules.settings();
    const id = await this.db.transaction().execute((tx) =>
      this.create(tx, actorOf(ctx), { settings, person, org, other, step1: { datedOn: input.datedOn, receivedOn: input.receivedOn, signed: input.signed ?? true }, justification: input.justification, requireJustification: true, origin: 'api', enteredAt: input.enteredAt }),
    );
    return id;
  }

  /** The talent module's hook: a cultivation target who applied gets a dossier at the organization where they live or work. */
  readonly onBecameApplicant: ApplicantListener = async (tx, event) => {
    const person = await tx.selectFrom('people').selectAll().where('id', '=', event.personId).executeTakeFirst();
    if (!person) return;
    const existing = await tx.selectFrom('dossiers').select('id').where('person_id', '=', person.id).where('status', '=', 'active').executeTakeFirst();
    if (existing) return;
    const org = await this.handlingOrgFor(tx, person.division_code);
    // Without an organization in the tree for the place, the clerk opens the dossier by hand (POST /api/dossiers).
    if (!org) return;
    // Read through the talent module's transaction: on SQLite a second connection would wait on it.
    const settings = await new DossierAuditService(tx, this.auditLog).settings();
    await this.create(tx, event.actor, { settings, person, org, other: null, step1: { datedOn: event.appliedOn, signed: true }, justification: undefined, requireJustification: false, origin: 'cultivationTarget', targetId: event.targetId });
  };

  /** The most local active organization of the person's place: the longest division match, a 党支部 before a 党委. */
  async handlingOrgFor(db: Db, divisionCode: string): Promise<OrgRow | undefined> {
    const prefixes = [2, 4, 6, 9, 12].map((n) => divisionCode.slice(0, n));
    const rows = await db.selectFrom('party_orgs').select(ORG_COLUMNS).where('division_code', 'in', prefixes).where('status', '=', 'active').where('host_kind', 'not in', ['mobileOrg', 'microOrg']).execute();
    const rank = (k: string) => ({ branch: 0, generalBranch: 1, committee: 2 })[k] ?? 3;
    return rows.sort((a, b) => b.division_code.length - a.division_code.length || rank(a.kind) - rank(b.kind) || a.id - b.id)[0];
  }

  private async create(
    tx: Db,
    actor: Actor,
    input: {
      settings: CitySettings;
      person: Parameters<typeof personBlock>[1] & { id: number };
      org: OrgRow; other: OrgRow | null; step1: { datedOn: string; receivedOn?: string | undefined; signed: boolean };
      justification: string | undefined; requireJustification: boolean; origin: 'api' | 'cultivationTarget'; targetId?: number; enteredAt?: string | undefined;
    },
  ): Promise<number> {
    const { person, org, other } = input;
    if (org.status !== 'active') throw appError('VALIDATION_FAILED', `党组织“${org.name}”已撤销或合并，不能办理`, { field: 'orgId' });
    const active = await tx.selectFrom('dossiers').select('id').where('person_id', '=', person.id).where('status', '=', 'active').executeTakeFirst();
    if (active) throw appError('DOSSIER_EXISTS', `此人已有正在办理的发展党员档案（编号 ${active.id}）`, { field: 'personId' });
    const parsed = stepSchemas[1].safeParse(input.step1);
    if (!parsed.success) zodFailure(parsed.error);
    const externalId = newExternalId();
    const base: Dossier = { id: externalId, person: personBlock(this.crypto, person), org: await this.orgBlock(tx, org, await this.defaultApprover(tx, org)) };
    const result = await this.judgeStep(tx, { settings: input.settings, base, pending: {}, step: 1, input: parsed.data, personId: person.id, org, accepted: new Set(), justification: input.justification, requireJustification: input.requireJustification, enteredAt: input.enteredAt });
    const now = new Date().toISOString();
    const { id } = await tx
      .insertInto('dossiers')
      .values({
        external_id: externalId, person_id: person.id, org_id: org.id, other_org_id: other?.id ?? null, division_code: org.division_code, other_division_code: other?.division_code ?? null,
        status: 'active', current_step: 2, document: JSON.stringify(result.document), pending: JSON.stringify(result.pending), opened_on: parsed.data.datedOn, version: 0,
        created_by: actor.id, created_at: now, updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.appendEvent(tx, actor, id, 'opened', 1, parsed.data.datedOn, { origin: input.origin, ...(input.targetId ? { targetId: input.targetId } : {}), input: parsed.data, ...result.eventDetail });
    await this.auditLog.append(tx, actor, { action: 'dossier.open', objectType: 'dossier', objectIds: [id], detail: { personId: person.id, orgId: org.id, origin: input.origin, warnings: result.outcome.newWarnings.length } });
    return id;
  }

  // ── the gate ────────────────────────────────────────────────────────────────────────────────────

  /** Applies a step to the document and asks the rule engine; throws STEP_BLOCKED / STEP_JUSTIFICATION_REQUIRED as the findings say. */
  private async judgeStep(
    db: Db,
    args: { settings: CitySettings; base: Dossier; pending: Pending; step: StepNumber; input: AnyStepInput; personId: number; org: OrgRow; accepted: ReadonlySet<string>; justification: string | undefined; requireJustification: boolean; actorName?: string; enteredAt?: string | undefined },
  ) {
    const { step, input } = args;
    const applied = applyStep(step, input, args.base, args.pending);
    const { pending } = applied;
    let { document } = applied;
    if (step === 8 && !document.candidate?.upperConsentOn && !document.candidate?.filedOn) {
      throw appError('VALIDATION_FAILED', '请填写上级党委同意日期（2026年起）或报上级党委备案日期', { field: 'upperConsentOn' });
    }
    const on = stepDate(step, input, document) ?? today();
    let deferral: DeferralFacts | null = null;
    if (deferralSteps.has(step)) {
      // Recomputed at each deferral step: an exception decided at step 3 does not carry over to step 7.
      deferral = await deferralFacts(db, this.writer, args.personId, args.org.division_code, document, on);
      document = withDeferral({ ...document, deferral: {} }, deferral);
    }
    const view = engineView(withoutRecordedAt(document), pending);
    const findings = judge(view, judgeAsOf(view, on, today()), args.settings, hasHalfFilled(pending));
    const outcome = gate(findings, step, args.accepted);
    const checklist = sixRefusalSteps.has(step) ? sixRefusals(view, findings) : null;
    const details = { step, findings: outcome.relevant, checklist, deferral };
    if (outcome.blocks.length > 0) {
      const list = outcome.blocks.map((f) => `${f.rule}：${f.message}`).join('；');
      throw appError('STEP_BLOCKED', `${stepLabel(step)}不能办理：${list}`, { details: { ...details, blocks: outcome.blocks } });
    }
    const justification = args.justification?.trim();
    if (outcome.newWarnings.length > 0 && args.requireJustification && (!justification || justification.length < MIN_JUSTIFICATION)) {
      const list = outcome.newWarnings.map((f) => `${f.rule}：${f.message}`).join('；');
      throw appError('STEP_JUSTIFICATION_REQUIRED', `有 ${outcome.newWarnings.length} 项警示（${list}）；如继续办理，请写明理由（不少于${MIN_JUSTIFICATION}个字）`, { field: 'justification', details: { ...details, warnings: outcome.newWarnings } });
    }
    const justified = justification && outcome.newWarnings.length > 0 ? outcome.newWarnings : [];
    if (justified.some((f) => f.rule.startsWith('R-DEFER-')) && justification) {
      // The format's place for a recorded exception to the three deferrals, so an export keeps it.
      document = { ...document, deferral: { ...document.deferral, override: { reason: justification, by: args.actorName ?? '办理人', on } } };
    }
    const stamped = stampRecordedAt({ document: args.base, pending: args.pending }, { document, pending }, args.enteredAt);
    return {
      document: stamped.document, pending: stamped.pending, outcome, on,
      eventDetail: {
        findings: outcome.relevant, infos: outcome.infos, justification: justified.length ? justification : null, accepted: justified.map(findingKey),
        unjustifiedWarnings: justified.length ? [] : outcome.newWarnings, checklist, deferral,
      },
      result: { findings: outcome.relevant, justifiedWarnings: justified, checklist, deferral },
    };
  }

  private async acceptedWarnings(db: Db, dossierId: number): Promise<Set<string>> {
    const rows = await db.selectFrom('dossier_events').select('detail').where('dossier_id', '=', dossierId).where('kind', 'in', ['opened', 'step']).execute();
    const keys = new Set<string>();
    for (const r of rows) for (const k of (JSON.parse(r.detail) as { accepted?: string[] }).accepted ?? []) keys.add(k);
    return keys;
  }

  /** The three deferrals as the ledger's facts stand on `on` (default today), for the step-3 and step-7 forms; reads only. */
  async deferral(ctx: RequestContext, id: number, on: string | undefined): Promise<DeferralFacts> {
    const row = await loadDossier(this.db, ctx, id, 'read');
    if (on !== undefined && !isIsoDate(on)) throw appError('VALIDATION_FAILED', '日期不正确', { field: 'on' });
    return deferralFacts(this.db, this.writer, row.person_id, row.org_division, documentOf(row), on ?? today());
  }

  // ── recording a step ────────────────────────────────────────────────────────────────────────────

  async recordStep(ctx: RequestContext, id: number, step: number, request: StepRequest): Promise<StepResult> {
    if (!isStepNumber(step)) throw appError('VALIDATION_FAILED', '步骤应为 1 至 25', { field: 'step' });
    const row = await loadDossier(this.db, ctx, id, 'write');
    this.assertOpen(row, step);
    const parsed = stepSchemas[step].safeParse(request.fields);
    if (!parsed.success) zodFailure(parsed.error);
    if (request.version !== row.version) throw this.conflict();
    const allowed = step === row.current_step || (repeatableSteps.has(step) && row.current_step === step + 1);
    if (!allowed) {
      const next = row.current_step <= 25 ? stepLabel(row.current_step) : '（已全部办结）';
      throw appError('STEP_OUT_OF_ORDER', step < row.current_step ? `${stepLabel(step)}已办理；如需重新办理，请先退回到该步骤。下一步应办理${next}` : `请按顺序办理：下一步应办理${next}`, { field: 'step', details: { currentStep: row.current_step } });
    }
    const org = await this.orgRow(this.db, row.org_id);
    const input = parsed.data as AnyStepInput;
    let base = documentOf(row);
    const approverId = approverSteps.has(step) ? (input as { approverOrgId?: number }).approverOrgId : undefined;
    // The tree may have changed (may-develop decided, approval power given): the org block follows it;
    // an approver named at an earlier step stays unless this step names another.
    const block = await this.orgBlock(this.db, org, approverId ? await this.orgRow(this.db, approverId) : await this.defaultApprover(this.db, org));
    base = { ...base, org: approverId || !base.org?.approver ? block : { ...block, approver: base.org.approver } };
    // Recorded notices (公示) and answered letters (征求意见函) of the stages this step covers join the document the gate judges.
    base = await foldPapers(this.db, id, step, base, input);
    const actor = actorOf(ctx);
    let judged;
    try {
      judged = await this.judgeStep(this.db, { settings: await this.rules.settings(), base, pending: pendingOf(row), step, input, personId: row.person_id, org, accepted: await this.acceptedWarnings(this.db, id), justification: request.justification, requireJustification: true, actorName: ctx.user.displayName, enteredAt: request.enteredAt });
    } catch (error) {
      if ((error as { code?: string }).code === 'STEP_BLOCKED' || (error as { code?: string }).code === 'STEP_JUSTIFICATION_REQUIRED') {
        await this.recordRefusal(actor, row.id, step, input, error as { code: string; message: string; details?: Record<string, unknown> });
      }
      throw error;
    }
    const outcome = this.statusAfter(step, judged.document, row);
    const version = await this.db.transaction().execute(async (tx) => {
      const next = await this.bump(tx, row, {
        document: JSON.stringify(judged.document), pending: JSON.stringify(judged.pending), current_step: Math.max(row.current_step, step + 1), status: outcome,
      });
      await this.appendEvent(tx, actor, row.id, 'step', step, judged.on, { input, ...judged.eventDetail, before: { document: row.document, pending: row.pending } });
      await this.auditLog.append(tx, actor, {
        action: 'dossier.step', objectType: 'dossier', objectIds: [row.id],
        detail: { step, justified: judged.result.justifiedWarnings.map((f) => f.rule), ...(judged.eventDetail.justification ? { justification: judged.eventDetail.justification } : {}) },
      });
      return next;
    });
    return { dossierId: row.id, step, version, ...judged.result };
  }

  private statusAfter(step: number, d: Dossier, row: DossierRow): DossierRow['status'] {
    if (step === 24 && d.confirmation?.outcome === 'confirm') return 'member';
    if (step === 24 && d.confirmation?.outcome === 'cancel') return 'withdrawn';
    return row.status;
  }

  private assertOpen(row: DossierRow, step?: number): void {
    if (row.status === 'active') return;
    if (row.status === 'member' && step === 25) return;
    throw appError('DOSSIER_CLOSED', `该档案${{ withdrawn: '已撤回', notRecognized: '已按规定不予承认', member: '已转为正式党员', active: '' }[row.status]}，不能再办理`);
  }

  private conflict() {
    return appError('CONFLICT', '该档案已被他人更新（版本已变化），请刷新后重新办理');
  }

  /** The compare-and-bump: the row count of `update … where version = ?` decides, inside the write's transaction. */
  private async bump(tx: Db, row: Pick<DossierRow, 'id' | 'version'>, set: Partial<{ document: string; pending: string; current_step: number; status: DossierRow['status'] }>): Promise<number> {
    const result = await tx
      .updateTable('dossiers')
      .set({ ...set, version: row.version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw this.conflict();
    return row.version + 1;
  }

  private async recordRefusal(actor: Actor, dossierId: number, step: number, input: unknown, error: { code: string; message: string; details?: Record<string, unknown> }) {
    await this.db.transaction().execute(async (tx) => {
      await this.appendEvent(tx, actor, dossierId, 'refused', step, null, { input, code: error.code, message: error.message, findings: error.details?.findings ?? [] });
      await this.auditLog.append(tx, actor, { action: 'dossier.step', objectType: 'dossier', objectIds: [dossierId], outcome: 'failure', detail: { step, code: error.code } });
    });
  }

  async appendEvent(tx: Db, actor: Actor, dossierId: number, kind: string, step: number | null, occurredOn: string | null, detail: Record<string, unknown>) {
    await tx.insertInto('dossier_events').values({ dossier_id: dossierId, kind, step, occurred_on: occurredOn, detail: JSON.stringify(detail), recorded_by: actor.id, recorded_by_name: actor.name, recorded_at: new Date().toISOString() }).execute();
  }

  // ── send back, withdraw, not recognized ─────────────────────────────────────────────────────────

  /**
   * Back to an earlier step: the document returns to how it stood before that step was recorded (the
   * snapshot kept in the step's event); later steps are to be redone, their records stay in the history.
   */
  async sendBack(ctx: RequestContext, id: number, input: { version: number; toStep: number; reason: string }) {
    const row = await loadDossier(this.db, ctx, id, 'write');
    this.assertOpen(row);
    if (input.version !== row.version) throw this.conflict();
    if (input.reason.trim().length < 4) throw appError('VALIDATION_FAILED', '请写明退回原因（不少于4个字）', { field: 'reason' });
    // Step 1 is the application itself: a dossier is never sent back before it (withdraw it instead).
    if (!Number.isInteger(input.toStep) || input.toStep < 2 || input.toStep >= row.current_step) {
      throw appError('VALIDATION_FAILED', row.current_step > 2 ? `只能退回到已办理的第2至第${row.current_step - 1}步` : '还没有可以退回的步骤', { field: 'toStep' });
    }
    const events = await this.db.selectFrom('dossier_events').select(['kind', 'step', 'detail']).where('dossier_id', '=', id).where('kind', 'in', ['opened', 'step']).orderBy('id', 'desc').execute();
    let before: { document: string; pending: string } | undefined;
    for (const e of events) {
      if ((e.step ?? 0) < input.toStep) break;
      before = (JSON.parse(e.detail) as { before?: { document: string; pending: string } }).before;
      if (e.kind === 'opened') break;
    }
    if (!before) throw appError('VALIDATION_FAILED', `第${input.toStep}步是随导入的档案带入的，没有办理记录可以退回；请退回到导入后办理的步骤`, { field: 'toStep' });
    const actor = actorOf(ctx);
    await this.db.transaction().execute(async (tx) => {
      await this.bump(tx, row, { document: before.document, pending: before.pending, current_step: input.toStep });
      await this.appendEvent(tx, actor, id, 'sentBack', input.toStep, today(), { fromStep: row.current_step, toStep: input.toStep, reason: input.reason.trim(), undone: { document: row.document, pending: row.pending } });
      await this.auditLog.append(tx, actor, { action: 'dossier.sendBack', objectType: 'dossier', objectIds: [id], detail: { fromStep: row.current_step, toStep: input.toStep, reason: input.reason.trim() } });
    });
  }

  /** 撤回 (the person withdraws or the branch stops) and 不予承认 (V2026 art. 41): recorded, never deleted. */
  async close(ctx: RequestContext, id: number, kind: 'withdrawn' | 'notRecognized', input: { version: number; reason: string; on: string; decidedBy?: string | undefined }) {
    const row = await loadDossier(this.db, ctx, id, 'write');
    if (kind === 'withdrawn') this.assertOpen(row);
    else if (row.status !== 'active' && row.status !== 'member') throw appError('DOSSIER_CLOSED');
    if (input.version !== row.version) throw this.conflict();
    if (input.reason.trim().length < 4) throw appError('VALIDATION_FAILED', '请写明原因（不少于4个字）', { field: 'reason' });
    if (input.on > today()) throw appError('VALIDATION_FAILED', '日期不能晚于今天', { field: 'on' });
    if (kind === 'notRecognized' && !input.decidedBy?.trim()) throw appError('VALIDATION_FAILED', '请填写作出不予承认决定的组织（县级以上党委组织部门）', { field: 'decidedBy' });
    const actor = actorOf(ctx);
    await this.db.transaction().execute(async (tx) => {
      await this.bump(tx, row, { status: kind });
      await this.appendEvent(tx, actor, id, kind, null, input.on, { reason: input.reason.trim(), previousStatus: row.status, ...(input.decidedBy ? { decidedBy: input.decidedBy.trim() } : {}) });
      await this.auditLog.append(tx, actor, { action: `dossier.${kind}`, objectType: 'dossier', objectIds: [id], detail: { reason: input.reason.trim(), on: input.on } });
    });
  }

  // ── import (export lives in pipeline-views) ─────────────────────────────────────────────────────

  /**
   * Imports `xinxue-dossier/1`: a file with any error is refused whole, naming each error's JSON path;
   * a dossier is matched by its id (idempotent: the same file twice changes nothing), the person by
   * the ID number in the ledger, the handling organization is the one given.
   */
  async import(ctx: RequestContext, value: unknown, orgId: number) {
    const org = await this.orgRow(this.db, orgId);
    assertOrgInScope(org, ctx.user.scope, '办理的党组织');
    const read = readDossierFile(value);
    if (!read.ok) {
      throw appError('DOSSIER_FORMAT_INVALID', `档案文件有 ${read.errors.length}${read.truncated ? '余' : ''} 处错误，未导入任何档案：${read.errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join('；')}`, { details: { errors: read.errors } });
    }
    const errors: { path: string; message: string }[] = [];
    const people: number[] = [];
    for (const [i, d] of read.file.dossiers.entries()) {
      const id = d.person.idNumber;
      const person = id ? await this.db.selectFrom('people').select(['id', 'merged_into']).where('id_number_hash', '=', this.writer.idHash(id.toUpperCase())).executeTakeFirst() : undefined;
      if (!person) errors.push({ path: `$.dossiers[${i}].person.idNumber`, message: id ? '台帐中没有此公民身份号码的人员，请先导入台帐' : '导入须有公民身份号码，以便与台帐人员对应' });
      people.push(person?.merged_into ?? person?.id ?? 0);
    }
    if (errors.length) throw appError('DOSSIER_FORMAT_INVALID', `有 ${errors.length} 份档案无法与台帐对应，未导入任何档案：${errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join('；')}`, { details: { errors } });
    const actor = actorOf(ctx);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    await this.db.transaction().execute(async (tx) => {
      for (const [i, d] of read.file.dossiers.entries()) {
        const text = JSON.stringify(d);
        const existing = await tx.selectFrom('dossiers').selectAll().where('external_id', '=', d.id).executeTakeFirst();
        const now = new Date().toISOString();
        const current = nextStepOf(d, {});
        const status = d.confirmation?.outcome === 'confirm' && d.confirmation.approvalOn ? 'member' : 'active';
        if (existing) {
          const existingOrg = await this.orgRow(tx, existing.org_id);
          assertOrgInScope(existingOrg, ctx.user.scope, `$.dossiers[${i}] 的办理党组织`);
          if (isDeepStrictEqual(JSON.parse(existing.document), d)) {
            counts.unchanged += 1;
            continue;
          }
          await this.bump(tx, existing, { document: text, pending: '{}', current_step: current, status });
          await this.appendEvent(tx, actor, existing.id, 'imported', null, today(), { replaced: true, before: { document: existing.document, pending: existing.pending } });
          counts.updated += 1;
        } else {
          const { id } = await tx
            .insertInto('dossiers')
            .values({ external_id: d.id, person_id: people[i]!, org_id: org.id, other_org_id: null, division_code: org.division_code, other_division_code: null, status, current_step: current, document: text, pending: '{}', opened_on: d.application?.datedOn ?? today(), version: 0, created_by: actor.id, created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          await this.appendEvent(tx, actor, id, 'imported', null, today(), { replaced: false });
          counts.created += 1;
        }
      }
      await this.auditLog.append(tx, actor, { action: 'dossier.import', objectType: 'dossierFile', detail: { dossiers: read.file.dossiers.length, ...counts, orgId } });
    });
    return { format: DOSSIER_FORMAT, dossiers: read.file.dossiers.length, ...counts };
  }
}
