import { caseTable } from './case-table.ts';
import { rule } from './R-TRAIN-DONE.ts';

caseTable(rule, {
  valid: [{ name: 'passed a month before' }, { name: 'not yet at the pre-review', change: (d) => { delete d.preReview; delete d.admissionMeeting; delete d.training; } }],
  invalid: [
    { name: 'no training', change: (d) => { delete d.training; }, expect: ['none'], severity: 'BLOCK' },
    { name: 'failed', change: (d) => { d.training!.passed = false; }, expect: ['failed'] },
    { name: 'ended after the pre-review', change: (d) => { d.training!.end = '2026-07-25'; }, expect: ['afterPreReview'] },
  ],
});
