import { DOC, SOURCE_ARTICLE } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-REVIEW-CLEAR',
  name: '政审结论清楚',
  text: '政治审查应形成结论性材料；结论留有疑问（“政审不清”）的，不能继续发展。源文章“六个不批”第三条（没有经过政审和政审不清的不批）。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${SOURCE_ARTICLE}“六个不批”；${DOC}第十六条`,
  step: 10,
  messages: { unclear: '政治审查结论（{conclusion}）留有疑问（政审不清），不能继续发展' },
  evaluate({ d }) {
    const pr = d.politicalReview;
    return pr?.result === 'unclear' ? [hit('unclear', { conclusion: pr.conclusionOn }, { on: pr.conclusionOn })] : NO_HITS;
  },
};
