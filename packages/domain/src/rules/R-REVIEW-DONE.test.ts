import { caseTable } from './case-table.ts';
import { rule } from './R-REVIEW-DONE.ts';

caseTable(rule, {
  valid: [
    { name: 'qualified before the pre-review' },
    { name: 'not yet at the pre-review', change: (d) => { delete d.preReview; delete d.admissionMeeting; delete d.politicalReview; } },
    { name: 'unclear is another rule (R-REVIEW-CLEAR)', change: (d) => { d.politicalReview!.result = 'unclear'; } },
  ],
  invalid: [
    { name: 'no review', change: (d) => { delete d.politicalReview; }, expect: ['none'], severity: 'BLOCK' },
    { name: 'unqualified', change: (d) => { d.politicalReview!.result = 'unqualified'; }, expect: ['unqualified'] },
    { name: 'conclusion after the pre-review', change: (d) => { d.politicalReview!.conclusionOn = '2026-07-25'; }, expect: ['afterPreReview'] },
  ],
});
