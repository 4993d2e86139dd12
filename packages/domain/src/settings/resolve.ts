import { type CalendarOverride, CalendarOverrideError, validateCalendarOverride } from '../calendar/working-days.ts';
import { type FormatError, childPath, validate } from '../dossier/schema-dsl.ts';
import { type ParamValue, type RuleModule, type Severity, severityRank } from '../rules/types.ts';
import { type CitySettings, type RuleSetting, SETTINGS_FORMAT, type SettingsDocument, defaultCitySettings, settingsDocumentSchema } from './city-settings.ts';

/** A rule as the city runs it. */
export interface ResolvedRule {
  enabled: boolean;
  /** National and League rules: a floor (only tightening); LOCAL rules: the severity itself. */
  severity: Severity | undefined;
  params: Record<string, ParamValue>;
  reason: string | undefined;
}

export interface ResolvedSettings extends Omit<CitySettings, 'rules'> {
  rules: ReadonlyMap<string, ResolvedRule>;
}

export function isLocal(rule: RuleModule): boolean {
  return rule.versions.includes('LOCAL');
}

function paramsOf(rule: RuleModule, given: Record<string, ParamValue> | undefined): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(rule.params ?? {})) out[name] = given?.[name] ?? spec.default;
  return out;
}

/** Merges city settings over the rule modules' defaults. Assumes `checkSettings` passed. */
export function resolveSettings(settings: CitySettings, rules: readonly RuleModule[]): ResolvedSettings {
  const resolved = new Map<string, ResolvedRule>();
  for (const rule of rules) {
    const given = settings.rules[rule.id];
    const enabled = isLocal(rule) ? (given?.enabled ?? rule.defaultEnabled ?? false) : true;
    resolved.set(rule.id, { enabled, severity: given?.severity, params: paramsOf(rule, given?.params), reason: given?.reason });
  }
  return { ...settings, rules: resolved };
}

function checkParam(rule: RuleModule, name: string, value: unknown, path: string, errors: FormatError[]): void {
  const spec = rule.params?.[name];
  if (!spec) {
    errors.push({ path, message: `${rule.id} 没有参数 “${name}”${rule.params ? `（可设：${Object.keys(rule.params).join('、')}）` : ''}` });
    return;
  }
  if (typeof spec.default === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ path, message: `应为数字（${spec.label}）` });
    else if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) errors.push({ path, message: `${spec.label}应在 ${spec.min ?? '-∞'} 至 ${spec.max ?? '∞'} 之间` });
  } else if (typeof spec.default === 'boolean') {
    if (typeof value !== 'boolean') errors.push({ path, message: `应为布尔值（${spec.label}）` });
  } else if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || (spec.values && !spec.values.includes(v)))) {
    errors.push({ path, message: `应为列表，取值为：${(spec.values ?? []).join('、')}（${spec.label}）` });
  }
}

function checkRuleSetting(rule: RuleModule | undefined, id: string, setting: RuleSetting, path: string, errors: FormatError[]): void {
  if (!rule) {
    errors.push({ path, message: `没有编号为 ${id} 的规则` });
    return;
  }
  if (rule.aliasOf) {
    errors.push({ path, message: `${id} 与 ${rule.aliasOf.join('、')} 是同一项检查，请设置 ${rule.aliasOf.join('、')}` });
    return;
  }
  const local = isLocal(rule);
  if (setting.enabled === false && !local) errors.push({ path: `${path}.enabled`, message: `${id} 是全国性（或共青团）规定，不能关闭；只有本地规则（LOCAL）可以关闭` });
  if (setting.severity && !local && severityRank[setting.severity] < severityRank[rule.severity]) {
    errors.push({ path: `${path}.severity`, message: `${id} 只能从严：默认为 ${rule.severity}，不能降为 ${setting.severity}` });
  }
  for (const [name, value] of Object.entries(setting.params ?? {})) checkParam(rule, name, value, childPath(`${path}.params`, name), errors);
}

/** Checks a settings document (`xinxue-settings/1`); every error names its JSON path. */
export function parseSettingsDocument(value: unknown, rules: readonly RuleModule[]): { ok: true; settings: CitySettings } | { ok: false; errors: FormatError[] } {
  const errors: FormatError[] = [];
  validate(settingsDocumentSchema, value, '$', errors);
  if (errors.length > 0) return { ok: false, errors };
  const doc = value as SettingsDocument;
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const [id, setting] of Object.entries(doc.rules ?? {})) checkRuleSetting(byId.get(id), id, setting as RuleSetting, childPath('$.rules', id), errors);
  (doc.calendar ?? []).forEach((o, i) => {
    try {
      validateCalendarOverride(o);
    } catch (error) {
      if (error instanceof CalendarOverrideError) errors.push({ path: `$.calendar[${i}]`, message: error.message });
      else throw error;
    }
  });
  const years = (doc.calendar ?? []).map((o) => o.year);
  years.forEach((y, i) => {
    if (years.indexOf(y) !== i) errors.push({ path: `$.calendar[${i}].year`, message: `${y} 年重复录入` });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, settings: settingsFromDocument(doc) };
}

/** The document's values over the defaults; a rule's entry merges field by field. */
export function settingsFromDocument(doc: SettingsDocument): CitySettings {
  const base = defaultCitySettings;
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, given] of Object.entries(doc.rules ?? {})) {
    const g = given as RuleSetting;
    const merged: RuleSetting = { ...rules[id], ...g };
    const params = { ...rules[id]?.params, ...g.params };
    if (Object.keys(params).length > 0) merged.params = params;
    else delete merged.params;
    rules[id] = merged;
  }
  return {
    city: doc.city ?? base.city,
    switchDate: doc.switchDate ?? base.switchDate,
    transition: doc.transition ?? base.transition,
    boundaries: { ...base.boundaries, ...doc.boundaries },
    rules,
    calendar: (doc.calendar ?? base.calendar) as CalendarOverride[],
  };
}

/** The settings as a document, e.g. to hand the server's settings to the command line. */
export function settingsToDocument(settings: CitySettings): SettingsDocument {
  return {
    format: SETTINGS_FORMAT,
    city: settings.city,
    switchDate: settings.switchDate,
    transition: settings.transition,
    boundaries: { ...settings.boundaries },
    rules: settings.rules,
    calendar: settings.calendar,
  };
}
