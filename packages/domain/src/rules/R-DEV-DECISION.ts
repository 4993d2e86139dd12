import { DOC, listingVersionDate } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-DEV-DECISION',
  name: '支委会讨论并报上级党委同意（备案）',
  text: '发展对象由党支部委员会研究讨论确定。2026年版：报上级党委同意后才公示，上级党委同意日期不得早于支委会研究日期；2014年版：报上级党委备案。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十三条`,
  step: 8,
  messages: {
    noConsent: '确定发展对象（{candidate}）没有上级党委同意的记录（2026年版要求报上级党委同意）',
    consentBeforeProposal: '上级党委同意（{consent}）早于支委会研究讨论（{proposal}）',
    notFiled: '确定发展对象（{candidate}）没有报上级党委备案的记录',
  },
  evaluate({ d }, ctx) {
    const c = d.candidate;
    const on = listingVersionDate(d, ctx);
    if (!c || !on) return NO_HITS;
    if (ctx.versionOn(on) === 'V2026') {
      if (!c.upperConsentOn) return [hit('noConsent', { candidate: c.on }, { on })];
      return c.upperConsentOn < c.committeeProposalOn ? [hit('consentBeforeProposal', { consent: c.upperConsentOn, proposal: c.committeeProposalOn }, { on })] : NO_HITS;
    }
    return c.filedOn ? NO_HITS : [hit('notFiled', { candidate: c.on }, { on })];
  },
};
