import { type IsoDate, maxDate, minDate } from '../calendar/index.ts';
import { createEngine, type Dossier, latestDate } from '../dossier/index.ts';
import { compareFindings, evaluateDossier } from '../rules/engine.ts';
import type { Finding, RuleModule, Severity } from '../rules/types.ts';
import type { CitySettings } from '../settings/index.ts';

/**
 * The gate of the development workflow: the rule engine judges the dossier as it would stand after
 * the step, and the step's fate follows from the severities — nothing here re-implements a rule.
 * Also the six refusals (六个不批) as a checklist over the engine's findings.
 */
export interface GateFinding {
  rule: string;
  severity: Severity;
  version: string;
  step: number;
  message: string;
  source: string;
}

export function toGateFinding(f: Finding): GateFinding {
  return { rule: f.rule, severity: f.severity, version: f.version, step: f.step, message: f.message, source: f.source };
}

/** A WARN once justified stays accepted while the same rule says the same thing about the same step. */
export function findingKey(f: Pick<GateFinding, 'rule' | 'step' | 'message'>): string {
  return `${f.rule}|${f.step}|${f.message}`;
}

/**
 * The date the engine judges as of: the step's date, or the latest date in the dossier if later
 * (an earlier step's date is never "in the future"), but never after today — so a date after today
 * is reported by R-NO-FUTURE.
 */
export function judgeAsOf(view: Dossier, step: IsoDate | undefined, today: IsoDate): IsoDate {
  const latest = latestDate(view) || undefined;
  return minDate(maxDate(step, latest) ?? today, today)!;
}

/**
 * `partial`: the view holds a half-filled multi-step object (see engineView). A rule that cannot read
 * it yet (it assumes a field the later step brings) says nothing until the object is complete;
 * every other rule judges as usual.
 */
export function judge(view: Dossier, asOf: IsoDate, settings: CitySettings, partial = false): Finding[] {
  const engine = createEngine(asOf, settings);
  const rules = partial
    ? engine.rules.map((rule): RuleModule => ({
        ...rule,
        evaluate: (facts, ctx) => {
          try {
            return rule.evaluate(facts, ctx);
          } catch (error) {
            if (error instanceof TypeError) return [];
            throw error;
          }
        },
      }))
    : engine.rules;
  return evaluateDossier(view, { ...engine, rules }).sort(compareFindings);
}

export interface GateOutcome {
  /** Findings about this step and the earlier ones: what decides. */
  relevant: GateFinding[];
  blocks: GateFinding[];
  /** WARNs not justified before: they need a justification now. */
  newWarnings: GateFinding[];
  infos: GateFinding[];
}

export function gate(findings: readonly Finding[], step: number, accepted: ReadonlySet<string>): GateOutcome {
  const relevant = findings.filter((f) => f.step <= step).map(toGateFinding);
  return {
    relevant,
    blocks: relevant.filter((f) => f.severity === 'BLOCK'),
    newWarnings: relevant.filter((f) => f.severity === 'WARN' && !accepted.has(findingKey(f))),
    infos: relevant.filter((f) => f.severity === 'INFO'),
  };
}

/** One item of the six refusals (六个不批, source article) with its evidence. */
export interface ChecklistItem {
  item: number;
  text: string;
  rules: string[];
  status: 'passed' | 'failed' | 'unknown';
  findings: GateFinding[];
  evidence: { field: string; label: string; value: string | number | boolean | null }[];
  note?: string;
}

type Evidence = ChecklistItem['evidence'];
const ev = (field: string, label: string, value: unknown): Evidence[number] => ({ field, label, value: value === undefined ? null : (value as string | number | boolean | null) });

const refusals: { text: string; rules: string[]; evidence: (d: Dossier) => { evidence: Evidence; known: boolean; note?: string } }[] = [
  {
    text: '没有经过一年以上培养考察的不批',
    rules: ['R-DEV-1Y'],
    evidence: (d) => ({ evidence: [ev('activist.on', '确定为入党积极分子日期', d.activist?.on), ev('candidate.on', '确定为发展对象日期', d.candidate?.on)], known: !!d.activist?.on && !!d.candidate?.on }),
  },
  {
    text: '未经党委一级集中培训或培训不合格的不批',
    rules: ['R-TRAIN-DONE', 'R-TRAIN-ORGANIZER'],
    evidence: (d) => ({
      evidence: [ev('training.organizerLevel', '培训组织单位层级', d.training?.organizerLevel), ev('training.passed', '培训是否合格', d.training?.passed), ev('training.end', '培训结束日期', d.training?.end)],
      known: !!d.training,
    }),
  },
  {
    text: '没有经过政审和政审不清的不批',
    rules: ['R-REVIEW-DONE', 'R-REVIEW-CLEAR'],
    evidence: (d) => ({ evidence: [ev('politicalReview.result', '政审结论', d.politicalReview?.result), ev('politicalReview.conclusionOn', '政审结论日期', d.politicalReview?.conclusionOn)], known: !!d.politicalReview }),
  },
  {
    text: '入党手续不完备、材料不齐全的不批',
    rules: ['R-ORDER', 'R-SUBMISSION', 'R-APP-WRITTEN', 'R-BRANCH-REVIEW', 'R-PREREVIEW', 'R-RESOLUTION', 'R-UPPER-TALK'],
    evidence: (d) => ({
      evidence: [ev('documents', '在卷材料', (d.documents ?? []).map((x) => x.type).join('、') || null), ev('preReview.passedOn', '预审通过日期', d.preReview?.passedOn), ev('branchReviewOn', '支部委员会审查日期', d.branchReviewOn)],
      known: (d.documents?.length ?? 0) > 0,
    }),
  },
  {
    text: '团员未经团组织推优的不批',
    rules: ['R-LEAGUE-28'],
    evidence: (d) => {
      const byLeague = (d.recommendations ?? []).filter((r) => r.method === 'byLeague').map((r) => r.on);
      const note = d.person.leagueMember === false ? '不是共青团员，本项不适用' : undefined;
      return { evidence: [ev('person.leagueMember', '是否共青团员', d.person.leagueMember), ev('recommendations[byLeague].on', '团组织推优日期', byLeague.join('、') || null)], known: d.person.leagueMember !== undefined, ...(note ? { note } : {}) };
    },
  },
  {
    text: '没有经过公示的不批',
    rules: ['R-PUB-CANDIDATE-5WD', 'R-PUB-CANDIDATE-2PLACES', 'R-PUB-LOCAL'],
    evidence: (d) => {
      const notices = (d.notices ?? []).filter((n) => n.stage === 'candidate');
      return {
        evidence: [ev('notices[candidate]', '发展对象公示', notices.map((n) => `${n.place} ${n.start}至${n.end}`).join('；') || null), ev('candidate.upperConsentOn', '上级党委同意日期', d.candidate?.upperConsentOn)],
        known: notices.length > 0,
        ...(notices.length === 0 ? { note: '没有公示记录；2026年5月11日前确定的发展对象按2014年版细则不要求公示，规则引擎未判为问题时记为“无法判断”' } : {}),
      };
    },
  },
];

/** The checklist over all findings of the dossier (not only this step's): each item failed, passed, or unknown when its evidence is missing. */
export function sixRefusals(view: Dossier, findings: readonly Finding[]): ChecklistItem[] {
  return refusals.map((r, index) => {
    const hits = findings.filter((f) => r.rules.includes(f.rule) && f.severity !== 'INFO').map(toGateFinding);
    const { evidence, known, note } = r.evidence(view);
    const status: ChecklistItem['status'] = hits.length > 0 ? 'failed' : known || view.person.leagueMember === false && index === 4 ? 'passed' : 'unknown';
    return { item: index + 1, text: r.text, rules: r.rules, status, findings: hits, evidence, ...(note ? { note } : {}) };
  });
}
