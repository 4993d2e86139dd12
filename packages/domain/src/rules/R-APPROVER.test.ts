import { caseTable } from './case-table.ts';
import { rule } from './R-APPROVER.ts';

caseTable(rule, {
  valid: [{ name: 'a committee with approval power' }, { name: 'not yet at pre-review', change: (d) => { delete d.preReview; delete d.approval; delete d.org; } }],
  invalid: [
    { name: 'a general branch', change: (d) => { d.org!.approver.kind = 'generalBranch'; }, expect: ['notCommittee'], severity: 'BLOCK', message: /党总支/ },
    { name: 'a committee without approval power', change: (d) => { d.org!.approver.hasApprovalPower = false; }, expect: ['noPower'] },
    { name: 'approver not recorded', change: (d) => { delete d.org; }, expect: ['unknown'], severity: 'INFO' },
  ],
});
