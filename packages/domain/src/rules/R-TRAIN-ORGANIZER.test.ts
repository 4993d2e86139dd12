import { caseTable } from './case-table.ts';
import { rule } from './R-TRAIN-ORGANIZER.ts';

caseTable(rule, {
  valid: [{ name: 'base-level committee' }, { name: 'county organization department', change: (d) => { d.training!.organizerLevel = 'countyOrgDept'; } }],
  invalid: [{ name: 'the branch itself', change: (d) => { d.training!.organizerLevel = 'branch'; }, expect: ['branch'], severity: 'BLOCK' }],
});
