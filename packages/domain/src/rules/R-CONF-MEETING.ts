import { DOC, majorityProblem, meetingMessages, quorumProblem } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-CONF-MEETING',
  name: '讨论转正的支部大会人数与表决',
  text: '讨论预备党员转正的支部党员大会，与接收预备党员相同：到会有表决权的党员超过应到半数，赞成票（含会前正式提交的书面意见）超过应到会有表决权党员的半数。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第三十二条`,
  sourceV2014: `${DOC}（2014年）第三十三条`,
  step: 23,
  messages: { ...meetingMessages },
  evaluate({ d }) {
    const m = d.confirmation?.meeting;
    if (!m) return NO_HITS;
    return [quorumProblem(m), majorityProblem(m)].filter((p) => p !== undefined).map((p) => hit(p.key, p.values, { on: m.on }));
  },
};
