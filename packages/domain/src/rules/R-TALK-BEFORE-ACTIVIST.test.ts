import { caseTable } from './case-table.ts';
import { rule } from './R-TALK-BEFORE-ACTIVIST.ts';

caseTable(rule, {
  valid: [
    { name: 'talk months before' },
    { name: 'talk on the same day', change: (d) => { d.talk!.on = d.activist!.on; } },
    { name: 'no activist yet, no talk yet', change: (d) => { delete d.talk; delete d.activist; } },
  ],
  invalid: [
    { name: 'no talk at all', change: (d) => { delete d.talk; }, expect: ['noTalk'], severity: 'BLOCK' },
    { name: 'talk the day after', change: (d) => { d.talk!.on = '2024-09-11'; }, expect: ['talkAfter'] },
  ],
});
