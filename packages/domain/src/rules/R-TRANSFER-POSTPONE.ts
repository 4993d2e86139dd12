import { addMonths } from '../calendar/dates.ts';
import { DOC, confirmationDue } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-TRANSFER-POSTPONE',
  name: '转入预备党员推迟讨论转正不超过六个月',
  text: '预备党员转入后，接收党组织可以推迟讨论其转正，但推迟时间不超过六个月；转正时间仍从预备期满之日算起。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第三十五条`,
  step: 23,
  messages: { tooLate: '转入的预备党员预备期满（{due}）后 {meeting} 才讨论转正，推迟超过六个月（最迟 {deadline}）' },
  evaluate({ d, probationEnd }) {
    const c = d.confirmation;
    if (!c || !probationEnd || !(d.transfers ?? []).some((t) => t.during === 'probation')) return NO_HITS;
    const due = confirmationDue(probationEnd, d);
    const deadline = addMonths(due, 6);
    return c.meeting.on > deadline ? [hit('tooLate', { due, meeting: c.meeting.on, deadline }, { on: c.meeting.on })] : NO_HITS;
  },
};
