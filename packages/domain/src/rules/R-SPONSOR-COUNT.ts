import { CONSTITUTION, DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-SPONSOR-COUNT',
  name: '两名正式党员作入党介绍人',
  text: '发展党员须有两名正式党员作入党介绍人；接收预备党员的支部大会时，入党介绍人应为两名，且都是正式党员。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${CONSTITUTION}第五条；${DOC}第十四条`,
  step: 9,
  messages: {
    count: '入党介绍人为 {count} 名，应为两名',
    notFullMember: '入党介绍人 {name} 不是正式党员',
  },
  evaluate({ d }) {
    const m = d.admissionMeeting;
    if (!m) return NO_HITS;
    const sponsors = d.sponsors ?? [];
    const out = sponsors.filter((s) => !s.isFullMember).map((s) => hit('notFullMember', { name: s.name }, { on: m.on }));
    if (sponsors.length !== 2) out.push(hit('count', { count: sponsors.length }, { on: m.on }));
    return out;
  },
};
