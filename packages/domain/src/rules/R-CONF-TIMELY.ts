import { DOC, confirmationDue, monthsDeadline } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-CONF-TIMELY',
  name: '预备期满及时讨论转正',
  text: '预备期满，党支部应及时讨论其能否转为正式党员。“及时”没有全国统一期限，默认预备期满后一个月内（可设置）。转入的预备党员可推迟讨论，见 R-TRANSFER-POSTPONE。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第三十一条`,
  sourceV2014: `${DOC}（2014年）第三十二条`,
  step: 23,
  params: { months: { default: 1, label: '预备期满后讨论转正的月数', min: 1, max: 6 } },
  messages: {
    late: '预备期满（{due}）后 {meeting} 才讨论转正，超过 {months} 个月',
    overdue: '预备期已满（{due}）超过 {months} 个月，仍未讨论转正',
  },
  evaluate({ d, probationEnd }, ctx) {
    if (!probationEnd || !d.approval) return NO_HITS;
    // A transferred-in probationer may be discussed up to six months later (art. 35).
    if ((d.transfers ?? []).some((t) => t.during === 'probation')) return NO_HITS;
    const c = d.confirmation;
    if (c?.outcome === 'cancel') return NO_HITS;
    const due = confirmationDue(probationEnd, d);
    const months = ctx.params.months as number;
    const limit = monthsDeadline(due, months, ctx);
    if (c) return c.meeting.on > limit ? [hit('late', { due, meeting: c.meeting.on, months }, { on: c.meeting.on })] : NO_HITS;
    return ctx.asOf > limit ? [hit('overdue', { due, months }, { on: ctx.asOf })] : NO_HITS;
  },
};
