import { daysBetween } from '../calendar/dates.ts';
import { monthsDeadline } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-THOUGHT-REPORT-Q',
  name: '按季度递交思想汇报（本地）',
  text: '本地规定：从确定为入党积极分子起至讨论转正（尚未讨论的至审核基准日），至少每季度递交一次思想汇报；两份思想汇报不得仅相隔数日（常见的补写迹象）。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: '地方做法与档案审核要点（思想汇报“注意时间间隔（三个月），出现仅相隔一天的情况是不允许的”）',
  step: 6,
  defaultEnabled: false,
  params: {
    everyMonths: { default: 3, label: '两次思想汇报最长间隔（月）', min: 1, max: 12 },
    minGapDays: { default: 7, label: '两次思想汇报最短间隔（天）', min: 1, max: 60 },
  },
  messages: {
    missing: '{from} 至 {to} 之间超过 {months} 个月没有思想汇报',
    tooClose: '思想汇报 {first} 与 {second} 仅相隔 {days} 天，疑为集中补写',
  },
  evaluate({ d }, ctx) {
    const a = d.activist;
    if (!a) return NO_HITS;
    const end = d.confirmation?.meeting.on ?? ctx.asOf;
    const months = ctx.params.everyMonths as number;
    const minGap = ctx.params.minGapDays as number;
    const reports = (d.thoughtReports ?? []).map((r) => r.on).filter((on) => on >= a.on && on <= end).sort();
    const out = [];
    let previous = a.on;
    for (const on of reports) {
      if (on > monthsDeadline(previous, months, ctx)) out.push(hit('missing', { from: previous, to: on, months }, { on }));
      if (previous !== a.on && daysBetween(previous, on) < minGap) out.push(hit('tooClose', { first: previous, second: on, days: daysBetween(previous, on) }, { on }));
      previous = on;
    }
    if (end > monthsDeadline(previous, months, ctx)) out.push(hit('missing', { from: previous, to: end, months }, { on: end }));
    return out;
  },
};
