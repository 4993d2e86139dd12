import { caseTable } from './case-table.ts';
import { rule } from './R-ORG-DEPT-FILED.ts';

caseTable(rule, {
  valid: [{ name: 'filed five days after approval' }, { name: 'not yet filed a week after approval', change: (d) => { delete d.orgDeptFiledOn; }, asOf: '2026-09-17' }],
  invalid: [
    { name: 'never filed', change: (d) => { delete d.orgDeptFiledOn; }, expect: ['notFiled'], severity: 'WARN' },
    { name: 'filed before approval', change: (d) => { d.orgDeptFiledOn = '2026-09-01'; }, expect: ['beforeApproval'] },
  ],
});
