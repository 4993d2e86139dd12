import { DOC, monthsDeadline } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-TALK-1M',
  name: '一个月内派人谈话',
  text: '党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话（“一个月内”按日历月计算，月末对齐）。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第七条`,
  step: 2,
  messages: {
    late: '收到入党申请书（{received}）后，{talk} 才派人谈话，超过一个月（应不晚于 {deadline}）',
    overdue: '收到入党申请书（{received}）已超过一个月，仍无派人谈话记录（应不晚于 {deadline}）',
  },
  evaluate({ d }, ctx) {
    const app = d.application;
    if (!app) return NO_HITS;
    const deadline = monthsDeadline(app.receivedOn, 1, ctx);
    if (d.talk) return d.talk.on > deadline ? [hit('late', { received: app.receivedOn, talk: d.talk.on, deadline }, { on: d.talk.on })] : NO_HITS;
    return ctx.asOf > deadline ? [hit('overdue', { received: app.receivedOn, deadline }, { on: ctx.asOf })] : NO_HITS;
  },
};
