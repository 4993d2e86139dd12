import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-BRANCH-REVIEW',
  name: '支部委员会审查后报预审',
  text: '党支部委员会对发展对象进行审查（集体讨论）后，才能报上级党委预审：支委会审查日期不得晚于预审。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十八条`,
  sourceV2014: `${DOC}（2014年）第十九条`,
  step: 12,
  messages: {
    none: '上级党委预审（{preReview}）前没有支部委员会审查的记录',
    after: '支部委员会审查（{review}）晚于上级党委预审（{preReview}）',
  },
  evaluate({ d }) {
    const p = d.preReview;
    if (!p) return NO_HITS;
    if (!d.branchReviewOn) return [hit('none', { preReview: p.passedOn }, { on: p.passedOn })];
    return d.branchReviewOn > p.passedOn ? [hit('after', { review: d.branchReviewOn, preReview: p.passedOn }, { on: p.passedOn })] : NO_HITS;
  },
};
