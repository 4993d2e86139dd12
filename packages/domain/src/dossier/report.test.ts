import { describe, expect, it } from 'vitest';
import { FIXTURE_AS_OF, exampleDossier } from '../rules/fixtures.ts';
import { auditDossierFile } from './auditor.ts';
import { formatAuditReport } from './report.ts';

describe('readable Chinese report', () => {
  const bad = exampleDossier();
  bad.activist!.on = '2025-12-01';
  const clean = { ...exampleDossier(), id: 'D-0002' };
  const result = auditDossierFile({ format: 'xinxue-dossier/1', dossiers: [bad, clean] }, { asOf: FIXTURE_AS_OF });

  it('summarises, lists the dossiers with problems, then the rules', () => {
    const text = formatAuditReport(result);
    expect(text).toContain(`审核基准日：${FIXTURE_AS_OF}　档案 2 份：有否决项 1 份`);
    expect(text).toContain('【D-0001】否决');
    expect(text).toMatch(/✗ 否决　第7步　R-DEV-1Y（2026年版细则）　确定为发展对象时间应在确定为入党积极分子满一年之后/);
    expect(text).toContain('依据：《中国共产党发展党员工作细则》第十三条');
    expect(text).not.toContain('【D-0002】');
    expect(text.indexOf('二、按规则')).toBeGreaterThan(text.indexOf('【D-0001】'));
    expect(text).toMatch(/R-DEV-1Y 培养考察满一年（否决）：1 条，涉及 1 份档案\n {2}D-0001/);
  });

  it('lists clean dossiers with their INFO notes when verbose', () => {
    expect(formatAuditReport(result, { verbose: true })).toContain('【D-0002】否决 0 项　警示 0 项　提示');
  });

  it('shows the rule text and the facts when the audit was explained', () => {
    const explained = auditDossierFile({ format: 'xinxue-dossier/1', dossiers: [bad] }, { asOf: FIXTURE_AS_OF, explain: true });
    expect(formatAuditReport(explained)).toContain('事实：activist=2025-12-01，candidate=2026-06-15');
  });
});
