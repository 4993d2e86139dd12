import { LEAGUE_DOC, SOURCE_ARTICLE } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-LEAGUE-28',
  name: '团员须经团组织推优',
  text: '共青团员入党，一般应经过团组织推荐（推优），推优记录应在确定为入党积极分子之前。全国规定为“一般”（WARN）；源文章“六个不批”规定团员未经团组织推优的不批，本市默认设为 BLOCK。',
  versions: ['LEAGUE'],
  severity: 'WARN',
  source: `${LEAGUE_DOC}；${SOURCE_ARTICLE}“六个不批”`,
  step: 3,
  messages: { noLeagueRecommendation: '本人是共青团员，确定为入党积极分子（{activist}）前没有团组织推优记录' },
  evaluate({ d }) {
    const a = d.activist;
    if (!a || d.person.leagueMember !== true) return NO_HITS;
    const ok = (d.recommendations ?? []).some((r) => r.method === 'byLeague' && r.on <= a.on);
    return ok ? NO_HITS : [hit('noLeagueRecommendation', { activist: a.on }, { on: a.on })];
  },
};
