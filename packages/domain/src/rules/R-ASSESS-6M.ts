import type { IsoDate } from '../calendar/dates.ts';
import { DOC, monthsDeadline } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

/** The dates after `from` up to `to`, in order (`sort()` only when the dossier lists them out of order). */
function between(list: readonly { on: IsoDate }[] | undefined, from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  if (list === undefined) return out;
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    const on = list[i]!.on;
    if (on > from && on <= to) {
      if (out.length > 0 && on < out[out.length - 1]!) sorted = false;
      out.push(on);
    }
  }
  return sorted ? out : out.sort();
}

export const rule: RuleModule = {
  id: 'R-ASSESS-6M',
  name: '每半年考察一次积极分子',
  text: '党支部每半年对入党积极分子进行一次考察：从确定为入党积极分子到确定为发展对象（尚未确定的，到审核基准日），相邻两次考察（含起止日）的间隔不得超过六个月。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第十一条`,
  step: 6,
  messages: {
    gap: '培养考察间隔超过六个月：{from} 至 {to} 之间没有党支部考察记录',
    overdue: '最近一次考察（{from}）至今已超过六个月，应在 {due} 前考察',
  },
  evaluate({ d }, ctx) {
    const a = d.activist;
    if (!a) return NO_HITS;
    const end = d.candidate?.on ?? ctx.asOf;
    const points = between(d.assessments, a.on, end);
    const out = [];
    let previous = a.on;
    for (const on of points) {
      if (on > monthsDeadline(previous, 6, ctx)) out.push(hit('gap', { from: previous, to: on }, { on }));
      previous = on;
    }
    const due = monthsDeadline(previous, 6, ctx);
    if (end > due) out.push(d.candidate ? hit('gap', { from: previous, to: end }, { on: end }) : hit('overdue', { from: previous, due }, { on: end }));
    return out;
  },
};
