import { caseTable } from './case-table.ts';
import { rule } from './R-PREREVIEW.ts';

caseTable(rule, {
  valid: [{ name: 'form issued on the day of the pass' }, { name: 'no meeting and no pre-review yet', change: (d) => { delete d.preReview; delete d.admissionMeeting; } }],
  invalid: [
    { name: 'a meeting without pre-review', change: (d) => { delete d.preReview; }, expect: ['none'], severity: 'BLOCK' },
    { name: 'form issued before the pass', change: (d) => { d.preReview!.formIssuedOn = '2026-07-20'; }, expect: ['formBeforePass'] },
    { name: 'form document dated before the pass', change: (d) => { d.documents!.find((x) => x.type === 'applicationForm')!.on = '2026-07-01'; }, expect: ['formDocBeforePass'] },
  ],
});
