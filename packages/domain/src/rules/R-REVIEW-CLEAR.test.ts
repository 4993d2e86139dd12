import { caseTable } from './case-table.ts';
import { rule } from './R-REVIEW-CLEAR.ts';

caseTable(rule, {
  valid: [{ name: 'qualified' }, { name: 'no review yet', change: (d) => { delete d.politicalReview; } }],
  invalid: [{ name: 'unclear', change: (d) => { d.politicalReview!.result = 'unclear'; }, expect: ['unclear'], severity: 'BLOCK' }],
});
