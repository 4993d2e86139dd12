import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-APPROVAL-COLLECTIVE',
  name: '党委集体讨论、逐个审议表决',
  text: '上级党委审批发展党员，必须集体讨论和表决，逐个审议，不能由个人或少数人决定。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第二十四条`,
  step: 17,
  messages: { notCollective: '上级党委审批（{approval}）没有经过集体讨论和表决' },
  evaluate({ d }) {
    const a = d.approval;
    return a && !a.collective ? [hit('notCollective', { approval: a.on }, { on: a.on })] : NO_HITS;
  },
};
