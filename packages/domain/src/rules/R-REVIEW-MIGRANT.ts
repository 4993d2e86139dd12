import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-REVIEW-MIGRANT',
  name: '流动人员政审听取两地意见',
  text: '对流动人员进行政治审查，须有户籍所在地和现居住地基层党组织的意见，且在政审结论之前。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十六条`,
  step: 10,
  messages: {
    noOrigin: '流动人员的政治审查没有户籍所在地基层党组织的意见',
    noResidence: '流动人员的政治审查没有现居住地基层党组织的意见',
    afterConclusion: '{which}基层党组织的意见（{on}）晚于政审结论（{conclusion}）',
  },
  evaluate({ d, isMigrant }) {
    const pr = d.politicalReview;
    if (!pr || !isMigrant) return NO_HITS;
    const on = pr.conclusionOn;
    const out = [];
    if (!pr.originOpinionOn) out.push(hit('noOrigin', {}, { on }));
    else if (pr.originOpinionOn > on) out.push(hit('afterConclusion', { which: '户籍所在地', on: pr.originOpinionOn, conclusion: on }, { on }));
    if (!pr.residenceOpinionOn) out.push(hit('noResidence', {}, { on }));
    else if (pr.residenceOpinionOn > on) out.push(hit('afterConclusion', { which: '现居住地', on: pr.residenceOpinionOn, conclusion: on }, { on }));
    return out;
  },
};
