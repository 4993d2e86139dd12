import { addYears } from '../calendar/dates.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MIG-STABILITY-GULIN',
  name: '流动人员在务工地连续工作生活满两年（本地示例）',
  text: '本地示例（古蔺县）：流动人员申请入党时，应在务工地连续工作、生活满设定年数（默认2年）。劳动合同期限和“两年内无重大变动”两项档案格式未记录，本规则只按流动时间判断。默认关闭。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: '古蔺县委组织部外出务工人员发展党员做法',
  step: 1,
  defaultEnabled: false,
  params: { years: { default: 2, label: '务工地连续工作生活年数', min: 1, max: 5 } },
  messages: { short: '申请入党（{applied}）时在务工地工作生活不满 {years} 年（流动时间 {movedOn}）' },
  evaluate({ d }, ctx) {
    const m = d.person.migrant;
    const app = d.application;
    if (!m || !app) return NO_HITS;
    const years = ctx.params.years as number;
    return m.movedOn > addYears(app.datedOn, -years) ? [hit('short', { applied: app.datedOn, years, movedOn: m.movedOn }, { on: app.datedOn })] : NO_HITS;
  },
};
