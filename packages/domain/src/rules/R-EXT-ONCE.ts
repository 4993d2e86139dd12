import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-EXT-ONCE',
  name: '延长预备期一次，六个月至一年',
  text: '预备期可以延长一次，延长时间不少于六个月、不超过一年；延长期满只能转正或取消资格。档案格式每份档案只记录一次转正讨论，无法表示第二次延长，本规则核查延长期限。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第三十一条`,
  sourceV2014: `${DOC}（2014年）第三十二条`,
  step: 23,
  messages: { length: '延长预备期 {months} 个月，应为六个月至一年' },
  evaluate({ d }) {
    const c = d.confirmation;
    if (c?.extensionMonths === undefined) return NO_HITS;
    const months = c.extensionMonths;
    return months < 6 || months > 12 ? [hit('length', { months }, { on: c.meeting.on })] : NO_HITS;
  },
};
