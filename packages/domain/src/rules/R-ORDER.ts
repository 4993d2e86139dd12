import { labelOfDatePath, stepOfDatePath } from '../dossier/date-fields.ts';
import type { Dossier } from '../dossier/format.ts';
import { type Hit, type RuleModule, hit } from './types.ts';

/** A chain of rules.md §2.6: each field's path (for messages) and whether it must be strictly later. */
type Chain = readonly (readonly [path: string, strict?: boolean])[];

/** The core chain, and below its values in the same order (read directly: this runs for every dossier). */
const mainChain: Chain = [
  ['application.datedOn'],
  ['application.receivedOn'],
  ['talk.on'],
  ['activist.on'],
  ['candidate.committeeProposalOn', true],
  ['candidate.upperConsentOn'],
  ['candidate.on'],
  ['branchReviewOn'],
  ['preReview.passedOn'],
  ['preReview.formIssuedOn'],
  ['admissionMeeting.on'],
  ['upperTalk.on'],
  ['approval.on'],
  ['oath.on'],
];
function mainValues(d: Dossier): (string | undefined)[] {
  const { application, candidate, preReview } = d;
  return [
    application?.datedOn,
    application?.receivedOn,
    d.talk?.on,
    d.activist?.on,
    candidate?.committeeProposalOn,
    candidate?.upperConsentOn,
    candidate?.on,
    d.branchReviewOn,
    preReview?.passedOn,
    preReview?.formIssuedOn,
    d.admissionMeeting?.on,
    d.upperTalk?.on,
    d.approval?.on,
    d.oath?.on,
  ];
}
const confirmationChain: Chain = [['approval.on'], ['confirmation.meeting.on'], ['confirmation.approvalOn'], ['archivedOn']];
function confirmationValues(d: Dossier): (string | undefined)[] {
  return [d.approval?.on, d.confirmation?.meeting.on, d.confirmation?.approvalOn, d.archivedOn];
}
/** Side links: an earlier field and a later one. */
const activistFiling: Chain = [['activist.on'], ['activist.filedOn']];
const candidateFiling: Chain = [['candidate.committeeProposalOn'], ['candidate.filedOn']];

function check(d: Dossier, chain: Chain, values: readonly (string | undefined)[], out: Hit[]): void {
  let prevPath = '';
  let prevValue: string | undefined;
  for (let i = 0; i < chain.length; i++) {
    const value = values[i];
    if (value === undefined) continue;
    const [path, strict] = chain[i]!;
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
    check(d, mainChain, mainValues(d), out);
    check(d, confirmationChain, confirmationValues(d), out);
    check(d, activistFiling, [d.activist?.on, d.activist?.filedOn], out);
    check(d, candidateFiling, [d.candidate?.committeeProposalOn, d.candidate?.filedOn], out);
    const notices = d.notices;
    if (notices === undefined) return out;
    const consent = d.candidate?.upperConsentOn;
    for (let i = 0; i < notices.length; i++) {
      const n = notices[i]!;
      if (n.end < n.start) out.push(inverted(d, `notices[${i}].end`, n.end, `notices[${i}].start`, n.start, false));
      if (n.stage === 'candidate' && consent && n.start < consent) out.push(inverted(d, `notices[${i}].start`, n.start, 'candidate.upperConsentOn', consent, false));
    }
    return out;
  },
};
