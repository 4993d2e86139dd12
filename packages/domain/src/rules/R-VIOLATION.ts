import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-VIOLATION',
  name: '违反规定发展的党员须核查',
  text: '违反规定吸收的党员，不符合党员条件的一律不予承认，并在党支部大会上宣布。本规则在其他规则判断之后运行：已批准为预备党员、但审批前的环节存在否决性（BLOCK）问题的档案，提示按本条核查，可能须标记为“不予承认”。',
  versions: ['V2014', 'V2026'],
  severity: 'INFO',
  source: `${DOC}（2026年）第四十一条`,
  step: 17,
  phase: 'after',
  messages: { admittedDespite: '已批准为预备党员，但审批前的环节有 {count} 项否决性问题（{rules}），须按违反规定发展党员的规定核查' },
  evaluate({ d }, ctx) {
    const a = d.approval;
    if (!a) return NO_HITS;
    const blocks = ctx.prior.filter((f) => f.severity === 'BLOCK' && f.step <= 17);
    if (blocks.length === 0) return NO_HITS;
    const rules = [...new Set(blocks.map((f) => f.rule))].sort().join('、');
    return [hit('admittedDespite', { count: blocks.length, rules }, { on: a.on })];
  },
};
