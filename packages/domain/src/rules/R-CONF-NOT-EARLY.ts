import { DOC, confirmationDue } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-CONF-NOT-EARLY',
  name: '预备期满后才讨论转正',
  text: '预备期满（延长预备期的，延长期满）后，党支部才讨论其能否转为正式党员：讨论转正（或延长）的支部大会不得早于预备期满之日。取消预备党员资格不受此限。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第三十一条`,
  sourceV2014: `${DOC}（2014年）第三十二条`,
  step: 23,
  messages: { early: '讨论转正的支部大会（{meeting}）早于预备期满（{due}）' },
  evaluate({ d, probationEnd }) {
    const c = d.confirmation;
    if (!c || !probationEnd || c.outcome === 'cancel') return NO_HITS;
    const due = confirmationDue(probationEnd, d);
    return c.meeting.on < due ? [hit('early', { meeting: c.meeting.on, due }, { on: c.meeting.on })] : NO_HITS;
  },
};
