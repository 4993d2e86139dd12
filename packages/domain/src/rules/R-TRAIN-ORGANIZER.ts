import { DOC, SOURCE_ARTICLE } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-TRAIN-ORGANIZER',
  name: '党委一级组织集中培训',
  text: '集中培训由基层党委或者县级党委组织部门组织；党支部自己举办的培训不能代替。源文章：“未经党委一级集中培训的不批”。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十七条；${SOURCE_ARTICLE}“六个不批”`,
  step: 11,
  messages: { branch: '集中培训（{start} 至 {end}）由党支部举办，不是基层党委或县级党委组织部门组织的' },
  evaluate({ d }) {
    const t = d.training;
    return t?.organizerLevel === 'branch' ? [hit('branch', { start: t.start, end: t.end }, { on: t.end })] : NO_HITS;
  },
};
