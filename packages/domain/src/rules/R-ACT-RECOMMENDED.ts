import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-ACT-RECOMMENDED',
  name: '经推荐确定积极分子',
  text: '入党积极分子须经党员推荐、群团组织推优或群众推选、民主测评等方式产生：确定之日或之前须有至少一条推荐记录。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第八条`,
  step: 3,
  messages: { none: '确定为入党积极分子（{activist}）前没有党员推荐、群团组织推优或民主测评等推荐记录' },
  evaluate({ d }) {
    const a = d.activist;
    if (!a) return NO_HITS;
    const ok = (d.recommendations ?? []).some((r) => r.on <= a.on);
    return ok ? NO_HITS : [hit('none', { activist: a.on }, { on: a.on })];
  },
};
