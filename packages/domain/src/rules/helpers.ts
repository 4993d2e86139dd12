import { type IsoDate, addDays, addMonths, addYears } from '../calendar/dates.ts';
import type { Dossier, Meeting, Notice } from '../dossier/format.ts';
import type { RuleContext } from './types.ts';

/** 「满 N 年」: reached on the anniversary (default) or only after it, per the city's setting. */
export function yearsReached(start: IsoDate, date: IsoDate, years: number, ctx: RuleContext): boolean {
  const anniversary = addYears(start, years);
  return ctx.settings.boundaries.anniversary === 'after' ? date > anniversary : date >= anniversary;
}

/** The last day still 「N 个月内」 after `start`. */
export function monthsDeadline(start: IsoDate, months: number, ctx: RuleContext): IsoDate {
  const same = addMonths(start, months);
  return ctx.settings.boundaries.monthDeadline === 'before' ? addDays(same, -1) : same;
}

/** 「N 个月内」 after `start`. */
export function withinMonths(start: IsoDate, date: IsoDate, months: number, ctx: RuleContext): boolean {
  return date <= monthsDeadline(start, months, ctx);
}

/** Working days a notice ran, counting its first day or not as the city decided. */
export function noticeWorkingDays(notice: Notice, ctx: RuleContext): number {
  const start = ctx.settings.boundaries.noticeCountsFirstDay ? notice.start : addDays(notice.start, 1);
  return ctx.calendar.workingDaysInclusive(start, notice.end);
}

/** The step comes after the notice as the city's convention says. */
export function afterNotice(notice: Notice, date: IsoDate, ctx: RuleContext): boolean {
  return ctx.settings.boundaries.listingAfterNotice === 'onOrAfter' ? date >= notice.end : date > notice.end;
}

/** Objections that stand in the way: unresolved, resolved only after the step, or upheld. */
export function blockingObjections(notice: Notice, stepOn: IsoDate): { unresolved: number; upheld: number } {
  let unresolved = 0;
  let upheld = 0;
  for (const o of notice.objections) {
    if (o.upheld) upheld += 1;
    else if (o.resolvedOn === undefined || o.resolvedOn > stepOn) unresolved += 1;
  }
  return { unresolved, upheld };
}

/** Quorum (R-MTG-QUORUM): more than half of the expected voters present. */
export function quorumProblem(m: Meeting): { key: string; values: Record<string, number> } | undefined {
  if (m.presentVoters > m.expectedVoters) return { key: 'presentOverExpected', values: { expected: m.expectedVoters, present: m.presentVoters } };
  if (2 * m.presentVoters <= m.expectedVoters) return { key: 'noQuorum', values: { expected: m.expectedVoters, present: m.presentVoters } };
  return undefined;
}

/**
 * Majority (R-MTG-MAJORITY): yes votes plus written yes of absent voters submitted before the
 * meeting, more than half of the expected (应到) voters — not of those present (实到).
 */
export function majorityProblem(m: Meeting): { key: string; values: Record<string, number> } | undefined {
  const cast = m.yes + m.no + m.abstain;
  if (cast > m.presentVoters) return { key: 'tallyOverPresent', values: { cast, present: m.presentVoters } };
  if (m.writtenYes + m.writtenNo > Math.max(0, m.expectedVoters - m.presentVoters)) {
    return { key: 'writtenOverAbsent', values: { written: m.writtenYes + m.writtenNo, absent: m.expectedVoters - m.presentVoters } };
  }
  const counted = m.yes + (m.writtenBeforeMeeting ? m.writtenYes : 0);
  if (2 * counted > m.expectedVoters) return undefined;
  if (!m.writtenBeforeMeeting && m.writtenYes > 0 && 2 * (m.yes + m.writtenYes) > m.expectedVoters) {
    return { key: 'lateWritten', values: { yes: m.yes, writtenYes: m.writtenYes, expected: m.expectedVoters } };
  }
  if (2 * counted > m.presentVoters) return { key: 'countedOnPresent', values: { yes: counted, present: m.presentVoters, expected: m.expectedVoters } };
  return { key: 'noMajority', values: { yes: counted, expected: m.expectedVoters } };
}

export const meetingMessages = {
  presentOverExpected: '实到会有表决权的党员 {present} 人多于应到 {expected} 人，人数记录有误',
  noQuorum: '实到会有表决权的党员 {present} 人，未超过应到 {expected} 人的半数，会议不能举行表决',
  tallyOverPresent: '赞成、反对、弃权合计 {cast} 票，多于实到 {present} 人，计票有误',
  writtenOverAbsent: '书面表决意见 {written} 份，多于未到会的有表决权党员 {absent} 人',
  lateWritten: '赞成票 {yes} 票不足应到 {expected} 人的半数；{writtenYes} 份书面赞成意见未在会前正式提交，不能计入',
  countedOnPresent: '赞成票 {yes} 票超过实到 {present} 人的半数，但未超过应到 {expected} 人的半数：应以应到人数计算，决议未通过',
  noMajority: '赞成票 {yes} 票（含会前正式提交的书面意见）未超过应到会有表决权党员 {expected} 人的半数',
} as const;

/** Latest date in a list, or undefined. */
export function latest(dates: readonly (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d > best)) best = d;
  return best;
}

/** Earliest date in a list, or undefined. */
export function earliest(dates: readonly (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d < best)) best = d;
  return best;
}

export const DOC = '《中国共产党发展党员工作细则》';
export const CONSTITUTION = '《中国共产党章程》';
export const LEAGUE_DOC = '《共青团推优入党工作实施办法》（中青发〔2019〕9号）';
export const SOURCE_ARTICLE = '宜昌市委组织部《输送“新鲜血液”》（《党员生活》）';

/**
 * The date that chooses the version for the step-7 rules (listing as candidate). With the
 * `openCasesFollowNew` transition, a case not yet admitted on the switch date is judged as if
 * listed on the switch date, so it needs the 2026 consent and public notice.
 */
export function listingVersionDate(d: Dossier, ctx: RuleContext): IsoDate | undefined {
  const on = d.candidate?.on;
  if (on === undefined) return undefined;
  const { switchDate, transition } = ctx.settings;
  if (transition === 'openCasesFollowNew' && on < switchDate && (!d.admissionMeeting || d.admissionMeeting.on >= switchDate)) return switchDate;
  return on;
}

/**
 * The day from which the probationer may be confirmed: the end of probation, plus an extension
 * already granted. The format records one confirmation decision; `extensionMonths` with outcome
 * `confirm`/`cancel` is read as the extension granted before, with `extend` as the one decided now.
 */
export function confirmationDue(probationEnd: IsoDate, d: Dossier): IsoDate {
  const c = d.confirmation;
  return c && c.outcome !== 'extend' && c.extensionMonths ? addMonths(probationEnd, c.extensionMonths) : probationEnd;
}
