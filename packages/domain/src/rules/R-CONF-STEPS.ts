import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-CONF-STEPS',
  name: '转正前的党小组意见、征求意见和支委会审查',
  text: '讨论转正前，须有党小组意见、征求党员和群众的意见、支部委员会审查，三者都不得晚于讨论转正的支部大会。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第三十二条`,
  sourceV2014: `${DOC}（2014年）第三十三条`,
  step: 23,
  messages: { after: '{what}（{on}）晚于讨论转正的支部大会（{meeting}）' },
  evaluate({ d }) {
    const c = d.confirmation;
    if (!c) return NO_HITS;
    const meeting = c.meeting.on;
    // Nothing after the meeting (the usual case): no list to build.
    if (c.groupOpinionOn <= meeting && c.opinionsOn <= meeting && c.committeeReviewOn <= meeting) return NO_HITS;
    const steps: [string, string][] = [['党小组意见', c.groupOpinionOn], ['征求党员和群众意见', c.opinionsOn], ['支部委员会审查', c.committeeReviewOn]];
    return steps.filter(([, on]) => on > meeting).map(([what, on]) => hit('after', { what, on, meeting }, { on: meeting }));
  },
};
