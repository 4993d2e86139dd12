import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-ACT-FILED',
  name: '积极分子报上级党委备案',
  text: '确定的入党积极分子须报上级党委备案，备案应在确定为发展对象之前完成。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第八条`,
  step: 4,
  messages: { filedLate: '入党积极分子备案（{filed}）晚于确定为发展对象（{candidate}）' },
  evaluate({ d }) {
    const a = d.activist;
    const c = d.candidate;
    if (!a || !c) return NO_HITS;
    return a.filedOn > c.on ? [hit('filedLate', { filed: a.filedOn, candidate: c.on }, { on: c.on })] : NO_HITS;
  },
};
