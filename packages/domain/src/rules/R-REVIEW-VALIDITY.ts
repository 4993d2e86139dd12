import { addMonths } from '../calendar/dates.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-REVIEW-VALIDITY',
  name: '政审结论有效期（本地）',
  text: '本地规定：政治审查结论在设定月数内有效（常见为一年），支部大会讨论接收时已超过有效期的，应重新政审。本规则默认关闭。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: '地方做法（政审结论有效期一年）',
  step: 10,
  defaultEnabled: false,
  params: { months: { default: 12, label: '政审结论有效月数', min: 1, max: 36 } },
  messages: { expired: '政审结论（{conclusion}）至支部大会（{meeting}）已超过 {months} 个月有效期' },
  evaluate({ d }, ctx) {
    const pr = d.politicalReview;
    const m = d.admissionMeeting;
    if (!pr || !m) return NO_HITS;
    const months = ctx.params.months as number;
    return m.on > addMonths(pr.conclusionOn, months) ? [hit('expired', { conclusion: pr.conclusionOn, meeting: m.on, months }, { on: m.on, step: 15 })] : NO_HITS;
  },
};
