import type { IsoDate } from '../calendar/dates.ts';
import { CalendarYearMissingError, type WorkingDayCalendar } from '../calendar/working-days.ts';
import type { Dossier } from '../dossier/format.ts';
import { isLocal, type ResolvedSettings } from '../settings/resolve.ts';
import { deriveFacts } from './facts.ts';
import { type FactValue, type Facts, type Finding, type Hit, type NationalVersion, type RuleContext, type RuleModule, type RuleVersion, type Severity, severityRank } from './types.ts';

/**
 * Runs rule modules over dossiers. It owns what every rule shares: choosing the national version
 * by the guarded step's date, the city's severities, filling messages, and turning a missing
 * calendar year into a visible "cannot verify" finding rather than a silent pass.
 */
export interface Engine {
  asOf: IsoDate;
  settings: ResolvedSettings;
  calendar: WorkingDayCalendar;
  rules: readonly RuleModule[];
}

export function versionOn(date: IsoDate, switchDate: IsoDate): NationalVersion {
  return date < switchDate ? 'V2014' : 'V2026';
}

function show(value: FactValue): string {
  if (value === null) return '（无）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

export function fillMessage(template: string, values: Record<string, FactValue>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? show(values[name]!) : whole));
}

function template(rule: RuleModule, key: string): { severity: Severity; text: string } {
  const m = rule.messages[key];
  if (m === undefined) throw new Error(`${rule.id} has no message "${key}"`);
  return typeof m === 'string' ? { severity: rule.severity, text: m } : { severity: m[0], text: m[1] };
}

export function ruleContext(engine: Engine, rule: RuleModule, prior: readonly Finding[] = []): RuleContext {
  const setting = engine.settings.rules.get(rule.id);
  return {
    asOf: engine.asOf,
    calendar: engine.calendar,
    settings: engine.settings,
    params: setting?.params ?? {},
    versionOn: (date) => versionOn(date, engine.settings.switchDate),
    prior,
  };
}

/** The version that judged a hit, or undefined when the rule does not apply in that version. */
function versionOf(rule: RuleModule, h: Hit, engine: Engine): RuleVersion | undefined {
  if (isLocal(rule)) return 'LOCAL';
  if (rule.versions.includes('LEAGUE')) return 'LEAGUE';
  const v = versionOn(h.on ?? engine.asOf, engine.settings.switchDate);
  return rule.versions.includes(v) ? v : undefined;
}

export function toFinding(rule: RuleModule, h: Hit, engine: Engine): Finding | undefined {
  const version = versionOf(rule, h, engine);
  if (!version) return undefined;
  const t = template(rule, h.key);
  const setting = engine.settings.rules.get(rule.id);
  let severity = t.severity;
  if (setting?.severity) {
    if (isLocal(rule)) severity = setting.severity;
    else if (severityRank[setting.severity] > severityRank[severity]) severity = setting.severity;
  }
  return {
    rule: rule.id,
    severity,
    version,
    step: h.step ?? rule.step,
    message: fillMessage(t.text, h.values),
    source: version === 'V2014' && rule.sourceV2014 ? rule.sourceV2014 : rule.source,
    key: h.key,
    facts: h.values,
  };
}

function cannotVerify(rule: RuleModule, error: CalendarYearMissingError, engine: Engine): Finding {
  return {
    rule: rule.id,
    severity: 'WARN',
    version: isLocal(rule) ? 'LOCAL' : versionOn(engine.asOf, engine.settings.switchDate),
    step: rule.step,
    message: `无法核验“${rule.name}”：${error.message}`,
    source: rule.source,
    key: 'calendarMissing',
    facts: { year: error.year },
  };
}

function run(rule: RuleModule, facts: Facts, engine: Engine, prior: readonly Finding[], out: Finding[]): void {
  let hits: Hit[];
  try {
    hits = rule.evaluate(facts, ruleContext(engine, rule, prior));
  } catch (error) {
    if (error instanceof CalendarYearMissingError) {
      out.push(cannotVerify(rule, error, engine));
      return;
    }
    throw error;
  }
  for (const h of hits) {
    const f = toFinding(rule, h, engine);
    if (f) out.push(f);
  }
}

export function isEnabled(engine: Engine, rule: RuleModule): boolean {
  return !rule.aliasOf && (engine.settings.rules.get(rule.id)?.enabled ?? true);
}

/** All findings of one dossier, unsorted: ordinary rules first, then the `after` phase. */
export function evaluateDossier(d: Dossier, engine: Engine): Finding[] {
  const facts = deriveFacts(d, engine.settings.boundaries);
  const out: Finding[] = [];
  for (const rule of engine.rules) if (rule.phase !== 'after' && isEnabled(engine, rule)) run(rule, facts, engine, [], out);
  for (const rule of engine.rules) if (rule.phase === 'after' && isEnabled(engine, rule)) run(rule, facts, engine, out.slice(), out);
  return out;
}

/** Findings that need the whole file, by dossier index. */
export function evaluateFile(dossiers: readonly Dossier[], engine: Engine): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const rule of engine.rules) {
    if (!rule.evaluateFile || !isEnabled(engine, rule)) continue;
    for (const [index, hits] of rule.evaluateFile(dossiers, ruleContext(engine, rule))) {
      for (const h of hits) {
        const f = toFinding(rule, h, engine);
        if (!f) continue;
        const list = out.get(index);
        if (list) list.push(f);
        else out.set(index, [f]);
      }
    }
  }
  return out;
}

/** Stable order: by step, then severity (BLOCK first), rule id, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.step - b.step || severityRank[b.severity] - severityRank[a.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
