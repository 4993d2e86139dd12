import type { IsoDate } from '../calendar/dates.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { DocumentType, Dossier } from '../dossier/format.ts';
import type { Boundaries, Transition } from '../settings/city-settings.ts';

/**
 * The shape of a rule module (shared/conventions.md "Rules are data with ids"): one file per rule
 * id of rules.md, pure `evaluate`, Chinese messages with {placeholders} filled from the facts.
 */
export type Severity = 'BLOCK' | 'WARN' | 'INFO';
export const severityRank: Record<Severity, number> = { INFO: 0, WARN: 1, BLOCK: 2 };

/** V2014 / V2026: the national 细则 in force on the step's date; LEAGUE: Youth League rules; LOCAL: a city's own. */
export type RuleVersion = 'V2014' | 'V2026' | 'LEAGUE' | 'LOCAL';
export type NationalVersion = 'V2014' | 'V2026';

export type FactValue = string | number | boolean | null;
export type ParamValue = number | boolean | string[];

export interface ParamSpec {
  default: ParamValue;
  label: string;
  min?: number;
  max?: number;
  /** For list parameters: the allowed items. */
  values?: readonly string[];
}

/** What a rule reports; the engine turns it into a Finding (message, severity, version, source). */
export interface Hit {
  key: string;
  values: Record<string, FactValue>;
  /** The date of the step the rule guards: it chooses the national version (V2014/V2026). */
  on?: IsoDate | undefined;
  step?: number;
}

export interface Finding {
  rule: string;
  severity: Severity;
  version: RuleVersion;
  step: number;
  message: string;
  source: string;
  /** Which message of the rule, and the facts it was filled from (for "explain"). */
  key: string;
  facts: Record<string, FactValue>;
}

/** The dates of a dossier's documents by type (the part of ReadonlyMap the rules use). */
export interface DocumentIndex {
  get(type: DocumentType): readonly IsoDate[] | undefined;
  has(type: DocumentType): boolean;
}

/** Facts derived once per dossier; rules read the dossier through `d`. */
export interface Facts {
  d: Dossier;
  /** From `person.birthDate` or, failing that, the ID number. */
  birthDate: IsoDate | undefined;
  isMigrant: boolean;
  /** One year from the admission meeting (党章 art. 7), by the boundary setting. */
  probationEnd: IsoDate | undefined;
  /** Dates of each document type present. */
  documents: DocumentIndex;
  /** The latest date anywhere in the dossier ('' when it has none). */
  latest: IsoDate;
}

export interface RuleSettingsView {
  switchDate: IsoDate;
  transition: Transition;
  boundaries: Boundaries;
}

export interface RuleContext {
  asOf: IsoDate;
  calendar: WorkingDayCalendar;
  settings: RuleSettingsView;
  /** This rule's parameters after the city's settings. */
  params: Readonly<Record<string, ParamValue>>;
  versionOn(date: IsoDate): NationalVersion;
  /** Findings of the ordinary rules, for rules that judge after them (R-VIOLATION). */
  prior: readonly Finding[];
}

export interface RuleModule {
  id: string;
  /** Short Chinese name for tables and reports. */
  name: string;
  /** The rule's condition in Chinese, shown when a user asks why. */
  text: string;
  versions: readonly RuleVersion[];
  /** Default severity: the source article's, else the national text's. */
  severity: Severity;
  /** Document and article, e.g. 《中国共产党发展党员工作细则》第十三条. */
  source: string;
  /** The 2014 article where it differs and a source confirmed it. */
  sourceV2014?: string;
  /** The step it guards (rules.md §1 numbering). */
  step: number;
  /** Message per key: the text, or [severity, text] where a key has its own severity. */
  messages: Readonly<Record<string, string | readonly [Severity, string]>>;
  params?: Readonly<Record<string, ParamSpec>>;
  /** LOCAL rules: on unless the city switches them off (default off when absent). */
  defaultEnabled?: boolean;
  /** Same check as these rules (rules.md §5.2): findings are reported under their ids. */
  aliasOf?: readonly string[];
  /** `after`: runs once the ordinary rules have judged the dossier. */
  phase?: 'after';
  evaluate(facts: Facts, ctx: RuleContext): readonly Hit[];
  /**
   * Checks across the whole file (batch size per meeting): the key each dossier contributes —
   * all that is kept of it while a large file streams through — then hits by dossier index.
   */
  fileKey?(d: Dossier): string | undefined;
  evaluateFile?(keys: readonly (string | undefined)[], ctx: RuleContext): Map<number, Hit[]>;
}

/**
 * What a rule returns when it finds nothing: one frozen empty list, so judging a dossier does not
 * allocate one per rule (85 rules × every dossier of a file).
 */
export const NO_HITS: readonly Hit[] = Object.freeze([]);

export function hit(key: string, values: Record<string, FactValue> = {}, options: { on?: IsoDate | undefined; step?: number } = {}): Hit {
  return { key, values, ...options };
}
