import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MTG-PROCEDURE',
  name: '支部大会程序有会议记录',
  text: '支部大会的程序（本人汇报、入党介绍人介绍、支委会审查情况报告、讨论、表决）应见于会议记录。档案格式不记录会议记录的内容，本规则核查当天的支部党员大会会议记录是否在卷。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第二十条`,
  step: 15,
  messages: { noMinutes: '没有支部大会（{meeting}）的会议记录' },
  evaluate({ d, documents }) {
    const m = d.admissionMeeting;
    if (!m) return NO_HITS;
    return (documents.get('meetingMinutes') ?? []).includes(m.on) ? NO_HITS : [hit('noMinutes', { meeting: m.on }, { on: m.on })];
  },
};
