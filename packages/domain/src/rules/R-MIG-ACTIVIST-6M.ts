import { addMonths } from '../calendar/dates.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MIG-ACTIVIST-6M',
  name: '流动人员申请满六个月并经谈话才确定为积极分子（本地示例）',
  text: '本地示例（古蔺县等）：流动人员递交入党申请书满设定月数（默认6个月）并经党组织派人谈话后，才能确定为入党积极分子。默认关闭；谈话在先的要求同 R-TALK-BEFORE-ACTIVIST。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: '古蔺县委组织部外出务工人员发展党员做法；部分高校做法',
  step: 3,
  defaultEnabled: false,
  params: { months: { default: 6, label: '申请后至少经过的月数', min: 1, max: 24 } },
  messages: { tooSoon: '流动人员申请入党（{applied}）后不满 {months} 个月即确定为入党积极分子（{activist}）' },
  evaluate({ d, isMigrant }, ctx) {
    const app = d.application;
    const a = d.activist;
    if (!isMigrant || !app || !a) return NO_HITS;
    const months = ctx.params.months as number;
    return a.on < addMonths(app.datedOn, months) ? [hit('tooSoon', { applied: app.datedOn, months, activist: a.on }, { on: a.on })] : NO_HITS;
  },
};
