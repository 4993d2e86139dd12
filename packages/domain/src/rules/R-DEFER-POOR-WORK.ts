import { DOC, SOURCE_ARTICLE } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-DEFER-POOR-WORK',
  name: '工作成效不好的暂不发展',
  text: '“三个暂不发展”之一：工作成效不好的暂不发展。记录的工作表现为差（poor）且已确定为积极分子或发展对象的，予以警示；记录了例外决定及理由的不再提示。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: `${SOURCE_ARTICLE}“三个暂不发展”；参照${DOC}第十三条`,
  step: 3,
  defaultEnabled: true,
  messages: { poor: '工作成效不好，按规定暂不发展；如继续发展须记录理由' },
  evaluate({ d }) {
    const def = d.deferral;
    const on = d.candidate?.on ?? d.activist?.on;
    if (!def || def.override || !on || def.performance !== 'poor') return NO_HITS;
    return [hit('poor', {}, { on, step: d.candidate ? 7 : 3 })];
  },
};
