import { DOC } from './helpers.ts';
import { type Hit, type RuleModule, hit } from './types.ts';

export const rule: RuleModule = {
  id: 'R-ORDER-SOFT',
  name: '政审和培训在发展对象阶段',
  text: '确定入党介绍人、政治审查和集中培训适用于发展对象，应在确定为发展对象之后、支部委员会审查之前：政审结论早于确定发展对象、政审结论或培训结束晚于支委会审查的予以警示（不作否决）。培训开始早于确定发展对象见 R-TRAIN-AFTER-CANDIDATE。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第十四条、第十六条、第十七条`,
  step: 10,
  messages: {
    reviewBeforeCandidate: '政审结论（{review}）早于确定为发展对象（{candidate}）',
    reviewAfterBranchReview: '政审结论（{review}）晚于支部委员会审查（{branchReview}）',
    trainingAfterBranchReview: '集中培训结束（{end}）晚于支部委员会审查（{branchReview}）',
  },
  evaluate({ d }) {
    const c = d.candidate;
    const pr = d.politicalReview;
    const br = d.branchReviewOn;
    const out: Hit[] = [];
    if (pr && c && pr.conclusionOn < c.on) out.push(hit('reviewBeforeCandidate', { review: pr.conclusionOn, candidate: c.on }, { on: c.on }));
    if (pr && br && pr.conclusionOn > br) out.push(hit('reviewAfterBranchReview', { review: pr.conclusionOn, branchReview: br }, { on: br }));
    if (d.training && br && d.training.end > br) out.push(hit('trainingAfterBranchReview', { end: d.training.end, branchReview: br }, { on: br, step: 11 }));
    return out;
  },
};
