import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MTG-ONE-BY-ONE',
  name: '逐个讨论、逐个表决',
  text: '支部大会讨论两个以上的人入党时，必须逐个讨论和表决：每人一份决议、一次计票。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第二十条`,
  step: 15,
  messages: { batch: '支部大会（{meeting}）没有逐个讨论和表决' },
  evaluate({ d }) {
    const m = d.admissionMeeting;
    return m && !m.oneByOne ? [hit('batch', { meeting: m.on }, { on: m.on })] : NO_HITS;
  },
};
