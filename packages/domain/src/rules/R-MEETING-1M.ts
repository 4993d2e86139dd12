import { DOC, monthsDeadline } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MEETING-1M',
  name: '预审通过后一个月内召开支部大会',
  text: '2026年版：发展对象预审通过后，党支部应在一个月内召开党员大会讨论接收预备党员。超期的后果细则未规定（待核实），记为 WARN。',
  versions: ['V2026'],
  severity: 'WARN',
  source: `${DOC}（2026年）第十九条`,
  step: 15,
  messages: {
    late: '预审通过（{passed}）后 {meeting} 才召开支部大会，超过一个月（应不晚于 {deadline}）',
    overdue: '预审通过（{passed}）已超过一个月，仍未召开支部大会讨论接收（应不晚于 {deadline}）',
  },
  evaluate({ d }, ctx) {
    const p = d.preReview;
    if (!p) return NO_HITS;
    const deadline = monthsDeadline(p.passedOn, 1, ctx);
    const m = d.admissionMeeting;
    if (m) return m.on > deadline ? [hit('late', { passed: p.passedOn, meeting: m.on, deadline }, { on: m.on })] : NO_HITS;
    return ctx.asOf > deadline ? [hit('overdue', { passed: p.passedOn, deadline }, { on: ctx.asOf })] : NO_HITS;
  },
};
