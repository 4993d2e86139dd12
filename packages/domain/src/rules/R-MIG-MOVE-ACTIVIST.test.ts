import { caseTable } from './case-table.ts';
import { rule } from './R-MIG-MOVE-ACTIVIST.ts';

caseTable(rule, {
  valid: [{ name: 'moved with hand-over', change: (d) => { d.transfers = [{ on: '2025-05-01', during: 'activist', handedOver: true, reviewedOn: '2025-05-03' }]; } }],
  invalid: [{ name: 'reported as R-ACT-MOVE', change: (d) => { d.transfers = [{ on: '2025-05-01', during: 'activist', handedOver: false }]; }, expect: ['R-ACT-MOVE:notHandedOver'] }],
});
