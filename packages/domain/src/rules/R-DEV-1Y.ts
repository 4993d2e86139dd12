import { DOC, yearsReached } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-DEV-1Y',
  name: '培养考察满一年',
  text: '入党积极分子经过一年以上培养教育和考察，才能确定为发展对象：确定为发展对象的日期不得早于确定为入党积极分子满一周年之日（边界按本市设置）。转移组织时未移交材料的，从转入之日重新计算。源文章“六个不批”第一条。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十三条`,
  step: 7,
  messages: {
    short: '确定为发展对象时间应在确定为入党积极分子满一年之后（积极分子 {activist}，发展对象 {candidate}）',
    shortAfterTransfer: '{transfer} 转移组织时未移交材料，培养时间从转入起算，至确定为发展对象（{candidate}）不满一年',
  },
  evaluate({ d }, ctx) {
    const a = d.activist;
    const c = d.candidate;
    if (!a || !c) return NO_HITS;
    // Time before a move without hand-over does not count (art. 12, R-ACT-MOVE).
    const restart = d.transfers?.filter((t) => t.during === 'activist' && !t.handedOver && t.on > a.on && t.on <= c.on).map((t) => t.on).sort().pop();
    if (!yearsReached(a.on, c.on, 1, ctx)) return [hit('short', { activist: a.on, candidate: c.on }, { on: c.on })];
    if (restart && !yearsReached(restart, c.on, 1, ctx)) return [hit('shortAfterTransfer', { transfer: restart, candidate: c.on }, { on: c.on })];
    return NO_HITS;
  },
};
