import { caseTable } from './case-table.ts';
import { rule } from './R-ORDER-SOFT.ts';

caseTable(rule, {
  valid: [{ name: 'review and training between listing and branch review' }],
  invalid: [
    { name: 'review concluded while still an activist', change: (d) => { d.politicalReview!.conclusionOn = '2026-06-01'; }, expect: ['reviewBeforeCandidate'], severity: 'WARN' },
    { name: 'review after the branch review', change: (d) => { d.politicalReview!.conclusionOn = '2026-07-16'; }, expect: ['reviewAfterBranchReview'] },
    { name: 'training after the branch review', change: (d) => { d.training!.end = '2026-07-16'; }, expect: ['trainingAfterBranchReview'] },
  ],
});
