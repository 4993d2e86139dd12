import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MTG-SECRET',
  name: '无记名投票表决',
  text: '2026年版：支部党员大会采取无记名投票方式表决接收预备党员。2014年版的表决方式原文待核实，不作判断。',
  versions: ['V2026'],
  severity: 'BLOCK',
  source: `${DOC}（2026年）第二十条`,
  step: 15,
  messages: { showOfHands: '支部大会（{meeting}）以举手方式表决，应采取无记名投票' },
  evaluate({ d }) {
    const m = d.admissionMeeting;
    return m && m.method !== 'secretBallot' ? [hit('showOfHands', { meeting: m.on }, { on: m.on })] : NO_HITS;
  },
};
