import { addDays } from '../calendar/dates.ts';
import { DOC } from './helpers.ts';
import { type RuleModule, hit } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MENTOR-REPLACE',
  name: '培养联系人离任后及时调整',
  text: '培养联系人工作岗位变动或者不适宜继续担任的，党组织应当及时调整：离任之后仍在培养期内的，应有接替的培养联系人。',
  versions: ['V2026'],
  severity: 'INFO',
  source: `${DOC}（2026年）第九条`,
  step: 5,
  messages: { notReplaced: '培养联系人 {name} 于 {to} 离任后，未见接替的培养联系人' },
  evaluate({ d }, ctx) {
    const mentors = d.mentors ?? [];
    const end = d.candidate?.on ?? ctx.asOf;
    const out = [];
    for (const m of mentors) {
      if (!m.to || m.to >= end) continue;
      const next = addDays(m.to, 1);
      const covered = mentors.some((o) => o !== m && o.from <= next && (!o.to || o.to >= next));
      if (!covered) out.push(hit('notReplaced', { name: m.name, to: m.to }, { on: m.to }));
    }
    return out;
  },
};
