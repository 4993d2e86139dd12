import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-LEAVE-3M',
  name: '三个月内离开单位的一般不办理接收',
  text: '发展对象未来三个月内将离开工作、学习单位的，一般不办理接收预备党员的手续（“一般”：WARN，本地可收紧为 BLOCK）。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第十八条`,
  sourceV2014: `${DOC}（2014年）第十九条`,
  step: 13,
  messages: { leaving: '预审时记录发展对象三个月内将离开工作、学习单位，一般不办理接收手续{meeting}' },
  evaluate({ d }) {
    const p = d.preReview;
    if (!p?.leavingWithin3Months) return NO_HITS;
    const m = d.admissionMeeting;
    return [hit('leaving', { meeting: m ? `（支部大会已于 ${m.on} 讨论接收）` : '' }, { on: m?.on ?? p.passedOn })];
  },
};
