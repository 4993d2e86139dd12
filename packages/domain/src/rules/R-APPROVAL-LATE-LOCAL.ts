import { monthsDeadline } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-APPROVAL-LATE-LOCAL',
  name: '逾期报批须重新讨论或重新履行手续（本地）',
  text: '本地规定：支部大会决议超过三个月未报批的，须重新讨论；超过六个月的，须重新履行接收手续，预备期从新的支部大会之日起计算。全国性规定对后果未作规定，本规则默认关闭。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: '地方做法（超过3个月重新讨论、超过6个月重新履行手续）',
  step: 17,
  defaultEnabled: false,
  messages: {
    reDeliberate: '支部大会（{meeting}）后超过三个月才审批（{approval}），按本地规定应重新讨论',
    redo: ['BLOCK', '支部大会（{meeting}）后超过六个月才审批（{approval}），按本地规定须重新履行接收手续，预备期从新的支部大会之日起计算'],
  },
  evaluate({ d }, ctx) {
    const m = d.admissionMeeting;
    const a = d.approval;
    if (!m || !a) return NO_HITS;
    if (a.on > monthsDeadline(m.on, 6, ctx)) return [hit('redo', { meeting: m.on, approval: a.on }, { on: a.on })];
    if (a.on > monthsDeadline(m.on, 3, ctx)) return [hit('reDeliberate', { meeting: m.on, approval: a.on }, { on: a.on })];
    return NO_HITS;
  },
};
