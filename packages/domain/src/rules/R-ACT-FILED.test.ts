import { caseTable } from './case-table.ts';
import { rule } from './R-ACT-FILED.ts';

caseTable(rule, {
  valid: [
    { name: 'filed ten days after designation' },
    { name: 'filed on the day of listing as candidate', change: (d) => { d.activist!.filedOn = d.candidate!.on; } },
  ],
  invalid: [{ name: 'filed only after the listing', change: (d) => { d.activist!.filedOn = '2026-06-16'; }, expect: ['filedLate'], severity: 'BLOCK' }],
});
