import { DOC, monthsDeadline } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-CONF-APPROVAL-3M',
  name: '三个月内审批转正',
  text: '上级党委对党支部上报的预备党员转正决议，应在三个月内审批；审批后党支部书记同本人谈话并在党员大会上宣布。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第三十三条`,
  step: 24,
  messages: { late: '讨论转正（{meeting}）后 {approval} 才审批，超过三个月（应不晚于 {deadline}）' },
  evaluate({ d }, ctx) {
    const c = d.confirmation;
    if (!c) return NO_HITS;
    const deadline = monthsDeadline(c.meeting.on, 3, ctx);
    return c.approvalOn > deadline ? [hit('late', { meeting: c.meeting.on, approval: c.approvalOn, deadline }, { on: c.approvalOn })] : NO_HITS;
  },
};
