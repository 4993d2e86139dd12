import { addYears } from '../calendar/dates.ts';
import { CONSTITUTION, DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-AGE-18',
  name: '申请时年满十八岁',
  text: '申请入党须年满十八周岁：入党申请书落款日期不得早于十八周岁生日。生日前所写的申请无效，应在年满十八周岁后重新递交。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${CONSTITUTION}第一条；${DOC}第五条`,
  step: 1,
  messages: {
    underage: '入党申请书落款日期 {applied} 时未满十八周岁（出生 {birthDate}，{adultOn} 年满十八周岁）：该申请无效，应在年满十八周岁后重新递交',
    unknownBirth: ['INFO', '未记录出生日期或有效的公民身份号码，无法核验申请时是否年满十八周岁'],
  },
  evaluate({ d, birthDate }) {
    const app = d.application;
    if (!app) return NO_HITS;
    if (!birthDate) return [hit('unknownBirth', {}, { on: app.datedOn })];
    const adultOn = addYears(birthDate, 18);
    return app.datedOn < adultOn ? [hit('underage', { applied: app.datedOn, birthDate, adultOn }, { on: app.datedOn })] : NO_HITS;
  },
};
