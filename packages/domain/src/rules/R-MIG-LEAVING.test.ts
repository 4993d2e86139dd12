import { caseTable } from './case-table.ts';
import { rule } from './R-MIG-LEAVING.ts';

caseTable(rule, {
  valid: [{ name: 'staying' }],
  invalid: [{ name: 'reported as R-LEAVE-3M', change: (d) => { d.preReview!.leavingWithin3Months = true; }, expect: ['R-LEAVE-3M:leaving'] }],
});
