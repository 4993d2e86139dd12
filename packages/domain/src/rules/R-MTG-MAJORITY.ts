import { DOC, majorityProblem, meetingMessages } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MTG-MAJORITY',
  name: '赞成票超过应到会有表决权党员半数',
  text: '赞成人数超过应到会有表决权的正式党员的半数，才能通过接收预备党员的决议：2×（赞成票＋会前正式提交的书面赞成意见）> 应到人数。以实到人数计算是常见错误；会后补交的书面意见不能计入。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第二十条；《发展党员工作流程图》`,
  step: 15,
  messages: {
    noMajority: meetingMessages.noMajority,
    countedOnPresent: meetingMessages.countedOnPresent,
    lateWritten: meetingMessages.lateWritten,
    tallyOverPresent: meetingMessages.tallyOverPresent,
    writtenOverAbsent: meetingMessages.writtenOverAbsent,
  },
  evaluate({ d }) {
    const m = d.admissionMeeting;
    const problem = m && majorityProblem(m);
    return problem ? [hit(problem.key, problem.values, { on: m.on })] : NO_HITS;
  },
};
