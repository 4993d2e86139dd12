import { caseTable } from './case-table.ts';
import { rule } from './R-ACT-DECIDED-BY-COMMITTEE.ts';

caseTable(rule, {
  valid: [
    { name: 'branch committee' },
    { name: 'branch general meeting (no committee)', change: (d) => { d.activist!.decidedBy = 'branchMeeting'; } },
  ],
  invalid: [{ name: 'an individual', change: (d) => { d.activist!.decidedBy = 'individual'; }, expect: ['individual'], severity: 'BLOCK' }],
});
