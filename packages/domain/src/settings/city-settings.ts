import type { IsoDate } from '../calendar/dates.ts';
import type { CalendarOverride } from '../calendar/working-days.ts';
import { type Infer, s } from '../dossier/schema-dsl.ts';
import type { ParamValue, Severity } from '../rules/types.ts';

/**
 * A city's settings are data (conventions.md): the switch date between the 2014 and 2026 细则,
 * how in-flight cases are treated, the boundary conventions rules.md leaves open, and per rule:
 * on/off (LOCAL rules only), a stricter severity, and parameters. The defaults are those of the
 * source article (Yichang): its six refusals, League recommendation and two-place gate are BLOCK.
 */
export const SETTINGS_FORMAT = 'xinxue-settings/1';

/** rules.md §0.2 and §6.5 left open; each has a stated default. */
export interface Boundaries {
  /** 「满一年」: the anniversary itself counts (`onOrAfter`, default) or only the day after (`after`). */
  anniversary: 'onOrAfter' | 'after';
  /** 「一个月内」: the same date a month later still counts (`onOrBefore`, default) or not (`before`). */
  monthDeadline: 'onOrBefore' | 'before';
  /** Probation of a meeting on 2025-06-20 ends 2026-06-20 (`anniversary`, default) or 2026-06-19 (`dayBefore`). */
  probationEnd: 'anniversary' | 'dayBefore';
  /** The first day of a public notice counts as one of its working days (default true; 民法典 art. 201 would not count it). */
  noticeCountsFirstDay: boolean;
  /** The listing as candidate must come after the notice's last day (`after`, default) or may be on it (`onOrAfter`). */
  listingAfterNotice: 'after' | 'onOrAfter';
}

/**
 * rules.md §6 point 2: how cases already under way on the switch date are judged.
 * `byStepDate` (default): each step by the version in force on its own date.
 * `openCasesFollowNew`: a case not yet admitted on the switch date must meet the 2026 step-7
 * requirements (consent and public notice) even if it was listed before.
 */
export type Transition = 'byStepDate' | 'openCasesFollowNew';

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
  params?: Record<string, ParamValue>;
  /** Why the city chose this (shown in explanations). */
  reason?: string;
}

export interface CitySettings {
  city: string;
  switchDate: IsoDate;
  transition: Transition;
  boundaries: Boundaries;
  rules: Record<string, RuleSetting>;
  calendar: CalendarOverride[];
}

export const defaultBoundaries: Boundaries = {
  anniversary: 'onOrAfter',
  monthDeadline: 'onOrBefore',
  probationEnd: 'anniversary',
  noticeCountsFirstDay: true,
  listingAfterNotice: 'after',
};

/** The source article's settings (宜昌市). Only differences from the rule modules' defaults. */
export const defaultCitySettings: CitySettings = {
  city: '宜昌市',
  switchDate: '2026-05-11',
  transition: 'byStepDate',
  boundaries: defaultBoundaries,
  rules: {
    'R-LEAGUE-28': { severity: 'BLOCK', reason: '“六个不批”：团员未经团组织推优的不批' },
  },
  calendar: [],
};

const severities = ['BLOCK', 'WARN', 'INFO'] as const;

export const settingsDocumentSchema = s.object({
  format: s.literal(SETTINGS_FORMAT),
  'city?': s.string({ nonEmpty: true }),
  'switchDate?': s.date(),
  'transition?': s.enum(['byStepDate', 'openCasesFollowNew'] as const),
  'boundaries?': s.object({
    'anniversary?': s.enum(['onOrAfter', 'after'] as const),
    'monthDeadline?': s.enum(['onOrBefore', 'before'] as const),
    'probationEnd?': s.enum(['anniversary', 'dayBefore'] as const),
    'noticeCountsFirstDay?': s.bool(),
    'listingAfterNotice?': s.enum(['after', 'onOrAfter'] as const),
  }),
  // Parameters are checked against each rule's declared parameters below, not by shape here.
  'rules?': s.record(s.object({ 'enabled?': s.bool(), 'severity?': s.enum(severities), 'params?': s.record(s.unknown()), 'reason?': s.string() })),
  'calendar?': s.array(s.object({ year: s.int(2000, 2100), holidays: s.array(s.date()), makeUpWorkdays: s.array(s.date()), source: s.string({ nonEmpty: true }) })),
});
export type SettingsDocument = Infer<typeof settingsDocumentSchema>;
