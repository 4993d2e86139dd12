import { caseTable } from './case-table.ts';
import { rule } from './R-BRANCH-REVIEW.ts';

caseTable(rule, {
  valid: [{ name: 'reviewed before the pre-review' }, { name: 'reviewed the same day', change: (d) => { d.branchReviewOn = d.preReview!.passedOn; } }],
  invalid: [
    { name: 'no branch review', change: (d) => { delete d.branchReviewOn; }, expect: ['none'], severity: 'BLOCK' },
    { name: 'review after the pre-review', change: (d) => { d.branchReviewOn = '2026-07-25'; }, expect: ['after'] },
  ],
});
