import { DOC, meetingMessages, quorumProblem } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MTG-QUORUM',
  name: '到会有表决权党员超过应到半数',
  text: '讨论接收预备党员的支部党员大会，有表决权的到会人数必须超过应到会有表决权人数的半数（2×实到 > 应到）。有表决权的是正式党员；预备党员没有表决权。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十九条`,
  sourceV2014: `${DOC}（2014年）第二十条`,
  step: 15,
  messages: { noQuorum: meetingMessages.noQuorum, presentOverExpected: meetingMessages.presentOverExpected },
  evaluate({ d }) {
    const m = d.admissionMeeting;
    const problem = m && quorumProblem(m);
    return problem ? [hit(problem.key, problem.values, { on: m.on })] : NO_HITS;
  },
};
