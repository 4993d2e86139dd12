import { caseTable } from './case-table.ts';
import { rule } from './R-CONF-NOT-EARLY.ts';

caseTable(rule, {
  valid: [
    { name: 'ten days after the end' },
    { name: 'on the anniversary', change: (d) => { d.confirmation!.meeting.on = '2027-08-10'; } },
    { name: 'on the day before, when the probation ends the day before', change: (d) => { d.confirmation!.meeting.on = '2027-08-09'; }, settings: { boundaries: { probationEnd: 'dayBefore' } } },
    { name: 'cancellation during probation', change: (d) => { d.confirmation!.outcome = 'cancel'; d.confirmation!.meeting.on = '2027-03-01'; } },
  ],
  invalid: [
    { name: 'the day before the anniversary', change: (d) => { d.confirmation!.meeting.on = '2027-08-09'; }, expect: ['early'], severity: 'BLOCK' },
    { name: 'confirmed after a 6-month extension, but before it ended', change: (d) => { d.confirmation!.extensionMonths = 6; }, expect: ['early'], message: /2028-02-10/ },
  ],
});
