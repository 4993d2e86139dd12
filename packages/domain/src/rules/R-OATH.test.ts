import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-OATH.ts';

caseTable(rule, {
  valid: [
    { name: 'two weeks after approval' },
    { name: 'collective oath on 七一', change: (d) => { d.oath = { on: '2027-07-01', collectiveDay: true }; } },
    { name: 'no time limit in 2014', from: () => exampleDossier({ version: 'V2014' }), change: (d) => { d.oath!.on = '2023-03-01'; } },
  ],
  invalid: [
    { name: 'no oath by the confirmation meeting', change: (d) => { delete d.oath; }, expect: ['none'], severity: 'BLOCK' },
    { name: 'two months after approval, not collective', change: (d) => { d.oath!.on = '2026-11-10'; }, expect: ['late'], severity: 'WARN' },
    { name: 'not yet sworn two months on', change: (d) => { delete d.oath; delete d.confirmation; }, asOf: '2026-11-20', expect: ['overdue'], severity: 'WARN' },
  ],
});
