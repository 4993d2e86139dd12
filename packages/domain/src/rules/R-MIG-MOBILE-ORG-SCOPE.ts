import { DOC } from './helpers.ts';
import { type Hit, type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MIG-MOBILE-ORG-SCOPE',
  name: '不具备条件的流动党员党组织只接收申请、培养积极分子',
  text: '2026年版：具备发展党员条件的流动党员党组织可以完整开展发展工作；不具备条件的，只能接收入党申请、教育申请人和培养入党积极分子，不能确定入党积极分子（第3步），也不能办理第7至25步，应及时把人和材料移交有权的党组织。按各步骤的日期判断版本。',
  versions: ['V2026'],
  severity: 'BLOCK',
  source: `${DOC}（2026年）第四十条`,
  step: 3,
  messages: { outOfScope: '不具备发展党员条件的流动党员党组织（{org}）办理了“{what}”（{on}），应移交有权的党组织办理' },
  evaluate({ d }) {
    const org = d.org;
    if (!org?.isMobileOrg || org.canDevelop) return NO_HITS;
    const steps: [string, string | undefined, number][] = [
      ['确定入党积极分子', d.activist?.on, 3],
      ['确定发展对象', d.candidate?.on, 7],
      ['支部大会讨论接收预备党员', d.admissionMeeting?.on, 15],
      ['讨论预备党员转正', d.confirmation?.meeting.on, 23],
    ];
    const out: Hit[] = [];
    for (const [what, on, step] of steps) if (on) out.push(hit('outOfScope', { org: org.branch, what, on }, { on, step }));
    return out;
  },
};
