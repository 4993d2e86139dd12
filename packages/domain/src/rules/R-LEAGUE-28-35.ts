import { ageOn } from '../calendar/dates.ts';
import { LEAGUE_DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-LEAGUE-28-35',
  name: '28至35周岁听取团组织意见',
  text: '28至35周岁青年入党，一般应听取所在单位团组织意见。档案中以团组织推优（byLeague）记录作为团组织意见；团干部的例外无法从档案格式中识别。',
  versions: ['LEAGUE'],
  severity: 'WARN',
  source: LEAGUE_DOC,
  step: 3,
  messages: { noLeagueOpinion: '申请入党时 {age} 周岁，确定为入党积极分子（{activist}）前没有听取团组织意见的记录' },
  evaluate({ d, birthDate }) {
    const app = d.application;
    const a = d.activist;
    // A League member is covered by R-LEAGUE-28 (推优), the stronger requirement.
    if (!app || !a || !birthDate || d.person.leagueMember === true) return NO_HITS;
    const age = ageOn(birthDate, app.datedOn);
    if (age < 28 || age > 35) return NO_HITS;
    const heard = (d.recommendations ?? []).some((r) => r.method === 'byLeague' && r.on <= a.on);
    return heard ? NO_HITS : [hit('noLeagueOpinion', { age, activist: a.on }, { on: a.on })];
  },
};
