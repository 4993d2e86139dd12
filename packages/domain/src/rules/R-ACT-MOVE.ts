import { DOC } from './helpers.ts';
import { type RuleModule, hit } from './types.ts';

export const rule: RuleModule = {
  id: 'R-ACT-MOVE',
  name: '积极分子转移时移交材料',
  text: '入党积极分子工作、学习单位（2026年版：或居住地）变动的，原党组织应及时报告并移交入党申请书、培养考察登记表等材料，接收党组织审查后继续培养，培养时间可连续计算。没有移交和审查记录的，此前的培养时间不能连续计算。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十二条`,
  step: 6,
  messages: {
    notHandedOver: '{on} 转移组织时原党组织未移交入党申请书、培养考察登记表等材料，此前的培养时间不能连续计算',
    notReviewed: '{on} 转入后，接收党组织没有审查移交材料的记录',
  },
  evaluate({ d }) {
    const out = [];
    for (const t of d.transfers ?? []) {
      if (t.during !== 'activist') continue;
      if (!t.handedOver) out.push(hit('notHandedOver', { on: t.on }, { on: t.on }));
      else if (!t.reviewedOn) out.push(hit('notReviewed', { on: t.on }, { on: t.on }));
    }
    return out;
  },
};
