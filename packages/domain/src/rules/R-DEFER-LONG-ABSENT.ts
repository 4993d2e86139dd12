import { SOURCE_ARTICLE } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-DEFER-LONG-ABSENT',
  name: '长期外出的暂不发展',
  text: '“三个暂不发展”之一：长期外出的暂不发展。过去一年离开流入地党组织的月数达到设定值（默认6个月，参照流动党员“连续6个月以上”的标准；无官方数字）且已确定为积极分子或发展对象的，予以警示；记录了例外决定及理由的不再提示。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: `${SOURCE_ARTICLE}“三个暂不发展”`,
  step: 3,
  defaultEnabled: true,
  params: { months: { default: 6, label: '过去一年离开的月数达到此数即为长期外出', min: 1, max: 12 } },
  messages: { longAbsent: '过去一年离开 {months} 个月（达到 {threshold} 个月），属长期外出，按规定暂不发展；如继续发展须记录理由' },
  evaluate({ d }, ctx) {
    const def = d.deferral;
    const on = d.candidate?.on ?? d.activist?.on;
    const threshold = ctx.params.months as number;
    if (!def || def.override || !on || def.monthsAwayLastYear === undefined || def.monthsAwayLastYear < threshold) return NO_HITS;
    return [hit('longAbsent', { months: def.monthsAwayLastYear, threshold }, { on, step: d.candidate ? 7 : 3 })];
  },
};
