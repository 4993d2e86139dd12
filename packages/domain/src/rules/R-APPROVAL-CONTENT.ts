import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-APPROVAL-CONTENT',
  name: '审批意见与通知在卷',
  text: '上级党委审批意见写入入党志愿书，注明预备期起止时间，并通知党支部；党支部通知本人并在党员大会上宣布。档案格式不记录审批意见内容，本规则核查审批意见（通知）是否在卷。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第二十四条`,
  step: 17,
  messages: { noNotice: '上级党委审批（{approval}）后没有审批意见（通知）的记录' },
  evaluate({ d, documents }) {
    const a = d.approval;
    if (!a) return NO_HITS;
    return (documents.get('approvalNotice') ?? []).some((on) => on >= a.on) ? NO_HITS : [hit('noNotice', { approval: a.on }, { on: a.on })];
  },
};
