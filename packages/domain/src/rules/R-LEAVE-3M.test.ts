import { caseTable } from './case-table.ts';
import { rule } from './R-LEAVE-3M.ts';

caseTable(rule, {
  valid: [{ name: 'staying' }, { name: 'not recorded', change: (d) => { delete d.preReview!.leavingWithin3Months; } }],
  invalid: [
    { name: 'leaving within three months', change: (d) => { d.preReview!.leavingWithin3Months = true; }, expect: ['leaving'], severity: 'WARN', message: /2026-08-10/ },
    { name: 'a city that refuses', change: (d) => { d.preReview!.leavingWithin3Months = true; }, settings: { rules: { 'R-LEAVE-3M': { severity: 'BLOCK' } } }, expect: ['leaving'], severity: 'BLOCK' },
  ],
});
