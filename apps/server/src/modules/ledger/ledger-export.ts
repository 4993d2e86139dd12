import { chinaToday, codeName, fiveItemLabels, fiveItems, hasPermission, maskIdNumber, maskPhone } from '@xinxue/domain';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { appError } from '../../lib/errors.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';
import type { LedgerService, PeopleFilter } from './ledger.service.ts';
import type { PersonWriter } from './person-writer.ts';

const COLUMNS = ['姓名', '公民身份号码', '性别', '出生日期', '流动类型', '流动时间', '所属区划', '网格', '流出去向', '工作单位', '职业大类', '联系电话', '五个清楚'];
const MAX_EXPORT_ROWS = 200_000;

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Exports the current filter as .xlsx or .csv (UTF-8 with BOM, which Excel opens correctly).
 * Values are masked unless the caller holds pii:reveal and gives a reason; every export is logged
 * with its count, its filter and whether it was revealed.
 */
export class LedgerExport {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
    private readonly writer: PersonWriter,
    private readonly ledger: LedgerService,
    private readonly divisions: DivisionsService,
    private readonly auditLog: AuditLogService,
  ) {}

  async export(ctx: RequestContext, filter: PeopleFilter, format: 'xlsx' | 'csv', reveal: { reason: string } | null): Promise<{ stream: PassThrough; fileName: string; count: number }> {
    if (reveal) {
      if (!hasPermission(ctx.user.role, 'pii:reveal')) throw appError('FORBIDDEN', '导出完整身份证号和电话须有查看完整信息的权限');
      if (reveal.reason.trim().length < 4) throw appError('REASON_REQUIRED', '导出完整信息须填写不少于4个字的理由', { field: 'reason' });
    }
    const rows = await this.ledger.filtered(ctx, filter).leftJoin('grids', 'grids.id', 'people.grid_id').selectAll('people').select('grids.name as grid_name').orderBy('people.id').limit(MAX_EXPORT_ROWS + 1).execute();
    if (rows.length > MAX_EXPORT_ROWS) throw appError('BAD_REQUEST', `一次最多导出${MAX_EXPORT_ROWS}人，请缩小筛选范围`);
    const names = await this.divisions.names(rows.flatMap((r) => [r.division_code, r.destination_code ?? '']).filter(Boolean));
    const phones = new Map<number, string[]>();
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => r.id);
      const facts = await this.db.selectFrom('person_facts').select(['person_id', 'value']).where('person_id', 'in', ids).where('kind', '=', 'contact').where('status', '=', 'active').execute();
      for (const f of facts) {
        const list = phones.get(f.person_id) ?? [];
        for (const p of (this.writer.readValue('contact', f.value).phones as string[] | undefined) ?? []) if (!list.includes(p)) list.push(p);
        phones.set(f.person_id, list);
      }
    }
    const today = chinaToday();
    const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - this.ledger.fiveItemsMaxAgeDays * 86_400_000).toISOString();
    const lines = rows.map((r) => {
      const id = r.id_number_enc ? this.crypto.decrypt(r.id_number_enc) : '';
      const ph = phones.get(r.id) ?? [];
      const dates = [r.hukou_at, r.movement_at, r.work_address_at, r.occupation_at, r.contact_at];
      const unclear = fiveItems.filter((_, i) => !dates[i] || dates[i]! < cutoff).map((item) => fiveItemLabels[item]);
      return [
        r.name, reveal ? id : id ? maskIdNumber(id) : '', codeName('gender', r.gender), r.birth_date ?? '', r.direction === 'inbound' ? '流入' : r.direction === 'outbound' ? '流出' : '',
        r.moved_on ?? '', names.get(r.division_code) ?? r.division_code, r.grid_name ?? '', r.destination_code ? (names.get(r.destination_code) ?? '') : '', r.employer ?? '',
        codeName('occupationGroup', r.occupation_group), (reveal ? ph : ph.map(maskPhone)).join('、'), unclear.length ? `不清楚：${unclear.join('、')}` : '五个清楚',
      ];
    });
    await this.auditLog.record(actorOf(ctx), { action: 'people.export', objectType: 'person', objectIds: rows.map((r) => r.id), detail: { format, count: rows.length, revealed: !!reveal, ...(reveal ? { reason: reveal.reason.trim() } : {}), filter: { ...filter, q: filter.q ? '（已隐去）' : undefined } } });
    const stream = new PassThrough();
    const stamp = today.replace(/-/g, '');
    if (format === 'csv') {
      stream.end(`\uFEFF${[COLUMNS, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`);
    } else {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
      const sheet = workbook.addWorksheet('流动人员');
      sheet.addRow([`流动人员台帐（导出：${ctx.user.displayName}，${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}${reveal ? '，含完整信息，注意保密' : ''}）`]).commit();
      sheet.addRow(COLUMNS).commit();
      for (const line of lines) sheet.addRow(line).commit();
      void workbook.commit();
    }
    return { stream, fileName: `流动人员台帐-${stamp}.${format}`, count: rows.length };
  }
}
