import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-RESOLUTION',
  name: '决议写入入党志愿书',
  text: '支部大会决议（主要表现、应到和实到有表决权人数、表决结果、通过日期、支部书记签名）应写入《中国共产党入党志愿书》。档案格式不记录志愿书的内容，本规则核查召开支部大会时入党志愿书是否在卷。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第二十一条`,
  step: 15,
  messages: { noForm: '支部大会（{meeting}）讨论接收，但卷内没有写入决议的《中国共产党入党志愿书》' },
  evaluate({ d, documents }) {
    const m = d.admissionMeeting;
    if (!m) return NO_HITS;
    return (documents.get('applicationForm') ?? []).some((on) => on <= m.on) ? NO_HITS : [hit('noForm', { meeting: m.on }, { on: m.on })];
  },
};
