import { caseTable } from './case-table.ts';
import { rule } from './R-APP-MIN-WAIT.ts';

caseTable(rule, {
  valid: [
    { name: 'six months and more' },
    { name: 'exactly six months', change: (d) => { d.activist!.on = '2024-09-01'; } },
    { name: 'a shorter wait the city sets', change: (d) => { d.activist!.on = '2024-06-10'; }, settings: { rules: { 'R-APP-MIN-WAIT': { enabled: true, params: { months: 3 } } } } },
  ],
  invalid: [
    { name: 'one day short of six months', change: (d) => { d.activist!.on = '2024-08-31'; }, expect: ['tooSoon'], severity: 'WARN', message: /2024-09-01/ },
    { name: 'the city makes it a hard stop', change: (d) => { d.activist!.on = '2024-05-01'; }, settings: { rules: { 'R-APP-MIN-WAIT': { enabled: true, severity: 'BLOCK' } } }, expect: ['tooSoon'], severity: 'BLOCK' },
  ],
});
