import { DOC, monthsDeadline } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-ORG-DEPT-FILED',
  name: '报再上一级党委组织部门备案',
  text: '基层党委审批后，应报再上一级党委组织部门备案：备案不得早于审批；审批满一个月仍无备案记录的予以提示。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第二十五条`,
  step: 18,
  messages: {
    notFiled: '上级党委审批（{approval}）已超过一个月，没有报组织部门备案的记录',
    beforeApproval: '组织部门备案（{filed}）早于审批（{approval}）',
  },
  evaluate({ d }, ctx) {
    const a = d.approval;
    if (!a) return NO_HITS;
    if (!d.orgDeptFiledOn) return ctx.asOf > monthsDeadline(a.on, 1, ctx) ? [hit('notFiled', { approval: a.on }, { on: a.on })] : NO_HITS;
    return d.orgDeptFiledOn < a.on ? [hit('beforeApproval', { filed: d.orgDeptFiledOn, approval: a.on }, { on: a.on })] : NO_HITS;
  },
};
