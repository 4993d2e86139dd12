import { ageOn } from '../calendar/dates.ts';
import { LEAGUE_DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-LEAGUE-FROM-MEMBERS',
  name: '28周岁以下一般从团员中发展',
  text: '28周岁以下（含28周岁）青年入党，一般应从共青团员中发展：申请时不满或刚满28周岁而不是团员的，予以提示。',
  versions: ['LEAGUE'],
  severity: 'WARN',
  source: LEAGUE_DOC,
  step: 1,
  messages: { notLeagueMember: '申请入党时 {age} 周岁，不是共青团员：28周岁以下青年入党一般应从团员中发展' },
  evaluate({ d, birthDate }) {
    const app = d.application;
    if (!app || !birthDate || d.person.leagueMember !== false) return NO_HITS;
    const age = ageOn(birthDate, app.datedOn);
    return age <= 28 ? [hit('notLeagueMember', { age }, { on: app.datedOn })] : NO_HITS;
  },
};
