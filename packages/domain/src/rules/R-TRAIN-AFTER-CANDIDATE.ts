import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-TRAIN-AFTER-CANDIDATE',
  name: '集中培训在确定发展对象之后',
  text: '集中培训的对象是发展对象；入党积极分子一般不宜参加：培训开始日期应不早于确定为发展对象的日期。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: '共产党员网问答（集中培训对象为发展对象）',
  step: 11,
  messages: { beforeCandidate: '集中培训开始（{start}）早于确定为发展对象（{candidate}），培训时还不是发展对象' },
  evaluate({ d }) {
    const t = d.training;
    const c = d.candidate;
    if (!t || !c) return NO_HITS;
    return t.start < c.on ? [hit('beforeCandidate', { start: t.start, candidate: c.on }, { on: c.on })] : NO_HITS;
  },
};
