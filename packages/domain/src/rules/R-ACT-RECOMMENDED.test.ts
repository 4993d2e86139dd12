import { caseTable } from './case-table.ts';
import { rule } from './R-ACT-RECOMMENDED.ts';

caseTable(rule, {
  valid: [
    { name: 'recommended by members before' },
    { name: 'democratic vote on the same day', change: (d) => { d.recommendations = [{ method: 'democraticVote', on: d.activist!.on, votes: { for: 12, against: 1, total: 13 } }]; } },
  ],
  invalid: [
    { name: 'no recommendation', change: (d) => { delete d.recommendations; }, expect: ['none'], severity: 'BLOCK' },
    { name: 'recommended only afterwards', change: (d) => { d.recommendations = [{ method: 'byMembers', on: '2024-09-11' }]; }, expect: ['none'] },
  ],
});
