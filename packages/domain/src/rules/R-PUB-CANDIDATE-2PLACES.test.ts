import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-PUB-CANDIDATE-2PLACES.ts';

const origin = (d: ReturnType<typeof exampleDossier>) => d.notices!.find((n) => n.place === 'origin')!;

caseTable(rule, {
  valid: [
    { name: 'both places, the same week' },
    { name: 'overlapping by one day', change: (d) => { Object.assign(origin(d), { start: '2026-05-26', end: '2026-06-01' }); } },
    { name: 'not a migrant', from: () => exampleDossier({ migrant: false }) },
  ],
  invalid: [
    { name: 'no notice in the home place', change: (d) => { d.notices = d.notices!.filter((n) => n.place !== 'origin'); }, expect: ['noOrigin'], severity: 'BLOCK' },
    { name: 'one after the other', change: (d) => { Object.assign(origin(d), { start: '2026-05-25', end: '2026-05-29' }); }, expect: ['notSimultaneous'] },
    { name: 'origin notice too short', change: (d) => { origin(d).end = '2026-06-03'; }, expect: ['originShort'] },
    { name: 'an unresolved objection at home', change: (d) => { origin(d).objections = [{ receivedOn: '2026-06-03', upheld: false }]; }, expect: ['originObjection'] },
  ],
});
