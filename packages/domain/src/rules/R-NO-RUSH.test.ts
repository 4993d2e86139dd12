import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-NO-RUSH.ts';

const same = (n: number) => () => Array.from({ length: n }, (_, i) => ({ ...exampleDossier(), id: `D-${i + 2}` }));

caseTable(rule, {
  valid: [
    { name: 'alone at the meeting' },
    { name: 'four at one meeting', others: same(3) },
    { name: 'five at meetings of different branches', others: () => same(4)().map((d, i) => ({ ...d, org: { ...d.org!, branch: `支部${i}` } })) },
  ],
  invalid: [
    { name: 'five at one meeting', others: same(4), expect: ['batch'], severity: 'INFO', message: /共接收 5 名/ },
    { name: 'three when the city looks at three', others: same(2), settings: { rules: { 'R-NO-RUSH': { params: { batch: 3 } } } }, expect: ['batch'] },
  ],
});
