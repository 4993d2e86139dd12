import { caseTable } from './case-table.ts';
import { rule } from './R-TRANSFER-PROB.ts';

caseTable(rule, {
  valid: [{ name: 'no move' }, { name: 'moved with hand-over and review', change: (d) => { d.transfers = [{ on: '2027-01-05', during: 'probation', handedOver: true, reviewedOn: '2027-01-10' }]; } }],
  invalid: [
    { name: 'no hand-over', change: (d) => { d.transfers = [{ on: '2027-01-05', during: 'probation', handedOver: false }]; }, expect: ['notHandedOver'], severity: 'BLOCK' },
    { name: 'not reviewed', change: (d) => { d.transfers = [{ on: '2027-01-05', during: 'probation', handedOver: true }]; }, expect: ['notReviewed'] },
  ],
});
