import { DOC, SOURCE_ARTICLE } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-DEFER-NO-EMPLOYER',
  name: '无固定务工单位的暂不发展',
  text: '“三个暂不发展”之一：无固定务工单位的暂不发展。记录为没有固定务工单位且已确定为积极分子或发展对象的，予以警示；记录了例外决定及理由的不再提示。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: `${SOURCE_ARTICLE}“三个暂不发展”；参照${DOC}第六条、第十八条`,
  step: 3,
  defaultEnabled: true,
  messages: { noEmployer: '没有固定务工单位，按规定暂不发展；如继续发展须记录理由' },
  evaluate({ d }) {
    const def = d.deferral;
    const on = d.candidate?.on ?? d.activist?.on;
    if (!def || def.override || !on || def.hasFixedEmployer !== false) return NO_HITS;
    return [hit('noEmployer', {}, { on, step: d.candidate ? 7 : 3 })];
  },
};
