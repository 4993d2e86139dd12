import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-UPPER-TALK',
  name: '审批前上级党委派人谈话',
  text: '上级党委审批前，应指派党委委员或组织员同发展对象谈话，谈话情况和意见写入入党志愿书：谈话日期不得晚于审批日期。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第二十三条`,
  step: 16,
  messages: {
    none: '上级党委审批（{approval}）前没有党委委员或组织员谈话的记录',
    after: '上级党委派人谈话（{talk}）晚于审批（{approval}）',
  },
  evaluate({ d }) {
    const a = d.approval;
    if (!a) return NO_HITS;
    if (!d.upperTalk) return [hit('none', { approval: a.on }, { on: a.on })];
    return d.upperTalk.on > a.on ? [hit('after', { talk: d.upperTalk.on, approval: a.on }, { on: a.on })] : NO_HITS;
  },
};
