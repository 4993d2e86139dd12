import { DOC } from './helpers.ts';
import { approverKindLabels } from './labels.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-APPROVER',
  name: '有审批权的党委审批',
  text: '审批（及预审）发展党员须由具有审批权限的基层党委进行；党总支、党组、临时党组织（另有规定的除外）和没有审批权的党委不能审批。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第二十二条`,
  step: 17,
  messages: {
    notCommittee: '审批组织“{name}”是{kind}，不是有审批权的党委',
    noPower: '审批组织“{name}”没有发展党员的审批权',
    unknown: ['INFO', '档案没有记录审批党组织，无法核验审批权限'],
  },
  evaluate({ d }) {
    const on = d.approval?.on ?? d.preReview?.passedOn;
    if (!on) return NO_HITS;
    const approver = d.org?.approver;
    if (!approver) return [hit('unknown', {}, { on })];
    if (approver.kind !== 'committee') return [hit('notCommittee', { name: approver.name, kind: approverKindLabels[approver.kind] }, { on })];
    return approver.hasApprovalPower ? NO_HITS : [hit('noPower', { name: approver.name }, { on })];
  },
};
