import { addDays, daysBetween } from '../calendar/dates.ts';
import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-ASSIGN',
  name: '及时编入党支部和党小组',
  text: '党组织应及时把预备党员编入党支部和党小组。“及时”没有全国统一天数，默认审批后30天内（可设置）。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第二十八条`,
  step: 19,
  params: { days: { default: 30, label: '审批后编入支部和党小组的天数', min: 1, max: 180 } },
  messages: {
    late: '审批（{approval}）后 {days} 天才编入党支部和党小组（{placed}），超过 {limit} 天',
    notPlaced: '审批（{approval}）已超过 {limit} 天，没有编入党支部和党小组的记录',
  },
  evaluate({ d }, ctx) {
    const a = d.approval;
    if (!a) return NO_HITS;
    const limit = ctx.params.days as number;
    if (d.placedOn) {
      const days = daysBetween(a.on, d.placedOn);
      return days > limit ? [hit('late', { approval: a.on, placed: d.placedOn, days, limit }, { on: d.placedOn })] : NO_HITS;
    }
    return ctx.asOf > addDays(a.on, limit) ? [hit('notPlaced', { approval: a.on, limit }, { on: a.on })] : NO_HITS;
  },
};
