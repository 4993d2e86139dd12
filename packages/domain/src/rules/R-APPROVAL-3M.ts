import { DOC, monthsDeadline } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-APPROVAL-3M',
  name: '三个月内审批，最长不超过六个月',
  text: '上级党委应在支部大会决议后三个月内审批；有特殊情况可适当延长，但不得超过六个月。超过三个月须记录特殊情况（WARN），超过六个月为 BLOCK（是否须重新履行接收手续见 R-APPROVAL-LATE-LOCAL）。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第二十五条`,
  step: 17,
  messages: {
    over3: '支部大会（{meeting}）后 {approval} 才审批，超过三个月且未记录特殊情况（应不晚于 {deadline}）',
    over6: ['BLOCK', '支部大会（{meeting}）后 {approval} 才审批，超过六个月（最迟 {deadline}）'],
    overdue3: '支部大会（{meeting}）已超过三个月仍未审批（应不晚于 {deadline}）',
    overdue6: ['BLOCK', '支部大会（{meeting}）已超过六个月仍未审批（最迟 {deadline}）'],
  },
  evaluate({ d }, ctx) {
    const m = d.admissionMeeting;
    if (!m) return NO_HITS;
    const d3 = monthsDeadline(m.on, 3, ctx);
    const d6 = monthsDeadline(m.on, 6, ctx);
    const a = d.approval;
    if (a) {
      if (a.on > d6) return [hit('over6', { meeting: m.on, approval: a.on, deadline: d6 }, { on: a.on })];
      if (a.on > d3 && !a.specialReason?.trim()) return [hit('over3', { meeting: m.on, approval: a.on, deadline: d3 }, { on: a.on })];
      return NO_HITS;
    }
    if (ctx.asOf > d6) return [hit('overdue6', { meeting: m.on, deadline: d6 }, { on: ctx.asOf })];
    if (ctx.asOf > d3) return [hit('overdue3', { meeting: m.on, deadline: d3 }, { on: ctx.asOf })];
    return NO_HITS;
  },
};
