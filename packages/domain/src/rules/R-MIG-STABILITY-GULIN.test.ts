import { caseTable } from './case-table.ts';
import { rule } from './R-MIG-STABILITY-GULIN.ts';

caseTable(rule, {
  valid: [{ name: 'moved three years before applying' }, { name: 'exactly two years', change: (d) => { d.person.migrant!.movedOn = '2022-03-01'; } }],
  invalid: [{ name: 'moved a year before applying', change: (d) => { d.person.migrant!.movedOn = '2023-03-02'; }, expect: ['short'], severity: 'WARN' }],
});
