import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-REVIEW-DONE',
  name: '政治审查合格',
  text: '凡是未经政治审查或者政治审查不合格的，不能发展入党：上级党委预审（或支部大会）时，须有结论为合格的政治审查结论性材料，且结论日期不晚于预审。源文章“六个不批”第三条。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十六条`,
  step: 10,
  messages: {
    none: '{step}（{on}）前没有政治审查结论',
    unqualified: '政治审查结论为不合格（{conclusion}），不能发展入党',
    afterPreReview: '政治审查结论（{conclusion}）晚于上级党委预审（{preReview}）',
  },
  evaluate({ d }) {
    const ref = d.preReview?.passedOn ?? d.admissionMeeting?.on;
    if (!ref) return NO_HITS;
    const pr = d.politicalReview;
    if (!pr) return [hit('none', { step: d.preReview ? '上级党委预审' : '支部大会', on: ref }, { on: ref })];
    if (pr.result === 'unqualified') return [hit('unqualified', { conclusion: pr.conclusionOn }, { on: ref })];
    if (d.preReview && pr.conclusionOn > d.preReview.passedOn) return [hit('afterPreReview', { conclusion: pr.conclusionOn, preReview: d.preReview.passedOn }, { on: ref })];
    return NO_HITS;
  },
};
