import { chinaToday } from '@xinxue/domain';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { OrgFilter, OrgViews } from './org-views.ts';

const COLUMNS = ['党组织名称', '类别', '组织类型', '组建方式', '状态', '上级党组织', '所在区划', '区划代码', '挂靠单位', '驻在地', '审批权', '可发展党员', '正式党员', '预备党员', '书记', '覆盖单位数', '成立日期', '撤销/合并日期'];
const MAX_EXPORT_ROWS = 50_000;

/** The organization list under the current filter as an .xlsx, in tree order; logged with its count and filter. */
export async function exportOrgs(db: Db, views: OrgViews, auditLog: AuditLogService, ctx: RequestContext, filter: OrgFilter): Promise<{ stream: PassThrough; fileName: string; count: number }> {
  const rows = await views.filtered(ctx.user.scope, filter).selectAll('party_orgs').orderBy('party_orgs.path').limit(MAX_EXPORT_ROWS + 1).execute();
  if (rows.length > MAX_EXPORT_ROWS) throw appError('BAD_REQUEST', `一次最多导出${MAX_EXPORT_ROWS}个党组织，请缩小筛选范围`);
  const items = await views.views(rows);
  const secretaries = new Map<number, string>();
  for (let i = 0; i < rows.length; i += 500) {
    const found = await db.selectFrom('party_org_members').select(['org_id', 'name']).where('org_id', 'in', rows.slice(i, i + 500).map((r) => r.id)).where('role', '=', 'secretary').where('left_on', 'is', null).execute();
    for (const s of found) secretaries.set(s.org_id, s.name);
  }
  await auditLog.record(actorOf(ctx), { action: 'org.export', objectType: 'partyOrg', objectIds: rows.map((r) => r.id), detail: { count: rows.length, filter: { ...filter, q: filter.q ? '（已隐去）' : undefined } } });
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet('党组织');
  sheet.addRow([`党组织（导出：${ctx.user.displayName}，${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）`]).commit();
  sheet.addRow(COLUMNS).commit();
  for (const o of items) {
    sheet.addRow([
      o.name, o.kindLabel, o.hostKindLabel, o.formationLabel, o.statusLabel, o.parentName ?? '', o.divisionName, o.divisionCode, o.attachedToName ?? '', o.locatedDivisionName ?? '',
      o.approvalPower ? '有' : '', o.mayDevelop === null ? '' : o.mayDevelop ? '是' : '否', o.memberCount - o.probationaryCount, o.probationaryCount, secretaries.get(o.id) ?? '',
      o.coveredCount, o.establishedOn ?? '', o.endedOn ?? '',
    ]).commit();
  }
  void workbook.commit();
  return { stream, fileName: `党组织-${chinaToday().replace(/-/g, '')}.xlsx`, count: rows.length };
}
