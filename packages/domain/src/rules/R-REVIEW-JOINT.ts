import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-REVIEW-JOINT',
  name: '政审联审结果在卷',
  text: '2026年版：县级党委建立政审联审制度的，政治审查须有联审结果。是否所在县（市、区）已实行联审，由参数设定（默认已实行）。',
  versions: ['V2026'],
  severity: 'WARN',
  source: `${DOC}（2026年）第十六条`,
  step: 10,
  params: { countyRunsJointReview: { default: true, label: '县级党委已实行政审联审' } },
  messages: { none: '政治审查结论（{conclusion}）没有县级政审联审结果' },
  evaluate({ d }, ctx) {
    const pr = d.politicalReview;
    if (!pr || !ctx.params.countyRunsJointReview || pr.jointReviewOn) return NO_HITS;
    return [hit('none', { conclusion: pr.conclusionOn }, { on: pr.conclusionOn })];
  },
};
