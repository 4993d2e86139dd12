import { CONSTITUTION, DOC, monthsDeadline } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-OATH',
  name: '面向党旗入党宣誓',
  text: '预备党员必须面向党旗进行入党宣誓（两个版本，BLOCK）。2026年版：一般在上级党委批准后一个月内进行（WARN）；县级以上党委在七一、国庆等重大纪念日集中宣誓的除外。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${CONSTITUTION}第六条；${DOC}（2026年）第二十九条`,
  sourceV2014: `${CONSTITUTION}第六条`,
  step: 20,
  messages: {
    none: '预备期已经讨论转正（{meeting}），仍没有入党宣誓的记录',
    late: ['WARN', '审批（{approval}）后 {oath} 才入党宣誓，超过一个月（应不晚于 {deadline}），也不是集中宣誓'],
    overdue: ['WARN', '审批（{approval}）已超过一个月，还没有入党宣誓（应不晚于 {deadline}）'],
  },
  evaluate({ d }, ctx) {
    const a = d.approval;
    if (!a) return NO_HITS;
    const deadline = monthsDeadline(a.on, 1, ctx);
    const oath = d.oath;
    if (!oath) {
      if (d.confirmation) return [hit('none', { meeting: d.confirmation.meeting.on }, { on: d.confirmation.meeting.on })];
      return ctx.versionOn(ctx.asOf) === 'V2026' && ctx.asOf > deadline ? [hit('overdue', { approval: a.on, deadline }, { on: ctx.asOf })] : NO_HITS;
    }
    if (ctx.versionOn(oath.on) === 'V2026' && !oath.collectiveDay && oath.on > deadline) return [hit('late', { approval: a.on, oath: oath.on, deadline }, { on: oath.on })];
    return NO_HITS;
  },
};
