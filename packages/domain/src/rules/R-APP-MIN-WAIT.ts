import { addMonths } from '../calendar/dates.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-APP-MIN-WAIT',
  name: '申请后满规定月数才确定积极分子（本地）',
  text: '本地规定：递交入党申请书满规定月数后，才能确定为入党积极分子。全国性规定没有最短间隔，本规则默认关闭。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: '地方做法（如古蔺县、部分高校：申请满6个月；另有3至6个月的做法）',
  step: 3,
  defaultEnabled: false,
  params: { months: { default: 6, label: '申请后至少经过的月数', min: 1, max: 24 } },
  messages: {
    tooSoon: '申请入党（{applied}）后不满 {months} 个月即确定为入党积极分子（{activist}，最早应为 {earliest}）',
  },
  evaluate({ d }, ctx) {
    if (!d.application || !d.activist) return NO_HITS;
    const months = ctx.params.months as number;
    const earliest = addMonths(d.application.datedOn, months);
    return d.activist.on < earliest ? [hit('tooSoon', { applied: d.application.datedOn, activist: d.activist.on, months, earliest }, { on: d.activist.on })] : NO_HITS;
  },
};
