import { caseTable } from './case-table.ts';
import { rule } from './R-ACT-MOVE.ts';

caseTable(rule, {
  valid: [
    { name: 'no move' },
    { name: 'moved with hand-over and review', change: (d) => { d.transfers = [{ on: '2025-05-01', during: 'activist', handedOver: true, reviewedOn: '2025-05-10' }]; } },
    { name: 'a move during probation is another rule', change: (d) => { d.transfers = [{ on: '2027-01-05', during: 'probation', handedOver: false }]; } },
  ],
  invalid: [
    { name: 'moved without hand-over', change: (d) => { d.transfers = [{ on: '2025-05-01', during: 'activist', handedOver: false }]; }, expect: ['notHandedOver'], severity: 'BLOCK' },
    { name: 'handed over but not reviewed', change: (d) => { d.transfers = [{ on: '2025-05-01', during: 'activist', handedOver: true }]; }, expect: ['notReviewed'] },
  ],
});
