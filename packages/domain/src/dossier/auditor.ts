import type { IsoDate } from '../calendar/dates.ts';
import { createWorkingDayCalendar } from '../calendar/working-days.ts';
import { compareFindings, type Engine, evaluateDossier, evaluateFile, fileRules } from '../rules/engine.ts';
import { registry, ruleById } from '../rules/registry.ts';
import type { Finding, RuleModule } from '../rules/types.ts';
import { type CitySettings, defaultCitySettings } from '../settings/city-settings.ts';
import { resolveSettings } from '../settings/resolve.ts';
import { AUDIT_FORMAT, type AuditFinding, type AuditResult } from './audit-format.ts';
import type { Dossier, DossierFile } from './format.ts';
import { DossierChecker, type ReadResult, readDossierText } from './reader.ts';
import type { FormatError } from './schema-dsl.ts';

/**
 * The auditor: judges every dossier of a file and produces `xinxue-audit/1`. Same input, same
 * as-of date and settings give the same output (findings are sorted; nothing reads the clock).
 */
export interface AuditOptions {
  asOf: IsoDate;
  settings?: CitySettings;
  /** Adds the rule's name, text and the facts used to each finding. */
  explain?: boolean;
  /** Called every `progressEvery` dossiers judged. */
  onProgress?: (done: number) => void;
  progressEvery?: number;
}

export type AuditOutcome = { ok: true; result: AuditResult } | Extract<ReadResult, { ok: false }>;

export function createEngine(asOf: IsoDate, settings: CitySettings = defaultCitySettings): Engine {
  return {
    asOf,
    settings: resolveSettings(settings, registry),
    calendar: createWorkingDayCalendar({ overrides: settings.calendar }),
    rules: registry,
  };
}

function toAuditFinding(f: Finding, explain: boolean): AuditFinding {
  const out: AuditFinding = { rule: f.rule, severity: f.severity, version: f.version, step: f.step, message: f.message, source: f.source };
  if (explain) {
    const rule = ruleById(f.rule);
    out.explain = { name: rule?.name ?? f.rule, text: rule?.text ?? '', facts: f.facts };
  }
  return out;
}

/**
 * One audit, fed dossier by dossier: the whole-file audit and the streaming reader of large files
 * share it. Only each dossier's findings and its keys for the cross-file rules are kept. Once the
 * file shows an error nothing more is judged (the rest is still checked, to list its errors), and
 * `finish` returns the errors instead of any result.
 */
export class AuditSession {
  private readonly engine: Engine;
  private readonly checker = new DossierChecker();
  private readonly ids: string[] = [];
  /** Each dossier's findings as they will be printed: the engine's own (with their facts) are dropped at once. */
  private readonly findings: AuditFinding[][] = [];
  private readonly crossFile: RuleModule[];
  /** Per cross-file rule (same order as crossFile), each dossier's key. */
  private readonly keyLists: (string | undefined)[][];
  private count = 0;

  constructor(private readonly options: AuditOptions) {
    this.engine = createEngine(options.asOf, options.settings);
    this.crossFile = fileRules(this.engine);
    this.keyLists = this.crossFile.map(() => []);
  }

  /** Errors of the file around the dossiers (format, unknown top-level fields, JSON syntax). */
  fileErrors(errors: readonly FormatError[]): void {
    this.checker.errors.push(...errors);
  }

  get failed(): boolean {
    return this.checker.errors.length > 0;
  }

  /** A dossier as read from a file: checked, then judged while the file has no error. `latest`: see DossierChecker.check. */
  add(value: unknown, latest?: IsoDate): void {
    const index = this.count++;
    const d = this.checker.check(value, index, latest);
    if (d && !this.failed) this.judge(d, this.checker.latest);
  }

  /** A dossier known to be well-formed (the whole file was read already); `latest` if known. */
  judge(d: Dossier, latest?: IsoDate): void {
    this.ids.push(d.id);
    const explain = this.options.explain === true;
    const found = evaluateDossier(d, this.engine, latest);
    const printed: AuditFinding[] = [];
    for (let i = 0; i < found.length; i++) printed.push(toAuditFinding(found[i]!, explain));
    this.findings.push(printed);
    for (let i = 0; i < this.crossFile.length; i++) this.keyLists[i]!.push(this.crossFile[i]!.fileKey!(d));
    const every = this.options.progressEvery ?? 1000;
    if (this.options.onProgress && this.ids.length % every === 0) this.options.onProgress(this.ids.length);
  }

  finish(): AuditOutcome {
    if (this.failed) return this.checker.failure();
    const explain = this.options.explain === true;
    const keys = new Map(this.crossFile.map((rule, i) => [rule.id, this.keyLists[i]!] as const));
    for (const [i, extra] of evaluateFile(keys, this.engine)) this.findings[i]!.push(...extra.map((f) => toAuditFinding(f, explain)));
    let withBlock = 0;
    let withWarn = 0;
    const byRule: Record<string, number> = {};
    const results = this.ids.map((dossier, i) => {
      const findings = this.findings[i]!.sort(compareFindings);
      if (findings.some((f) => f.severity === 'BLOCK')) withBlock += 1;
      if (findings.some((f) => f.severity === 'WARN')) withWarn += 1;
      for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      return { dossier, findings };
    });
    this.options.onProgress?.(this.ids.length);
    const sortedByRule = Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => (a < b ? -1 : 1)));
    return { ok: true, result: { format: AUDIT_FORMAT, asOf: this.options.asOf, results, summary: { dossiers: results.length, withBlock, withWarn, byRule: sortedByRule } } };
  }
}

/** Audits a file already read (and so known to be well-formed). */
export function auditDossierFile(file: DossierFile, options: AuditOptions): AuditResult {
  const session = new AuditSession(options);
  for (const d of file.dossiers) session.judge(d);
  const outcome = session.finish();
  if (!outcome.ok) throw new Error('auditDossierFile: the file was not read with readDossierFile');
  return outcome.result;
}

/** Reads and audits a file's text; a malformed file is refused whole with every error's path. */
export function auditDossierText(text: string, options: AuditOptions): AuditOutcome {
  const read = readDossierText(text);
  if (!read.ok) return read;
  return { ok: true, result: auditDossierFile(read.file, options) };
}
