import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-REVIEW-JOINT.ts';

caseTable(rule, {
  valid: [
    { name: 'joint review on file' },
    { name: 'the 2014 text had no joint review', from: () => exampleDossier({ version: 'V2014' }), change: (d) => { delete d.politicalReview!.jointReviewOn; } },
    { name: 'the county does not run joint review', change: (d) => { delete d.politicalReview!.jointReviewOn; }, settings: { rules: { 'R-REVIEW-JOINT': { params: { countyRunsJointReview: false } } } } },
  ],
  invalid: [{ name: 'no joint review result', change: (d) => { delete d.politicalReview!.jointReviewOn; }, expect: ['none'], severity: 'WARN' }],
});
