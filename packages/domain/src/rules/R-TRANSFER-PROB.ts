import { DOC } from './helpers.ts';
import { type RuleModule, hit } from './types.ts';

export const rule: RuleModule = {
  id: 'R-TRANSFER-PROB',
  name: '预备党员转移时介绍考察情况、审查入党材料',
  text: '预备党员组织关系转移时，原党组织应向接收党组织介绍其教育考察情况并移交材料；接收党组织应审查其入党材料（无法认定的，经县级以上组织部门批准不予承认）。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第三十四条`,
  step: 21,
  messages: {
    notHandedOver: '{on} 转移组织关系时，原党组织没有介绍教育考察情况、移交材料的记录',
    notReviewed: '{on} 转入后，接收党组织没有审查入党材料的记录',
  },
  evaluate({ d }) {
    const out = [];
    for (const t of d.transfers ?? []) {
      if (t.during !== 'probation') continue;
      if (!t.handedOver) out.push(hit('notHandedOver', { on: t.on }, { on: t.on }));
      else if (!t.reviewedOn) out.push(hit('notReviewed', { on: t.on }, { on: t.on }));
    }
    return out;
  },
};
