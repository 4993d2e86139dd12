import type { CitySettings } from '../settings/city-settings.ts';
import { defaultCitySettings } from '../settings/city-settings.ts';
import { isLocal, resolveSettings } from '../settings/resolve.ts';
import { stepName } from '../pipeline/steps.ts';
import { registry, ruleById } from './registry.ts';
import { type ParamValue, type RuleModule, type RuleVersion, type Severity, severityRank } from './types.ts';

/**
 * "Why?": for any rule (and so for any finding, which names its rule) the rule's text, versions,
 * source, the severities it can report, and how this city runs it.
 */
export interface RuleDescription {
  id: string;
  name: string;
  text: string;
  versions: RuleVersion[];
  source: string;
  sourceV2014: string | undefined;
  step: number;
  stepName: string;
  /** The severities its findings can have under these settings, most severe first. */
  severities: Severity[];
  enabled: boolean;
  local: boolean;
  params: Record<string, { value: ParamValue; label: string }>;
  aliasOf: string[] | undefined;
  /** The city's reason for a setting, if it gave one. */
  settingReason: string | undefined;
}

export const versionLabels: Record<RuleVersion, string> = {
  V2014: '2014年版细则',
  V2026: '2026年版细则',
  LEAGUE: '共青团规定',
  LOCAL: '本地规定',
};

export const severityLabels: Record<Severity, string> = { BLOCK: '否决', WARN: '警示', INFO: '提示' };

/** The severities a rule's findings can take once the city's setting is applied. */
export function effectiveSeverities(rule: RuleModule, setting: Severity | undefined): Severity[] {
  const own = Object.values(rule.messages).map((m) => (typeof m === 'string' ? rule.severity : m[0]));
  const base = own.length ? own : [rule.severity];
  const applied = base.map((s) => {
    if (!setting) return s;
    if (isLocal(rule)) return setting;
    return severityRank[setting] > severityRank[s] ? setting : s;
  });
  return [...new Set(applied)].sort((a, b) => severityRank[b] - severityRank[a]);
}

export function describeRules(settings: CitySettings = defaultCitySettings): RuleDescription[] {
  const resolved = resolveSettings(settings, registry);
  return registry.map((rule) => {
    const r = resolved.rules.get(rule.id)!;
    const alias = rule.aliasOf ? rule.aliasOf.map((id) => ruleById(id)!) : undefined;
    const severities = alias
      ? [...new Set(alias.flatMap((a) => effectiveSeverities(a, resolved.rules.get(a.id)?.severity)))].sort((a, b) => severityRank[b] - severityRank[a])
      : effectiveSeverities(rule, r.severity);
    return {
      id: rule.id,
      name: rule.name,
      text: rule.text,
      versions: [...rule.versions],
      source: rule.source,
      sourceV2014: rule.sourceV2014,
      step: rule.step,
      stepName: stepName(rule.step),
      severities,
      enabled: alias ? true : r.enabled,
      local: isLocal(rule),
      params: Object.fromEntries(Object.entries(rule.params ?? {}).map(([k, spec]) => [k, { value: r.params[k] ?? spec.default, label: spec.label }])),
      aliasOf: rule.aliasOf ? [...rule.aliasOf] : undefined,
      settingReason: r.reason,
    };
  });
}

export function describeRule(id: string, settings: CitySettings = defaultCitySettings): RuleDescription | undefined {
  return describeRules(settings).find((r) => r.id === id);
}
