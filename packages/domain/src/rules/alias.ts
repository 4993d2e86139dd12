import type { RuleModule, RuleVersion, Severity } from './types.ts';

/**
 * rules.md §5.2 restates general rules for migrants ("= R-…"). Each id is registered so it is
 * documented and explained, but the check runs once, under the general id, so one defect is not
 * reported twice.
 */
export function aliasRule(spec: { id: string; name: string; aliasOf: string[]; versions: RuleVersion[]; severity: Severity; source: string; step: number }): RuleModule {
  return {
    ...spec,
    text: `流动人员适用的同一项检查，按 ${spec.aliasOf.join('、')} 判断并以该编号报告，避免同一问题重复报告。`,
    messages: {},
    evaluate: () => [],
  };
}
