import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

/**
 * Art. 6 lists where a person applies (unit's organization; where the unit is located, its
 * supervising department's or the residence organization; 流动人员 also a 流动党员党组织). The
 * format records the receiving organization only as `org`, so the one venue error it can show is a
 * mobile organization receiving a person who is not a migrant.
 */
export const rule: RuleModule = {
  id: 'R-APP-VENUE',
  name: '向规定的党组织提出申请',
  text: '入党申请应向第六条规定的党组织提出：有党组织的单位向单位党组织；单位无党组织的向单位所在地、主管部门或居住地党组织（2014年版：居住地党组织，流动人员也可向单位所在地或主管部门党组织）；没有单位的向居住地党组织；流动人员还可向流动党员党组织提出。户籍地不是规定的申请地点。档案格式只记录接收组织是否为流动党员党组织，因此本规则只能发现非流动人员向流动党员党组织申请的情形。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第六条`,
  step: 1,
  messages: {
    mobileOrgNonMigrant: '申请人不是流动人员，却由流动党员党组织（{org}）接收入党申请：流动党员党组织只接收流动人员的申请，须说明理由',
  },
  evaluate({ d, isMigrant }) {
    if (!d.application || !d.org?.isMobileOrg || isMigrant) return NO_HITS;
    return [hit('mobileOrgNonMigrant', { org: d.org.branch }, { on: d.application.datedOn })];
  },
};
