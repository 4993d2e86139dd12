import { chinaToday } from '@xinxue/domain';
import ExcelJS from 'exceljs';
import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertOrgInScope } from '../../lib/scope.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import { loadDossier } from '../pipeline/pipeline-store.ts';
import { aliasInScope, dossierPapers, type NoticeStatus, noticesWithObjections, requestView } from './papers-store.ts';

/** The register of notices (公示登记簿), its .xlsx, the letters in scope and a dossier's papers: all scoped like dossiers. */
export interface NoticeFilter {
  from?: string | undefined;
  to?: string | undefined;
  stage?: 'activist' | 'candidate' | 'admission' | 'confirmation' | undefined;
  orgId?: number | undefined;
  status?: NoticeStatus | undefined;
}

const MAX_ROWS = 5000;

export class PapersViews {
  constructor(
    private readonly db: Db,
    private readonly auditLog: AuditLogService,
  ) {}

  async papers(ctx: RequestContext, dossierId: number) {
    await loadDossier(this.db, ctx, dossierId, 'read');
    return dossierPapers(this.db, dossierId, chinaToday());
  }

  /** Notices whose dossier is visible: the handling or the other place's organization in scope. */
  async notices(ctx: RequestContext, filter: NoticeFilter) {
    const scope = ctx.user.scope;
    if (filter.orgId) {
      const org = await this.db.selectFrom('party_orgs').select(['division_code', 'path']).where('id', '=', filter.orgId).executeTakeFirst();
      if (!org) throw appError('ORG_NOT_FOUND', undefined, { field: 'orgId' });
      assertOrgInScope(org, scope, '筛选的党组织');
    }
    let q = this.db
      .selectFrom('dossier_notices as n')
      .innerJoin('dossiers as d', 'd.id', 'n.dossier_id')
      .innerJoin('party_orgs as o', 'o.id', 'd.org_id')
      .leftJoin('party_orgs as oo', 'oo.id', 'd.other_org_id')
      .innerJoin('people as p', 'p.id', 'd.person_id')
      .selectAll('n')
      .select(['p.name as person_name', 'o.name as org_name', 'd.org_id', 'd.current_step'])
      .where(sql<SqlBool>`(${aliasInScope('o', scope)} or (d.other_org_id is not null and ${aliasInScope('oo', scope)}))`);
    // A date range keeps every notice that runs at some day inside it.
    if (filter.from) q = q.where('n.end_on', '>=', filter.from);
    if (filter.to) q = q.where('n.start_on', '<=', filter.to);
    if (filter.stage) q = q.where('n.stage', '=', filter.stage);
    if (filter.orgId) q = q.where((eb) => eb.or([eb('d.org_id', '=', filter.orgId!), eb('d.other_org_id', '=', filter.orgId!)]));
    const today = chinaToday();
    if (filter.status === 'cancelled') q = q.where('n.cancelled_at', 'is not', null);
    else if (filter.status) {
      q = q.where('n.cancelled_at', 'is', null);
      if (filter.status === 'upcoming') q = q.where('n.start_on', '>', today);
      if (filter.status === 'running') q = q.where('n.start_on', '<=', today).where('n.end_on', '>=', today);
      if (filter.status === 'ended') q = q.where('n.end_on', '<', today);
    }
    const rows = await q.orderBy('n.start_on', 'desc').orderBy('n.id', 'desc').limit(MAX_ROWS + 1).execute();
    if (rows.length > MAX_ROWS) throw appError('BAD_REQUEST', `符合条件的公示超过${MAX_ROWS}条，请缩小日期范围`);
    const views = await noticesWithObjections(this.db, rows, today);
    return views.map((v, i) => {
      const r = rows[i]!;
      return { ...v, personName: r.person_name, orgId: r.org_id, orgName: r.org_name, objectionCount: v.objections.length, unresolvedCount: v.objections.filter((o) => o.resolvedOn === null).length };
    });
  }

  async exportNotices(ctx: RequestContext, filter: NoticeFilter) {
    const items = await this.notices(ctx, filter);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('公示登记簿');
    sheet.addRow([`公示登记簿（导出：${ctx.user.displayName}，${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）`]);
    sheet.addRow(['公示对象', '办理党组织', '公示环节', '公示地点', '张贴位置', '开始日期', '结束日期', '工作日数', '异议件数', '未处理异议', '状态', '监督电话']);
    sheet.getRow(2).font = { bold: true };
    for (const n of items) sheet.addRow([n.personName, n.orgName, n.stageLabel, n.placeLabel, n.location, n.startOn, n.endOn, n.workingDays, n.objectionCount, n.unresolvedCount, n.statusLabel, n.contact ?? '']);
    sheet.columns.forEach((c, i) => { c.width = [10, 28, 16, 16, 24, 12, 12, 8, 8, 10, 8, 16][i]; });
    await this.auditLog.record(actorOf(ctx), { action: 'dossier.notice.export', objectType: 'dossierNotice', objectIds: items.map((n) => n.id).slice(0, 1000), detail: { count: items.length, filter } });
    return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: `公示登记簿-${chinaToday().replaceAll('-', '')}.xlsx`, count: items.length };
  }

  /** Letters in scope: the sending side (handling or other place) and the addressee side see them; `open` keeps the unanswered ones. */
  async requests(ctx: RequestContext, open: boolean) {
    const scope = ctx.user.scope;
    let q = this.db
      .selectFrom('dossier_opinion_requests as r')
      .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
      .innerJoin('party_orgs as o', 'o.id', 'd.org_id')
      .leftJoin('party_orgs as oo', 'oo.id', 'd.other_org_id')
      .leftJoin('party_orgs as t', 't.id', 'r.to_org_id')
      .innerJoin('people as p', 'p.id', 'd.person_id')
      .selectAll('r')
      .select(['p.name as person_name', 'o.name as org_name', 't.name as to_org_name', 'd.org_id'])
      .where(sql<SqlBool>`(${aliasInScope('o', scope)} or (d.other_org_id is not null and ${aliasInScope('oo', scope)}) or (r.to_org_id is not null and ${aliasInScope('t', scope)}))`);
    if (open) q = q.where('r.answered_on', 'is', null).where('r.cancelled_at', 'is', null);
    const rows = await q.orderBy('r.reply_by').orderBy('r.id').limit(MAX_ROWS).execute();
    const today = chinaToday();
    return rows.map((r) => ({ ...requestView(r, today, r.to_org_name), personName: r.person_name, orgId: r.org_id, orgName: r.org_name }));
  }
}
