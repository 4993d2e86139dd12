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

const templates = new Map<string, string[]>();

/** Fills {placeholders}; templates are split once (odd parts are names). */
export function fillMessage(template: string, values: Record<string, FactValue>): string {
  let parts = templates.get(template);
  if (!parts) templates.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in values ? show(values[name]!) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

function template(rule: RuleModule, key: string): { severity: Severity; text: string } {
  const m = rule.messages[key];
  if (m === undefined) throw new Error(`${rule.id} has no message "${key}"`);
  return typeof m === 'string' ? { severity: rule.severity, text: m } : { severity: m[0], text: m[1] };
}

const contexts = new WeakMap<Engine, Map<string, RuleContext>>();

/** One context per engine and rule, made once: building closures per dossier showed in profiles. */
function cachedContext(engine: Engine, rule: RuleModule): RuleContext {
  let byRule = contexts.get(engine);
  if (!byRule) contexts.set(engine, (byRule = new Map()));
  let ctx = byRule.get(rule.id);
  if (!ctx) byRule.set(rule.id, (ctx = ruleContext(engine, rule)));
  return ctx;
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

function run(rule: RuleModule, facts: Facts, engine: Engine, ctx: RuleContext, out: Finding[]): void {
  let hits: readonly Hit[];
  try {
    hits = rule.evaluate(facts, ctx);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) {
      out.push(cannotVerify(rule, error, engine));
      return;
    }
    throw error;
  }
  for (let i = 0; i < hits.length; i++) {
    const f = toFinding(rule, hits[i]!, engine);
    if (f) out.push(f);
  }
}

export function isEnabled(engine: Engine, rule: RuleModule): boolean {
  return !rule.aliasOf && (engine.settings.rules.get(rule.id)?.enabled ?? true);
}

/** A rule of the `after` phase with its context, whose `prior` is set for each dossier. */
interface AfterRule {
  rule: RuleModule;
  ctx: RuleContext & { prior: readonly Finding[] };
}

interface Active {
  /** Parallel arrays: a rule and its context (no tuple to unpack per rule and dossier). */
  rules: RuleModule[];
  contexts: RuleContext[];
  after: AfterRule[];
}

const activeRules = new WeakMap<Engine, Active>();

/**
 * The enabled rules with their contexts, worked out once per engine — which rules a city runs does
 * not change from one dossier to the next; the version of each finding is still chosen by its date.
 */
function active(engine: Engine): Active {
  let a = activeRules.get(engine);
  if (!a) {
    const on = engine.rules.filter((r) => isEnabled(engine, r));
    const ordinary = on.filter((r) => r.phase !== 'after');
    a = {
      rules: ordinary,
      contexts: ordinary.map((r) => cachedContext(engine, r)),
      after: on.filter((r) => r.phase === 'after').map((rule) => ({ rule, ctx: ruleContext(engine, rule) })),
    };
    activeRules.set(engine, a);
  }
  return a;
}

/**
 * All findings of one dossier, unsorted: ordinary rules first, then the `after` phase. `latest`,
 * the latest date in the dossier, is passed by a reader that found it already.
 */
export function evaluateDossier(d: Dossier, engine: Engine, latest?: IsoDate): Finding[] {
  const facts = deriveFacts(d, engine.settings.boundaries, latest);
  const out: Finding[] = [];
  const { rules, contexts, after } = active(engine);
  for (let i = 0; i < rules.length; i++) run(rules[i]!, facts, engine, contexts[i]!, out);
  for (let i = 0; i < after.length; i++) {
    const { rule, ctx } = after[i]!;
    // A copy, as each `after` rule sees the findings made before it and no later ones.
    ctx.prior = out.slice();
    run(rule, facts, engine, ctx, out);
    ctx.prior = [];
  }
  return out;
}

/** The rules that look across the file, with the key each dossier contributes to each. */
export function fileRules(engine: Engine): RuleModule[] {
  return engine.rules.filter((r) => r.evaluateFile && r.fileKey && isEnabled(engine, r));
}

/** Findings that need the whole file, by dossier index, from the keys collected per rule. */
export function evaluateFile(keys: ReadonlyMap<string, readonly (string | undefined)[]>, engine: Engine): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const rule of fileRules(engine)) {
    for (const [index, hits] of rule.evaluateFile!(keys.get(rule.id) ?? [], cachedContext(engine, rule))) {
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

/** Stable order: by step, then severity (BLOCK first), rule id, message (findings, or the xinxue-audit/1 ones made of them). */
export function compareFindings(a: Pick<Finding, 'step' | 'severity' | 'rule' | 'message'>, b: Pick<Finding, 'step' | 'severity' | 'rule' | 'message'>): number {
  return a.step - b.step || severityRank[b.severity] - severityRank[a.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
