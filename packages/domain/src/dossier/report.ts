import { ruleById } from '../rules/registry.ts';
import { severityLabels, versionLabels } from '../rules/explain.ts';
import type { Severity } from '../rules/types.ts';
import type { AuditResult } from './audit-format.ts';

/**
 * The readable Chinese report of an audit (the CLI without `--json`): a summary, then the
 * dossiers with problems one by one, then each rule with the dossiers it found. Dossiers with
 * only INFO findings are counted but listed only when `verbose`, so a large file stays readable.
 */
export interface ReportOptions {
  verbose?: boolean;
  /** How many dossier ids to list per rule before "等 N 份". */
  idsPerRule?: number;
}

const marks: Record<Severity, string> = { BLOCK: '✗ 否决', WARN: '! 警示', INFO: '· 提示' };

function count(findings: { severity: Severity }[], s: Severity): number {
  return findings.filter((f) => f.severity === s).length;
}

export function formatAuditReport(result: AuditResult, options: ReportOptions = {}): string {
  const { summary } = result;
  const clean = result.results.filter((r) => r.findings.every((f) => f.severity === 'INFO')).length;
  const lines: string[] = [
    '新血 发展党员档案审核报告',
    `审核基准日：${result.asOf}　档案 ${summary.dossiers} 份：有否决项 ${summary.withBlock} 份，有警示项 ${summary.withWarn} 份，未发现否决或警示问题 ${clean} 份`,
    '',
    '一、按档案',
  ];
  let listed = 0;
  for (const r of result.results) {
    const serious = r.findings.some((f) => f.severity !== 'INFO');
    if (!serious && !options.verbose) continue;
    listed += 1;
    lines.push('', `【${r.dossier}】否决 ${count(r.findings, 'BLOCK')} 项　警示 ${count(r.findings, 'WARN')} 项　提示 ${count(r.findings, 'INFO')} 项`);
    for (const f of r.findings) {
      lines.push(`  ${marks[f.severity]}　第${f.step}步　${f.rule}（${versionLabels[f.version]}）　${f.message}`);
      lines.push(`          依据：${f.source}`);
      if (f.explain) {
        lines.push(`          规则：${f.explain.text}`);
        const facts = Object.entries(f.explain.facts).map(([k, v]) => `${k}=${String(v)}`).join('，');
        if (facts) lines.push(`          事实：${facts}`);
      }
    }
  }
  if (listed === 0) lines.push('', '  没有发现否决或警示问题。');

  lines.push('', '二、按规则');
  const byRule = new Map<string, { severities: Set<Severity>; ids: string[] }>();
  for (const r of result.results) {
    for (const f of r.findings) {
      const entry = byRule.get(f.rule) ?? { severities: new Set(), ids: [] };
      entry.severities.add(f.severity);
      if (entry.ids[entry.ids.length - 1] !== r.dossier) entry.ids.push(r.dossier);
      byRule.set(f.rule, entry);
    }
  }
  const limit = options.idsPerRule ?? 20;
  const ordered = [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (ordered.length === 0) lines.push('', '  没有任何规则发现问题。');
  for (const [id, entry] of ordered) {
    const rule = ruleById(id);
    const sev = [...entry.severities].map((s) => severityLabels[s]).join('、');
    const shown = entry.ids.slice(0, limit).join('、');
    const more = entry.ids.length > limit ? ` 等 ${entry.ids.length} 份` : '';
    lines.push('', `${id} ${rule?.name ?? ''}（${sev}）：${summary.byRule[id] ?? 0} 条，涉及 ${entry.ids.length} 份档案`, `  ${shown}${more}`);
  }
  lines.push('');
  return lines.join('\n');
}
