import { daysBetween } from '../calendar/dates.ts';
import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-APP-WRITTEN',
  name: '书面入党申请',
  text: '须有本人签名并注明日期的书面入党申请书；落款日期应与党组织收到日期相同或相差不过数日。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第六条；《发展党员工作流程图》“本人提出，书面申请”`,
  step: 1,
  params: { maxGapDays: { default: 7, label: '落款日期与收到日期最多相差的天数', min: 0, max: 60 } },
  messages: {
    missing: '没有书面入党申请书记录，却已有后续步骤（{next}）',
    unsigned: '入党申请书没有本人签名',
    dateGap: ['WARN', '入党申请书落款日期 {dated} 与党组织收到日期 {received} 相差 {days} 天，超过 {max} 天'],
  },
  evaluate({ d }, ctx) {
    const app = d.application;
    if (!app) {
      const next = d.talk?.on ?? d.activist?.on;
      return next ? [hit('missing', { next }, { on: next })] : NO_HITS;
    }
    const out = [];
    if (!app.signed) out.push(hit('unsigned', {}, { on: app.datedOn }));
    const days = Math.abs(daysBetween(app.datedOn, app.receivedOn));
    const max = ctx.params.maxGapDays as number;
    if (days > max) out.push(hit('dateGap', { dated: app.datedOn, received: app.receivedOn, days, max }, { on: app.datedOn }));
    return out;
  },
};
