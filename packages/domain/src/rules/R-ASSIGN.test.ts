import { caseTable } from './case-table.ts';
import { rule } from './R-ASSIGN.ts';

caseTable(rule, {
  valid: [{ name: 'the next day' }, { name: 'exactly 30 days', change: (d) => { d.placedOn = '2026-10-10'; } }],
  invalid: [
    { name: '31 days', change: (d) => { d.placedOn = '2026-10-11'; }, expect: ['late'], severity: 'WARN' },
    { name: 'never placed', change: (d) => { delete d.placedOn; }, expect: ['notPlaced'] },
  ],
});
