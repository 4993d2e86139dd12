import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-CONF-OUTCOME',
  name: '按期转正、延长预备期或取消资格须经支部大会和上级党委批准',
  text: '讨论结果为按期转正、延长预备期或取消预备党员资格之一；每一种都须经支部大会通过并报上级党委批准：批准日期不得早于支部大会；延长预备期须写明延长期限。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第三十一条`,
  sourceV2014: `${DOC}（2014年）第三十二条`,
  step: 24,
  messages: {
    approvalBeforeMeeting: '上级党委批准（{approval}）早于支部大会讨论（{meeting}）',
    extendWithoutMonths: '支部大会决定延长预备期（{meeting}），但没有写明延长期限',
  },
  evaluate({ d }) {
    const c = d.confirmation;
    if (!c) return NO_HITS;
    const out = [];
    if (c.approvalOn < c.meeting.on) out.push(hit('approvalBeforeMeeting', { approval: c.approvalOn, meeting: c.meeting.on }, { on: c.approvalOn }));
    if (c.outcome === 'extend' && c.extensionMonths === undefined) out.push(hit('extendWithoutMonths', { meeting: c.meeting.on }, { on: c.meeting.on, step: 23 }));
    return out;
  },
};
