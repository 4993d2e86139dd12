import { CONSTITUTION, DOC, confirmationDue } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-PARTY-AGE',
  name: '党龄自预备期满转为正式党员之日算起',
  text: '党员的党龄，从预备期满转为正式党员之日算起（延长预备期的，从延长期满之日算起）。本规则是计算值：转正后显示党龄起算日。',
  versions: ['V2014', 'V2026'],
  severity: 'INFO',
  source: `${CONSTITUTION}第七条；${DOC}第三十三条`,
  step: 24,
  messages: { from: '党龄自 {date} 起算（预备期满转为正式党员之日）' },
  evaluate({ d, probationEnd }) {
    const c = d.confirmation;
    if (!c || c.outcome !== 'confirm' || !probationEnd) return NO_HITS;
    return [hit('from', { date: confirmationDue(probationEnd, d) }, { on: c.approvalOn })];
  },
};
