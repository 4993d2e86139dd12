import ExcelJS from 'exceljs';
import type { AuditReport } from './pipeline-reports.service.ts';

const severityLabels: Record<string, string> = { BLOCK: '阻断（BLOCK）', WARN: '警示（WARN）', INFO: '提示（INFO）' };
const statusLabels: Record<string, string> = { active: '办理中', member: '已转正', withdrawn: '已撤回', notRecognized: '不予承认' };

/** The batch audit as a workbook: 按规则, 按党组织, 问题明细 (a title row, then a bold header row). */
export async function auditWorkbook(report: AuditReport, by: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const title = `发展党员档案批量审核（${report.city}规则设置，审核基准日 ${report.asOf}，导出：${by}）：档案 ${report.totals.dossiers} 份，有阻断问题 ${report.totals.withBlock} 份，有警示问题 ${report.totals.withWarn} 份`;
  const sheet = (name: string, columns: { header: string; width: number }[]) => {
    const s = workbook.addWorksheet(name);
    s.columns = columns.map((c) => ({ width: c.width }));
    s.addRow([title]);
    s.addRow(columns.map((c) => c.header)).font = { bold: true };
    return s;
  };

  const rules = sheet('按规则', [{ header: '规则编号', width: 22 }, { header: '规则', width: 36 }, { header: '严重程度', width: 14 }, { header: '问题数', width: 10 }, { header: '涉及档案数', width: 12 }]);
  for (const r of report.byRule) rules.addRow([r.rule, r.name, severityLabels[r.severity] ?? r.severity, r.count, r.dossiers]);

  const orgs = sheet('按党组织', [{ header: '党组织', width: 36 }, { header: '档案数', width: 10 }, { header: '有阻断问题的档案', width: 18 }, { header: '有警示问题的档案', width: 18 }, { header: '问题数', width: 10 }]);
  for (const o of report.byOrg) orgs.addRow([o.orgName, o.dossiers, o.withBlock, o.withWarn, o.findings]);

  const details = sheet('问题明细', [
    { header: '档案编号', width: 10 }, { header: '姓名', width: 12 }, { header: '办理党组织', width: 30 }, { header: '档案状态', width: 10 }, { header: '所处步骤', width: 10 },
    { header: '问题所在步骤', width: 30 }, { header: '规则编号', width: 22 }, { header: '规则', width: 30 }, { header: '严重程度', width: 14 }, { header: '问题说明', width: 60 }, { header: '依据', width: 40 },
  ]);
  for (const f of report.findings) {
    details.addRow([f.dossierId, f.personName, f.orgName, statusLabels[f.status] ?? f.status, f.currentStep > 25 ? '已归档' : `第${f.currentStep}步`, `第${f.step}步 ${f.stepName}`, f.rule, f.ruleName, severityLabels[f.severity] ?? f.severity, f.message, f.source]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
