import { labelOfDatePath, stepOfDatePath } from '../dossier/date-fields.ts';
import type { Dossier } from '../dossier/format.ts';
import { type Hit, type RuleModule, hit } from './types.ts';

type Get = (d: Dossier) => string | undefined;
/** A link of a chain: the field's path (for messages), how to read it, and whether it must be strictly later. */
type Link = [path: string, get: Get, strict?: boolean];

/** The core chain of rules.md §2.6 (direct accessors: this runs for every dossier). */
const mainChain: Link[] = [
  ['application.datedOn', (d) => d.application?.datedOn],
  ['application.receivedOn', (d) => d.application?.receivedOn],
  ['talk.on', (d) => d.talk?.on],
  ['activist.on', (d) => d.activist?.on],
  ['candidate.committeeProposalOn', (d) => d.candidate?.committeeProposalOn, true],
  ['candidate.upperConsentOn', (d) => d.candidate?.upperConsentOn],
  ['candidate.on', (d) => d.candidate?.on],
  ['branchReviewOn', (d) => d.branchReviewOn],
  ['preReview.passedOn', (d) => d.preReview?.passedOn],
  ['preReview.formIssuedOn', (d) => d.preReview?.formIssuedOn],
  ['admissionMeeting.on', (d) => d.admissionMeeting?.on],
  ['upperTalk.on', (d) => d.upperTalk?.on],
  ['approval.on', (d) => d.approval?.on],
  ['oath.on', (d) => d.oath?.on],
];
const confirmationChain: Link[] = [
  ['approval.on', (d) => d.approval?.on],
  ['confirmation.meeting.on', (d) => d.confirmation?.meeting.on],
  ['confirmation.approvalOn', (d) => d.confirmation?.approvalOn],
  ['archivedOn', (d) => d.archivedOn],
];
/** Side links: an earlier field and a later one. */
const links: Link[][] = [
  [['activist.on', (d) => d.activist?.on], ['activist.filedOn', (d) => d.activist?.filedOn]],
  [['candidate.committeeProposalOn', (d) => d.candidate?.committeeProposalOn], ['candidate.filedOn', (d) => d.candidate?.filedOn]],
];

function check(d: Dossier, chain: Link[], out: Hit[]): void {
  let prevPath = '';
  let prevValue: string | undefined;
  for (const [path, get, strict] of chain) {
    const value = get(d);
    if (value === undefined) continue;
    if (prevValue !== undefined && (value < prevValue || (strict && value === prevValue))) out.push(inverted(d, path, value, prevPath, prevValue, strict === true && value === prevValue));
    prevPath = path;
    prevValue = value;
  }
}

function inverted(d: Dossier, laterPath: string, later: string, earlierPath: string, earlier: string, same: boolean): Hit {
  const values = { later: labelOfDatePath(laterPath), laterOn: later, earlier: labelOfDatePath(earlierPath), earlierOn: earlier };
  return hit(same ? 'sameDay' : 'inverted', values, { on: later, step: stepOfDatePath(d, laterPath) });
}

export const rule: RuleModule = {
  id: 'R-ORDER',
  name: '各环节时间顺序',
  text: '各环节日期须符合程序顺序（相同日期允许，另有说明的除外）：申请书落款 ≤ 收到 ≤ 谈话 ≤ 确定积极分子（≤ 备案）< 支委会研究发展对象 ≤ 上级党委同意（备案）≤ 确定发展对象 ≤ 支委会审查 ≤ 预审 ≤ 发放志愿书 ≤ 支部大会 ≤ 上级党委谈话 ≤ 审批 ≤ 宣誓；审批 ≤ 讨论转正 ≤ 转正审批 ≤ 归档；公示开始 ≤ 公示结束，且不早于上级党委同意。每一处颠倒都是错误。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: '依《中国共产党发展党员工作细则》各条的程序顺序；档案审核要点“时间是否符合逻辑顺序”',
  step: 1,
  messages: {
    inverted: '{later}（{laterOn}）早于{earlier}（{earlierOn}），时间顺序颠倒',
    sameDay: '{later}（{laterOn}）与{earlier}为同一天，应在其后',
  },
  evaluate({ d }) {
    const out: Hit[] = [];
    check(d, mainChain, out);
    check(d, confirmationChain, out);
    for (const pair of links) check(d, pair, out);
    (d.notices ?? []).forEach((n, i) => {
      if (n.end < n.start) out.push(inverted(d, `notices[${i}].end`, n.end, `notices[${i}].start`, n.start, false));
      const consent = d.candidate?.upperConsentOn;
      if (n.stage === 'candidate' && consent && n.start < consent) out.push(inverted(d, `notices[${i}].start`, n.start, 'candidate.upperConsentOn', consent, false));
    });
    return out;
  },
};
