import { addMonths } from '../calendar/dates.ts';
import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

/** The largest number of mentors assigned at the same time. */
function maxConcurrent(mentors: readonly { from: string; to?: string | undefined }[]): number {
  // Nobody has left (the usual case): all of them at once.
  if (mentors.every((m) => !m.to)) return mentors.length;
  const events: [string, number][] = [];
  // A mentor leaving on a day and another starting that day are not counted together.
  for (const m of mentors) {
    events.push([m.from, 1]);
    if (m.to) events.push([m.to, -1]);
  }
  events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  let now = 0;
  let max = 0;
  for (const [, delta] of events) {
    now += delta;
    max = Math.max(max, now);
  }
  return max;
}

export const rule: RuleModule = {
  id: 'R-MENTOR-COUNT',
  name: '一至两名正式党员作培养联系人',
  text: '党组织应指定一至两名正式党员作入党积极分子的培养联系人；预备党员不能担任。确定积极分子满一个月仍未指定的，视为缺少培养联系人。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第九条`,
  step: 5,
  messages: {
    none: '确定为入党积极分子（{activist}）后没有指定培养联系人',
    tooMany: '同时指定了 {count} 名培养联系人，规定为一至两名',
    notFullMember: '培养联系人 {name} 不是正式党员',
  },
  evaluate({ d }, ctx) {
    const a = d.activist;
    if (!a) return NO_HITS;
    const mentors = d.mentors ?? [];
    if (mentors.length === 0) {
      const due = d.candidate !== undefined || ctx.asOf > addMonths(a.on, 1);
      return due ? [hit('none', { activist: a.on }, { on: a.on })] : NO_HITS;
    }
    const out = mentors.filter((m) => !m.isFullMember).map((m) => hit('notFullMember', { name: m.name }, { on: m.from }));
    const count = maxConcurrent(mentors);
    if (count > 2) out.push(hit('tooMany', { count }, { on: a.on }));
    return out;
  },
};
