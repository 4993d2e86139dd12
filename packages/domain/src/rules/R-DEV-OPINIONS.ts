import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-DEV-OPINIONS',
  name: '听取党小组、培养联系人、党员和群众意见',
  text: '确定发展对象，须听取党小组、培养联系人、党员和群众意见：支委会研究讨论之日或之前，须有发展对象阶段的征求意见记录（意见轮次或征求意见记录材料）。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十三条`,
  step: 7,
  messages: { none: '支委会研究确定发展对象（{proposal}）前，没有听取党小组、培养联系人、党员和群众意见的记录' },
  evaluate({ d, documents }) {
    const c = d.candidate;
    if (!c) return NO_HITS;
    const by = c.committeeProposalOn;
    const heard = (d.opinions ?? []).some((o) => o.stage === 'candidate' && o.on <= by) || (documents.get('opinionRecord') ?? []).some((on) => on <= by);
    return heard ? NO_HITS : [hit('none', { proposal: by }, { on: c.on })];
  },
};
