import { daysBetween } from '../calendar/dates.ts';
import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-TRAIN-LENGTH',
  name: '集中培训不少于三天或24学时',
  text: '集中培训时间一般不少于三天或者不少于二十四个学时（“一般”：WARN，本地可收紧）；培训记录的天数不应多于起止日期跨越的天数。城市可提高天数、学时要求。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第十七条`,
  step: 11,
  params: {
    minDays: { default: 3, label: '最少培训天数', min: 3, max: 30 },
    minHours: { default: 24, label: '最少学时', min: 24, max: 200 },
  },
  messages: {
    short: '集中培训 {days} 天、{hours} 学时，不足 {minDays} 天且不足 {minHours} 学时',
    spanMismatch: '集中培训记录 {days} 天，但起止日期 {start} 至 {end} 只跨 {span} 天',
  },
  evaluate({ d }, ctx) {
    const t = d.training;
    if (!t) return NO_HITS;
    const minDays = ctx.params.minDays as number;
    const minHours = ctx.params.minHours as number;
    const out = [];
    if (t.days < minDays && t.hours < minHours) out.push(hit('short', { days: t.days, hours: t.hours, minDays, minHours }, { on: t.end }));
    const span = daysBetween(t.start, t.end) + 1;
    if (span >= 1 && t.days > span) out.push(hit('spanMismatch', { days: t.days, start: t.start, end: t.end, span }, { on: t.end }));
    return out;
  },
};
