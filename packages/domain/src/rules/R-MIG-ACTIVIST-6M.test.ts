import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-MIG-ACTIVIST-6M.ts';

caseTable(rule, {
  valid: [{ name: 'six months and more' }, { name: 'not a migrant', from: () => exampleDossier({ migrant: false }), change: (d) => { d.activist!.on = '2024-05-01'; } }],
  invalid: [{ name: 'five months', change: (d) => { d.activist!.on = '2024-08-01'; }, expect: ['tooSoon'], severity: 'WARN' }],
});
