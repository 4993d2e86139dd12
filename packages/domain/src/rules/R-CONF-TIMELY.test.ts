import { caseTable } from './case-table.ts';
import { rule } from './R-CONF-TIMELY.ts';

caseTable(rule, {
  valid: [
    { name: 'ten days after the end' },
    { name: 'a transferred probationer is another rule', change: (d) => { d.transfers = [{ on: '2027-01-05', during: 'probation', handedOver: true, reviewedOn: '2027-01-10' }]; d.confirmation!.meeting.on = '2027-12-01'; } },
    { name: 'probation not over yet', change: (d) => { delete d.confirmation; }, asOf: '2027-08-01' },
  ],
  invalid: [
    { name: 'four months after the end', change: (d) => { d.confirmation!.meeting.on = '2027-12-10'; }, expect: ['late'], severity: 'WARN' },
    { name: 'not discussed two months after the end', change: (d) => { delete d.confirmation; }, asOf: '2027-10-20', expect: ['overdue'] },
  ],
});
