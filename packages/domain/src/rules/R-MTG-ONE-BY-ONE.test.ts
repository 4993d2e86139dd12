import { caseTable } from './case-table.ts';
import { rule } from './R-MTG-ONE-BY-ONE.ts';

caseTable(rule, {
  valid: [{ name: 'one by one' }],
  invalid: [{ name: 'several decided by one vote', change: (d) => { d.admissionMeeting!.oneByOne = false; }, expect: ['batch'], severity: 'BLOCK' }],
});
