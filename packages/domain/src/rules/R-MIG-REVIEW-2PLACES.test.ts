import { caseTable } from './case-table.ts';
import { rule } from './R-MIG-REVIEW-2PLACES.ts';

caseTable(rule, {
  valid: [{ name: 'both opinions' }],
  invalid: [{ name: 'reported as R-REVIEW-MIGRANT', change: (d) => { delete d.politicalReview!.residenceOpinionOn; }, expect: ['R-REVIEW-MIGRANT:noResidence'] }],
});
