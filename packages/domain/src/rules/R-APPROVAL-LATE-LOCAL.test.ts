import { caseTable } from './case-table.ts';
import { rule } from './R-APPROVAL-LATE-LOCAL.ts';

caseTable(rule, {
  valid: [{ name: 'a month after the meeting' }],
  invalid: [
    { name: 'four months', change: (d) => { d.approval!.on = '2026-12-10'; }, expect: ['reDeliberate'], severity: 'WARN' },
    { name: 'seven months', change: (d) => { d.approval!.on = '2027-03-10'; }, expect: ['redo'], severity: 'BLOCK' },
  ],
});
