import { notImplemented } from './not-implemented.ts';
import { type RuleDescription, describeRules, severityLabels, versionLabels } from './explain.ts';

/**
 * The README's table of rules, generated from the registry (never written by hand):
 * `npm run rules:table` writes it between the markers; a unit test fails when it is stale.
 */
export const TABLE_START = '<!-- rules:start -->';
export const TABLE_END = '<!-- rules:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function severity(r: RuleDescription): string {
  const main = r.severities.map((s) => `${s}`).join(' / ');
  const local = r.local ? `（${r.enabled ? '默认开启' : '默认关闭'}）` : '';
  return `${main}${local}`;
}

function versions(r: RuleDescription): string {
  return r.versions.map((v) => versionLabels[v]).join('、');
}

export function renderRuleTable(): string {
  const rules = describeRules();
  const lines = [
    `共 ${rules.length} 个规则编号，其中 ${rules.filter((r) => !r.aliasOf).length} 个独立检查、${rules.filter((r) => r.aliasOf).length} 个为流动人员的同一检查（按所指编号报告）。严重程度为本市默认设置（${Object.entries(severityLabels).map(([k, v]) => `${k} ${v}`).join('，')}）。`,
    '',
    '| 编号 | 名称 | 严重程度 | 版本 | 依据 |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| ${r.id} | ${cell(r.name)}${r.aliasOf ? `（同 ${r.aliasOf.join('、')}）` : ''} | ${severity(r)} | ${versions(r)} | ${cell(r.source)} |`),
    '',
    '未实现的编号：',
    '',
    ...notImplemented.map((n) => `- ${n.id}：${n.reason}`),
  ];
  return lines.join('\n');
}

/** Replaces the text between the markers; throws when the markers are missing. */
export function replaceRuleTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README 中没有 ${TABLE_START} … ${TABLE_END} 标记`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
