import { addDays, daysBetween } from '../calendar/dates.ts';
import { DOC, confirmationDue } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-CONF-APP',
  name: '预备期满时书面申请转正',
  text: '预备党员预备期满，应主动向党组织提出书面转正申请（格式规定转正记录必须有申请日期）。申请早于预备期满超过设定天数（本地通常可提前约一个月）的，予以警示。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第三十二条；《发展党员工作流程图》（预备期满，书面提出申请）`,
  sourceV2014: `${DOC}（2014年）第三十三条`,
  step: 22,
  params: { earlyDays: { default: 31, label: '转正申请最多可提前的天数', min: 0, max: 90 } },
  messages: { early: ['WARN', '转正申请（{applied}）比预备期满（{due}）早 {days} 天，超过可提前的 {limit} 天'] },
  evaluate({ d, probationEnd }, ctx) {
    const c = d.confirmation;
    if (!c || !probationEnd || c.outcome === 'cancel') return NO_HITS;
    const due = confirmationDue(probationEnd, d);
    const limit = ctx.params.earlyDays as number;
    return c.appliedOn < addDays(due, -limit) ? [hit('early', { applied: c.appliedOn, due, days: daysBetween(c.appliedOn, due), limit }, { on: c.appliedOn })] : NO_HITS;
  },
};
