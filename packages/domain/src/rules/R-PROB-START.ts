import { CONSTITUTION, DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-PROB-START',
  name: '预备期自支部大会之日起计算',
  text: '预备期为一年，从支部大会通过其为预备党员之日算起（不是上级党委审批之日）；预备期满之日按本市设置（默认为支部大会满一周年之日）。本规则是计算值提示：处于预备期的档案显示预备期起止日期。',
  versions: ['V2014', 'V2026'],
  severity: 'INFO',
  source: `${CONSTITUTION}第七条；${DOC}第三十一条`,
  sourceV2014: `${CONSTITUTION}第七条；${DOC}（2014年）第三十二条`,
  step: 21,
  messages: { period: '预备期自支部大会 {start} 起（不是审批日 {approval}），至 {end} 期满' },
  evaluate({ d, probationEnd }) {
    const m = d.admissionMeeting;
    const a = d.approval;
    if (!m || !a || !probationEnd || d.confirmation) return NO_HITS;
    return [hit('period', { start: m.on, approval: a.on, end: probationEnd }, { on: a.on })];
  },
};
