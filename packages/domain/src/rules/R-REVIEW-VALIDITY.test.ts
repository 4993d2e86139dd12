import { caseTable } from './case-table.ts';
import { rule } from './R-REVIEW-VALIDITY.ts';

caseTable(rule, {
  valid: [
    { name: 'a month old' },
    { name: 'exactly a year', change: (d) => { d.politicalReview!.conclusionOn = '2025-08-10'; } },
  ],
  invalid: [
    { name: 'a year and a day', change: (d) => { d.politicalReview!.conclusionOn = '2025-08-09'; }, expect: ['expired'], severity: 'WARN' },
    { name: 'six months when the city says so', change: (d) => { d.politicalReview!.conclusionOn = '2026-01-10'; }, settings: { rules: { 'R-REVIEW-VALIDITY': { enabled: true, params: { months: 6 } } } }, expect: ['expired'] },
  ],
});
