import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-TALK-BEFORE-ACTIVIST',
  name: '谈话后才能确定积极分子',
  text: '只有已递交入党申请书且党组织已派人谈话的人员，才能被推荐和确定为入党积极分子：谈话日期不得晚于确定为入党积极分子的日期。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: '《发展党员工作流程图》第3步（“已递交入党申请书且党组织已派人谈话的人员”）',
  step: 3,
  messages: {
    noTalk: '确定为入党积极分子（{activist}）前没有派人谈话的记录',
    talkAfter: '派人谈话（{talk}）晚于确定为入党积极分子（{activist}）',
  },
  evaluate({ d }) {
    const a = d.activist;
    if (!a) return NO_HITS;
    if (!d.talk) return [hit('noTalk', { activist: a.on }, { on: a.on })];
    return d.talk.on > a.on ? [hit('talkAfter', { talk: d.talk.on, activist: a.on }, { on: a.on })] : NO_HITS;
  },
};
