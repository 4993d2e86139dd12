import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-ACT-DECIDED-BY-COMMITTEE',
  name: '支委会（党员大会）确定积极分子',
  text: '入党积极分子由党支部委员会（不设支部委员会的由支部党员大会）研究决定，不能由个人决定。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第八条`,
  step: 3,
  messages: { individual: '入党积极分子（{activist}）由个人决定，未经党支部委员会或支部党员大会研究' },
  evaluate({ d }) {
    const a = d.activist;
    return a?.decidedBy === 'individual' ? [hit('individual', { activist: a.on }, { on: a.on })] : NO_HITS;
  },
};
