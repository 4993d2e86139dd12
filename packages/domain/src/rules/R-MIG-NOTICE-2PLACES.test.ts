import { caseTable } from './case-table.ts';
import { rule } from './R-MIG-NOTICE-2PLACES.ts';

caseTable(rule, {
  valid: [{ name: 'both places at once' }],
  invalid: [{ name: 'no origin notice, reported as R-PUB-CANDIDATE-2PLACES', change: (d) => { d.notices = d.notices!.filter((n) => n.place !== 'origin'); }, expect: ['R-PUB-CANDIDATE-2PLACES:noOrigin'], severity: 'BLOCK' }],
});
