import { chinaToday } from '@xinxue/domain';
import { DOSSIER_FORMAT, type Dossier, writeDossierFile } from '@xinxue/domain/dossier/index';
import { stages, steps as officialSteps } from '@xinxue/domain/pipeline/index';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DossierAuditService } from '../dossier-audit/dossier-audit.service.ts';
import { maskedIdNumber } from '../ledger/person-state.ts';
import { judge, sixRefusals, toGateFinding } from '@xinxue/domain/pipeline/gate';
import { dossierQuery, type DossierRow, documentOf, hasHalfFilled, loadDossier, pendingOf, scopedDossiers } from './pipeline-store.ts';
import { nextActions } from './pipeline-actions.ts';
import { engineOf, likeOperator } from '../../db/dialect.ts';
import { type SqlBool, sql } from 'kysely';
import { engineView, stepsPresent } from '@xinxue/domain/pipeline/step-inputs';

/** Lists, the dossier page's data and the export: everything through `scopedDossiers` / `loadDossier`. */
export interface DossierFilter {
  stage?: number | undefined;
  step?: number | undefined;
  orgId?: number | undefined;
  status?: DossierRow['status'] | undefined;
  personId?: number | undefined;
  /** With orgId: the organization and every organization under it (handling or other place). */
  subtree?: boolean | undefined;
  /** Part of the person's name. */
  q?: string | undefined;
}

export type DossierSort = 'updated' | 'id';

export const eventKindLabels: Record<string, string> = {
  opened: '建档（递交入党申请书）', step: '办理步骤', refused: '办理被拒绝', sentBack: '退回', withdrawn: '撤回', notRecognized: '不予承认', imported: '导入',
};

const stageOf = (step: number) => officialSteps[Math.min(step, 25) - 1]!.stage;

export class PipelineViews {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
    private readonly rules: DossierAuditService,
    private readonly auditLog: AuditLogService,
  ) {}

  private filtered(ctx: RequestContext, filter: DossierFilter) {
    let q = scopedDossiers(dossierQuery(this.db), ctx.user.scope);
    if (filter.step) q = q.where('d.current_step', '=', filter.step);
    if (filter.stage) {
      const numbers = officialSteps.filter((s) => s.stage === filter.stage).map((s) => s.number);
      // A dossier past step 25 (archived) counts in stage 5.
      q = q.where('d.current_step', 'in', filter.stage === 5 ? [...numbers, 26] : numbers);
    }
    if (filter.orgId && filter.subtree) {
      // The org's path includes its own id, so the subtree is one range on either side's path.
      const path = this.db.selectFrom('party_orgs').select('path').where('id', '=', filter.orgId);
      const under = (column: 'o.path' | 'oo.path') => sql<SqlBool>`(${sql.ref(column)} >= (${path}) and ${sql.ref(column)} < (${path}) || 'z')`;
      q = q.where((eb) => eb.or([under('o.path'), eb.and([eb('d.other_org_id', 'is not', null), under('oo.path')])]));
    } else if (filter.orgId) q = q.where((eb) => eb.or([eb('d.org_id', '=', filter.orgId!), eb('d.other_org_id', '=', filter.orgId!)]));
    const text = filter.q?.trim();
    if (text) {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Per dossier (few) rather than over the whole ledger (many people, no index serves a substring).
      const like = sql.raw(likeOperator(engineOf(this.db)));
      q = q.where(sql<SqlBool>`exists (select 1 from people pq where pq.id = d.person_id and pq.name ${like} ${pattern} escape '\\')`);
    }
    if (filter.status) q = q.where('d.status', '=', filter.status);
    if (filter.personId) q = q.where('d.person_id', '=', filter.personId);
    return q;
  }

  async list(ctx: RequestContext, filter: DossierFilter, page: number, pageSize: number, sort: DossierSort = 'id') {
    const base = this.filtered(ctx, filter);
    const { total } = await base.clearSelect().select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
    const rows = (await base.innerJoin('people as p', 'p.id', 'd.person_id').select(['p.name as person_name', 'p.id_number_masked', 'p.id_number_enc']).$if(sort === 'updated', (qb) => qb.orderBy('d.updated_at', 'desc')).orderBy('d.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute()) as (DossierRow & { person_name: string; id_number_masked: string | null; id_number_enc: string | null })[];
    return {
      total: Number(total), page, pageSize,
      items: rows.map((r) => ({
        id: r.id, externalId: r.external_id, personId: r.person_id, personName: r.person_name, idNumberMasked: maskedIdNumber(this.crypto, r),
        orgId: r.org_id, orgName: r.org_name, otherOrgId: r.other_org_id, otherOrgName: r.other_name, status: r.status, currentStep: r.current_step,
        currentStepName: officialSteps[r.current_step - 1]?.name ?? '已归档', stage: stageOf(r.current_step), openedOn: r.opened_on, updatedAt: r.updated_at, version: r.version,
      })),
    };
  }

  /** The dossier page: the 25 steps with their status, recorded values, events, files and the engine's findings as of today. */
  async detail(ctx: RequestContext, id: number) {
    const row = await loadDossier(this.db, ctx, id, 'read');
    const document = documentOf(row);
    const pending = pendingOf(row);
    const person = await this.db.selectFrom('people').select(['id', 'name', 'id_number_masked', 'id_number_enc', 'division_code']).where('id', '=', row.person_id).executeTakeFirstOrThrow();
    const events = await this.db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('id').execute();
    const files = await this.db.selectFrom('dossier_documents').select(['id', 'step', 'file_name', 'content_type', 'size', 'sha256', 'uploaded_at']).where('dossier_id', '=', id).orderBy('id').execute();
    const view = engineView(document, pending);
    const findings = judge(view, chinaToday(), await this.rules.settings(), hasHalfFilled(pending));

    // The effective record of each step: the latest step event not undone by a later send-back.
    let floor = Number.POSITIVE_INFINITY;
    const effective = new Map<number, { on: string | null; input: unknown; recordedAt: string; by: string }[]>();
    const redone = new Set<number>();
    for (const e of [...events].reverse()) {
      if (e.kind === 'sentBack') floor = Math.min(floor, e.step ?? floor);
      if ((e.kind === 'step' || e.kind === 'opened') && e.step !== null) {
        if (e.step >= floor) redone.add(e.step);
        else {
          const list = effective.get(e.step) ?? [];
          list.unshift({ on: e.occurred_on, input: (JSON.parse(e.detail) as { input?: unknown }).input ?? null, recordedAt: e.recorded_at, by: e.recorded_by_name });
          effective.set(e.step, list);
        }
      }
    }
    const present = stepsPresent(document, pending);
    const steps = officialSteps.map((s) => {
      const records = effective.get(s.number) ?? [];
      const done = s.number < row.current_step;
      const status = done ? (records.length || present.has(s.number) ? 'done' : 'missing') : s.number === row.current_step && row.status === 'active' ? 'current' : 'pending';
      return {
        number: s.number, stage: s.stage, name: s.name, status: status as 'done' | 'missing' | 'current' | 'pending',
        redo: !done && redone.has(s.number), records, findings: findings.filter((f) => f.step === s.number).map(toGateFinding),
      };
    });
    return {
      id: row.id, externalId: row.external_id, status: row.status, currentStep: row.current_step, stage: stageOf(row.current_step), version: row.version, openedOn: row.opened_on,
      person: { id: person.id, name: person.name, idNumberMasked: maskedIdNumber(this.crypto, person), divisionCode: person.division_code },
      org: { id: row.org_id, name: row.org_name }, otherOrg: row.other_org_id ? { id: row.other_org_id, name: row.other_name ?? '' } : null,
      stages: stages.map((s) => ({ number: s.number, name: s.name })),
      steps,
      findings: findings.map(toGateFinding),
      sixRefusals: row.current_step >= 15 ? sixRefusals(view, findings) : null,
      document, pending,
      events: events.map((e) => {
        const detail = JSON.parse(e.detail) as Record<string, unknown>;
        delete detail.before;
        delete detail.undone;
        return { id: e.id, kind: e.kind, kindLabel: eventKindLabels[e.kind] ?? e.kind, step: e.step, occurredOn: e.occurred_on, recordedAt: e.recorded_at, recordedBy: e.recorded_by_name, detail };
      }),
      files: files.map((f) => ({ id: f.id, step: f.step, fileName: f.file_name, contentType: f.content_type, size: f.size, sha256: f.sha256, uploadedAt: f.uploaded_at })),
      nextActions: nextActions(ctx, row, new Set(effective.keys())),
    };
  }

  /** `xinxue-dossier/1` of one dossier or of all in scope under a filter (logged). Half-filled steps (pending) are not part of the format. */
  async export(ctx: RequestContext, filter: DossierFilter & { ids?: number[] }) {
    let rows: Pick<DossierRow, 'id' | 'document'>[];
    if (filter.ids?.length === 1) rows = [await loadDossier(this.db, ctx, filter.ids[0]!, 'read')];
    else rows = (await this.filtered(ctx, filter).orderBy('d.id').execute()) as DossierRow[];
    const dossiers: Dossier[] = rows.map(documentOf);
    await this.auditLog.record(actorOf(ctx), { action: 'dossier.export', objectType: 'dossier', objectIds: rows.map((r) => r.id).slice(0, 1000), detail: { dossiers: rows.length } });
    return writeDossierFile({ format: DOSSIER_FORMAT, dossiers });
  }
}
