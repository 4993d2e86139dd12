import { type IsoDate, addDays, addMonths, daysBetween } from '../calendar/dates.ts';
import { createEngine } from '../dossier/auditor.ts';
import type { Dossier } from '../dossier/format.ts';
import { rule as approval3m } from '../rules/R-APPROVAL-3M.ts';
import { rule as assess6m } from '../rules/R-ASSESS-6M.ts';
import { rule as confApp } from '../rules/R-CONF-APP.ts';
import { rule as confApproval3m } from '../rules/R-CONF-APPROVAL-3M.ts';
import { rule as confTimely } from '../rules/R-CONF-TIMELY.ts';
import { rule as meeting1m } from '../rules/R-MEETING-1M.ts';
import { rule as oathRule } from '../rules/R-OATH.ts';
import { rule as talk1m } from '../rules/R-TALK-1M.ts';
import { rule as transferPostpone } from '../rules/R-TRANSFER-POSTPONE.ts';
import { ruleContext } from '../rules/engine.ts';
import { probationEndOf } from '../rules/facts.ts';
import { confirmationDue, monthsDeadline } from '../rules/helpers.ts';
import type { RuleContext, RuleModule } from '../rules/types.ts';
import { type CitySettings, defaultCitySettings } from '../settings/city-settings.ts';
import { engineView, type Pending } from './step-inputs.ts';

/**
 * What is due and overdue on a dossier as of a date (issue 6 item 6): the talk, the six-monthly
 * assessments, the meeting after pre-review, the approval, the oath, the confirmation application,
 * the discussion at the end of probation and the confirmation approval. Every date comes from the
 * interval helpers of the rule the item follows (`monthsDeadline` with the city's boundary setting,
 * `confirmationDue`, `probationEndOf`), so an item turns overdue exactly when its rule starts to
 * report the dossier — the unit tests check that against the engine.
 */
export type DeadlineKind = 'talk' | 'assessment' | 'meeting' | 'approval' | 'oath' | 'confirmationApplication' | 'probationEnd' | 'confirmationApproval';

export const deadlineKinds: readonly DeadlineKind[] = ['talk', 'assessment', 'meeting', 'approval', 'oath', 'confirmationApplication', 'probationEnd', 'confirmationApproval'];

export const deadlineLabels: Record<DeadlineKind, string> = {
  talk: '收到申请书后一个月内派人谈话',
  assessment: '入党积极分子每半年考察',
  meeting: '预审通过后一个月内召开支部大会',
  approval: '支部大会后三个月内审批',
  oath: '批准后入党宣誓',
  confirmationApplication: '预备期满提出转正申请',
  probationEnd: '预备期满及时讨论转正',
  confirmationApproval: '三个月内审批转正',
};

export interface DeadlineItem {
  kind: DeadlineKind;
  label: string;
  /** The official step the item belongs to (steps.ts). */
  step: number;
  /** The last day still in time. */
  dueOn: IsoDate;
  /** The day from which the step may be done, where the rules set one (probation end, the application window). */
  fromOn?: IsoDate;
  /** dueOn − asOf in days: negative once overdue. */
  daysLeft: number;
  overdue: boolean;
  /** The rule id the interval comes from. */
  rule: string;
  /** Chinese explanation of where the date comes from. */
  note: string;
}

export interface DeadlineInput {
  document: Dossier;
  pending?: Pending;
  /** 1..26 (26: archived). */
  currentStep: number;
  status: 'active' | 'withdrawn' | 'notRecognized' | 'member';
}

/** The rule contexts of one as-of date and settings: made once, then used for many dossiers. */
export interface DeadlineContext {
  asOf: IsoDate;
  ctx: (rule: RuleModule) => RuleContext;
  settings: CitySettings;
}

export function deadlineContext(asOf: IsoDate, settings: CitySettings = defaultCitySettings): DeadlineContext {
  const engine = createEngine(asOf, settings);
  const cache = new Map<string, RuleContext>();
  return {
    asOf,
    settings,
    ctx: (rule) => {
      let c = cache.get(rule.id);
      if (!c) cache.set(rule.id, (c = ruleContext(engine, rule)));
      return c;
    },
  };
}

/** The latest assessment after `from` up to `to` (as R-ASSESS-6M counts them), else `from`. */
function lastAssessment(d: Dossier, from: IsoDate, to: IsoDate): IsoDate {
  let last = from;
  for (const a of d.assessments ?? []) if (a.on > from && a.on <= to && a.on > last) last = a.on;
  return last;
}

/**
 * The open deadlines of one dossier. Only active dossiers have any; an item belongs to a step not
 * yet passed (the repeated assessments excepted: they run until the listing as candidate), so an
 * imported dossier with a hole behind its current step is left to the batch audit.
 */
export function dossierDeadlines(input: DeadlineInput, dc: DeadlineContext): DeadlineItem[] {
  if (input.status !== 'active' || input.currentStep > 25) return [];
  const d = engineView(input.document, input.pending ?? {});
  const pendingConfirmation = input.pending?.confirmation;
  const { asOf } = dc;
  const out: DeadlineItem[] = [];
  const add = (kind: DeadlineKind, rule: RuleModule, dueOn: IsoDate, note: string, fromOn?: IsoDate, step = rule.step) => {
    if (kind !== 'assessment' && step < input.currentStep) return;
    const daysLeft = daysBetween(asOf, dueOn);
    out.push({ kind, label: deadlineLabels[kind], step, dueOn, ...(fromOn ? { fromOn } : {}), daysLeft, overdue: daysLeft < 0, rule: rule.id, note });
  };

  // R-TALK-1M: one month from receiving the application.
  if (d.application && !d.talk) {
    const c = dc.ctx(talk1m);
    add('talk', talk1m, monthsDeadline(d.application.receivedOn, 1, c), `收到入党申请书 ${d.application.receivedOn}，一个月内派人谈话`);
  }

  // R-ASSESS-6M: six months from the activist's designation or the last assessment, until listed as candidate.
  if (d.activist?.on && !d.candidate) {
    const c = dc.ctx(assess6m);
    const last = lastAssessment(d, d.activist.on, asOf);
    add('assessment', assess6m, monthsDeadline(last, 6, c), last === d.activist.on ? `确定为入党积极分子 ${last}，每半年考察一次` : `最近一次考察 ${last}，每半年考察一次`);
  }

  // R-MEETING-1M (2026 text only): one month from passing the pre-review; the meeting falls on or after asOf.
  if (d.preReview && !d.admissionMeeting) {
    const c = dc.ctx(meeting1m);
    if (c.versionOn(asOf) === 'V2026') add('meeting', meeting1m, monthsDeadline(d.preReview.passedOn, 1, c), `预审通过 ${d.preReview.passedOn}，一个月内召开支部大会讨论接收`);
  }

  const meetingOn = d.admissionMeeting?.on;
  // R-APPROVAL-3M: three months from the branch meeting (six at most, with a recorded special reason).
  if (meetingOn && !d.approval) {
    const c = dc.ctx(approval3m);
    add('approval', approval3m, monthsDeadline(meetingOn, 3, c), `支部大会 ${meetingOn}，三个月内审批；有特殊情况最迟 ${monthsDeadline(meetingOn, 6, c)}`);
  }

  if (meetingOn && d.approval) {
    const probationEnd = probationEndOf(meetingOn, dc.settings.boundaries);
    const due = confirmationDue(probationEnd, d);

    // R-OATH: under the 2026 text one month after approval; under 2014 only before the confirmation meeting.
    if (!d.oath && !d.confirmation) {
      const c = dc.ctx(oathRule);
      if (c.versionOn(asOf) === 'V2026') add('oath', oathRule, monthsDeadline(d.approval.on, 1, c), `上级党委审批 ${d.approval.on}，一般一个月内面向党旗宣誓（集中宣誓日除外）`);
      else add('oath', oathRule, due, `预备期满讨论转正（${due} 起）前须入党宣誓`);
    }

    // R-CONF-APP: written application at the end of probation, at most `earlyDays` before it.
    if (!d.confirmation && !pendingConfirmation?.appliedOn) {
      const c = dc.ctx(confApp);
      const early = c.params.earlyDays as number;
      add('confirmationApplication', confApp, due, `预备期 ${due} 期满，书面提出转正申请（最早可提前 ${early} 天）`, addDays(due, -early));
    }

    // R-CONF-TIMELY (R-TRANSFER-POSTPONE for a probationer who moved): the discussion soon after probation ends.
    if (!d.confirmation) {
      const transferred = (d.transfers ?? []).some((t) => t.during === 'probation');
      if (transferred) {
        add('probationEnd', transferPostpone, addMonths(due, 6), `转入的预备党员，预备期 ${due} 期满，讨论转正最多推迟六个月`, due);
      } else {
        const c = dc.ctx(confTimely);
        const months = c.params.months as number;
        add('probationEnd', confTimely, monthsDeadline(due, months, c), `预备期 ${due} 期满，${months} 个月内讨论转正`, due);
      }
    }
  }

  // R-CONF-APPROVAL-3M: three months from the confirmation meeting (recorded at step 23, approved at 24).
  // The view merges a pending confirmation with its meeting; only the document's has the approval.
  const confMeeting = input.document.confirmation ? undefined : pendingConfirmation?.meeting?.on;
  if (confMeeting) {
    const c = dc.ctx(confApproval3m);
    add('confirmationApproval', confApproval3m, monthsDeadline(confMeeting, 3, c), `支部大会讨论转正 ${confMeeting}，三个月内审批`);
  }

  return out.sort(compareDeadlines);
}

/** Overdue first (the longest overdue on top), then the nearest due date. */
export function compareDeadlines(a: Pick<DeadlineItem, 'overdue' | 'dueOn'>, b: Pick<DeadlineItem, 'overdue' | 'dueOn'>): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0;
}

/** Due within `days` of asOf, or overdue. */
export function isDueWithin(item: Pick<DeadlineItem, 'overdue' | 'daysLeft'>, days: number): boolean {
  return item.overdue || item.daysLeft <= days;
}
