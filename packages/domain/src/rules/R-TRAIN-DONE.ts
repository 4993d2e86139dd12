import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-TRAIN-DONE',
  name: '集中培训合格',
  text: '发展对象须参加集中培训并合格，培训在上级党委预审之前结束（个别特殊情况须经党委研究决定，档案格式中没有该例外的记录）。源文章“六个不批”第二条（未经党委一级集中培训或培训不合格的不批）。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十七条`,
  step: 11,
  messages: {
    none: '{step}（{on}）前没有集中培训记录',
    failed: '集中培训（{start} 至 {end}）考核不合格',
    afterPreReview: '集中培训结束（{end}）晚于上级党委预审（{preReview}）',
  },
  evaluate({ d }) {
    const ref = d.preReview?.passedOn ?? d.admissionMeeting?.on;
    if (!ref) return NO_HITS;
    const t = d.training;
    if (!t) return [hit('none', { step: d.preReview ? '上级党委预审' : '支部大会', on: ref }, { on: ref })];
    if (!t.passed) return [hit('failed', { start: t.start, end: t.end }, { on: ref })];
    if (d.preReview && t.end > d.preReview.passedOn) return [hit('afterPreReview', { end: t.end, preReview: d.preReview.passedOn }, { on: ref })];
    return NO_HITS;
  },
};
